package dev.spinmixed.tests.abi;

import static dev.spinmixed.abi.FlatType.F32;
import static dev.spinmixed.abi.FlatType.F64;
import static dev.spinmixed.abi.FlatType.I32;
import static dev.spinmixed.abi.FlatType.I64;
import static dev.spinmixed.tests.abi.Types.enumOf;
import static dev.spinmixed.tests.abi.Types.flagsOf;
import static dev.spinmixed.tests.abi.Types.list;
import static dev.spinmixed.tests.abi.Types.option;
import static dev.spinmixed.tests.abi.Types.record;
import static dev.spinmixed.tests.abi.Types.result;
import static dev.spinmixed.tests.abi.Types.tuple;
import static dev.spinmixed.tests.abi.Types.variant;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.abi.Cases;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.abi.Flattening;
import dev.spinmixed.abi.Layout;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sizes, alignments, offsets and flattening: the worked values of Spin's v1 interfaces and the
 * component model's CanonicalABI.md rules.
 */
class LayoutTest {

    static final WitResolve APP_WIT = WitLoader.loadDirectory(Path.of("..", "..", "apps", "wit"));

    static WitType spinType(String iface, String function, int param) {
        Interface i = APP_WIT.iface(iface);
        return i.function(function).orElseThrow().params().get(param).type();
    }

    static WitType spinResult(String iface, String function) {
        return APP_WIT.iface(iface).function(function).orElseThrow().result().orElseThrow();
    }

    @Test
    void spinHttpResponseIs28BytesWithDesignOffsets() {
        WitType.RecordType response =
                (WitType.RecordType) spinResult("fermyon:spin/inbound-http", "handle-request");
        assertEquals(28, Layout.size(response));
        assertEquals(4, Layout.alignment(response));
        List<WitType> fields = response.fields().stream().map(WitType.Field::type).toList();
        assertArrayEquals(
                new int[] {0, 4, 16},
                Layout.fieldOffsets(fields),
                "status @0, headers @4, body @16");
        WitType.OptionType headers = (WitType.OptionType) fields.get(1);
        assertEquals(12, Layout.size(headers), "option disc @4, ptr @8, len @12");
        assertEquals(4, Layout.payloadOffset(Cases.of(headers).payloads()));
    }

    @Test
    void spinHttpRequestFlattensToTenI32() {
        WitType request = spinType("fermyon:spin/inbound-http", "handle-request", 0);
        assertEquals(
                List.of(I32, I32, I32, I32, I32, I32, I32, I32, I32, I32),
                Flattening.flatten(request));
        assertEquals(40, Layout.size(request));
    }

    @Test
    void spinRedisResultIsTwoBytes() {
        WitType r = spinResult("fermyon:spin/inbound-redis", "handle-message");
        assertEquals(2, Layout.size(r), "0 ok / 1 err, then the error enum");
        assertEquals(1, Layout.alignment(r));
        assertEquals(List.of(I32, I32), Flattening.flatten(r));
    }

    @Test
    void recordFieldsArePaddedToTheirAlignment() {
        WitType r = record("r", "a", Primitive.U8, "b", Primitive.U32, "c", Primitive.U8);
        assertEquals(12, Layout.size(r));
        assertEquals(4, Layout.alignment(r));
        assertArrayEquals(
                new int[] {0, 4, 8},
                Layout.fieldOffsets(List.of(Primitive.U8, Primitive.U32, Primitive.U8)));
        assertEquals(16, Layout.size(tuple(Primitive.U8, Primitive.U64)));
        assertEquals(8, Layout.alignment(tuple(Primitive.U8, Primitive.U64)));
    }

    @ParameterizedTest(name = "{0}: size {1} align {2}")
    @CsvSource({
        "BOOL, 1, 1",
        "S8, 1, 1",
        "U8, 1, 1",
        "S16, 2, 2",
        "U16, 2, 2",
        "S32, 4, 4",
        "U32, 4, 4",
        "S64, 8, 8",
        "U64, 8, 8",
        "F32, 4, 4",
        "F64, 8, 8",
        "CHAR, 4, 4",
        "STRING, 8, 4"
    })
    void primitives(Primitive p, int size, int alignment) {
        assertEquals(size, Layout.size(p));
        assertEquals(alignment, Layout.alignment(p));
    }

    @Test
    void variantsPutThePayloadAfterTheDiscriminantAtTheWidestAlignment() {
        assertEquals(16, Layout.size(option(Primitive.U64)));
        assertEquals(8, Layout.alignment(option(Primitive.U64)));
        assertEquals(List.of(I32, I64), Flattening.flatten(option(Primitive.U64)));
        assertEquals(8, Layout.size(result(Primitive.U8, Primitive.U32)));
        assertEquals(12, Layout.size(option(Types.STRING)));
        assertEquals(1, Layout.size(result(null, null)));
        assertEquals(List.of(I32), Flattening.flatten(result(null, null)));
    }

    @Test
    void variantPayloadSlotsAreJoined() {
        assertEquals(
                List.of(I32, I32),
                Flattening.flatten(result(Primitive.F32, Primitive.U32)),
                "f32 joined with i32 is i32");
        assertEquals(
                List.of(I32, I64),
                Flattening.flatten(result(Primitive.F32, Primitive.F64)),
                "f32 joined with f64 is i64");
        assertEquals(List.of(I32, F64), Flattening.flatten(option(Primitive.F64)));
        WitType v =
                variant(
                        "v",
                        "a",
                        Primitive.F32,
                        "b",
                        Primitive.U64,
                        "c",
                        tuple(Primitive.F64, Primitive.U8),
                        "d",
                        null);
        assertEquals(List.of(I32, I64, I32), Flattening.flatten(v));
        assertEquals(List.of(I32, F32), Flattening.flatten(option(Primitive.F32)));
    }

    @Test
    void joinRules() {
        assertEquals(I32, FlatType.join(I32, F32));
        assertEquals(I32, FlatType.join(F32, I32));
        assertEquals(I64, FlatType.join(I32, I64));
        assertEquals(I64, FlatType.join(F64, I32));
        assertEquals(F64, FlatType.join(F64, F64));
    }

    @ParameterizedTest(name = "{0} cases: {1}-byte discriminant")
    @CsvSource({"1, 1", "2, 1", "256, 1", "257, 2", "65536, 2", "65537, 4"})
    void discriminantSizes(int cases, int bytes) {
        assertEquals(bytes, Layout.discriminantSize(cases));
        assertEquals(bytes, Layout.size(enumOf(cases)));
        assertEquals(bytes, Layout.alignment(enumOf(cases)));
    }

    @ParameterizedTest(name = "{0} flags: {1} bytes, {2} i32")
    @CsvSource({
        "1, 1, 1",
        "8, 1, 1",
        "9, 2, 1",
        "16, 2, 1",
        "17, 4, 1",
        "32, 4, 1",
        "33, 8, 2",
        "64, 8, 2",
        "65, 12, 3"
    })
    void flagsSizes(int flags, int bytes, int flatCount) {
        assertEquals(bytes, Layout.size(flagsOf(flags)));
        assertEquals(flatCount, Flattening.flatten(flagsOf(flags)).size());
    }

    @Test
    void stringsAndListsAreAPointerAndALength() {
        assertEquals(List.of(I32, I32), Flattening.flatten(Types.STRING));
        assertEquals(List.of(I32, I32), Flattening.flatten(list(record("r", "a", Primitive.F64))));
        assertEquals(8, Layout.size(list(Primitive.U64)));
        assertEquals(4, Layout.alignment(list(Primitive.U64)));
    }
}
