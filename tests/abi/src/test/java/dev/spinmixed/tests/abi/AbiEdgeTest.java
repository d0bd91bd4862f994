package dev.spinmixed.tests.abi;

import static dev.spinmixed.tests.abi.Types.option;
import static dev.spinmixed.tests.abi.Types.record;
import static dev.spinmixed.tests.abi.Types.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.AbiException;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.abi.FlatValues;
import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.abi.Variant;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks at the boundary, one by one: UTF-8, chars, NaNs, ranges and shapes of host values. */
class AbiEdgeTest {

    private final ScratchMemory m = new ScratchMemory();

    private Object liftString(byte[] utf8) {
        int ptr = m.allocate(1, utf8.length);
        m.memory.write(ptr, utf8);
        return m.lifter()
                .liftFlat(
                        Primitive.STRING,
                        new FlatValues(
                                new long[] {ptr, utf8.length},
                                List.of(FlatType.I32, FlatType.I32)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "c0af,       overlong encoding of /",
        "eda080,     UTF-8 encoded surrogate U+D800",
        "f4908080,   beyond U+10FFFF",
        "e282,       truncated sequence",
        "80,         lone continuation byte",
        "fe,         byte never valid in UTF-8"
    })
    void invalidUtf8FromAGuestIsRejected(String hex, String what) {
        AbiException e =
                assertThrows(AbiException.class, () -> liftString(HexFormat.of().parseHex(hex)));
        assertTrue(e.getMessage().contains("is not valid UTF-8"), e.getMessage());
    }

    @Test
    void validUtf8AtTheEdgesIsAccepted() {
        assertEquals(
                "\uD7FF\uE000\uFFFF\uD800\uDC00\uDBFF\uDFFF",
                liftString(HexFormat.of().parseHex("ed9fbfee8080efbfbff0908080f48fbfbf")));
        assertEquals("", liftString(new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, -1})
    void charsThatAreNotScalarValuesAreRejectedBothWays(int codePoint) {
        assertThrows(
                AbiException.class,
                () ->
                        m.lifter()
                                .liftFlat(
                                        Primitive.CHAR,
                                        new FlatValues(
                                                new long[] {codePoint}, List.of(FlatType.I32))));
        assertThrows(
                AbiException.class,
                () -> m.lowerer().lowerFlat(Primitive.CHAR, codePoint, new FlatValues.Builder()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 0xD7FF, 0xE000, 0x10FFFF})
    void charsAtTheSurrogateBoundariesPass(int codePoint) {
        assertEquals(
                codePoint,
                m.lifter()
                        .liftFlat(
                                Primitive.CHAR,
                                new FlatValues(new long[] {codePoint}, List.of(FlatType.I32))));
    }

    @Test
    void everyNanBecomesTheCanonicalNanInMemoryAndFlat() {
        int ptr = m.allocate(8, 16);
        m.lowerer().store(Primitive.F32, Float.intBitsToFloat(0xffc12345), ptr, "f32");
        assertEquals(0x7fc00000, m.memory.readInt(ptr));
        m.lowerer()
                .store(Primitive.F64, Double.longBitsToDouble(0xfff0000000000001L), ptr + 8, "f64");
        assertEquals(0x7ff8000000000000L, m.memory.readLong(ptr + 8));
        m.memory.writeI32(ptr, 0x7f800001);
        assertEquals(
                0x7fc00000,
                Float.floatToRawIntBits((Float) m.lifter().load(Primitive.F32, ptr, "f32")));
        FlatValues.Builder flat = new FlatValues.Builder();
        m.lowerer().lowerFlat(Primitive.F64, Double.longBitsToDouble(0x7ff0000000000abcL), flat);
        assertEquals(0x7ff8000000000000L, flat.value(0));
    }

    @Test
    void loneSurrogateInAHostStringIsRejected() {
        AbiException e =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(
                                                Primitive.STRING,
                                                "a\uD800b",
                                                new FlatValues.Builder()));
        assertTrue(e.getMessage().contains("lone surrogate"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"U8, 256", "U8, -1", "S8, 128", "S8, -129", "U16, 65536", "S16, -32769"})
    void integersOutOfRangeAreRejected(Primitive type, int value) {
        AbiException e =
                assertThrows(
                        AbiException.class,
                        () -> m.lowerer().lowerFlat(type, value, new FlatValues.Builder()));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void u32MustBeALongInRange() {
        assertThrows(
                AbiException.class,
                () -> m.lowerer().lowerFlat(Primitive.U32, -1L, new FlatValues.Builder()));
        assertThrows(
                AbiException.class,
                () ->
                        m.lowerer()
                                .lowerFlat(
                                        Primitive.U32, 0x1_0000_0000L, new FlatValues.Builder()));
        AbiException e =
                assertThrows(
                        AbiException.class,
                        () -> m.lowerer().lowerFlat(Primitive.U32, 5, new FlatValues.Builder()));
        assertTrue(e.getMessage().contains("a u32 must be a Long, got Integer 5"), e.getMessage());
    }

    @Test
    void u64IsTheBitPattern() {
        FlatValues.Builder flat = new FlatValues.Builder();
        m.lowerer().lowerFlat(Primitive.U64, -1L, flat);
        assertEquals(
                "18446744073709551615",
                Long.toUnsignedString(
                        (Long)
                                m.lifter()
                                        .liftFlat(
                                                Primitive.U64,
                                                new FlatValues(
                                                        flat.toArray(), List.of(FlatType.I64)))));
    }

    @Test
    void hostValuesOfTheWrongShapeAreNamed() {
        WitType.RecordType r = record("point", "x", Primitive.S32, "y", Primitive.S32);
        AbiException missing =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(r, Record.of("x", 1), new FlatValues.Builder()));
        assertTrue(
                missing.getMessage().contains("record point has fields [x, y], the value has [x]"),
                missing.getMessage());
        WitType.VariantType v = variant("shape", "circle", Primitive.F32, "dot", null);
        AbiException unknownCase =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(
                                                v, Variant.of("square"), new FlatValues.Builder()));
        assertTrue(
                unknownCase.getMessage().contains("variant shape has no case 'square'"),
                unknownCase.getMessage());
        AbiException noPayload =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(
                                                v, Variant.of("circle"), new FlatValues.Builder()));
        assertTrue(noPayload.getMessage().contains("needs a payload"), noPayload.getMessage());
        AbiException enumCase =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(
                                                Types.enumOf(3), "c9", new FlatValues.Builder()));
        assertTrue(
                enumCase.getMessage().contains("enum e3 has no case \"c9\""),
                enumCase.getMessage());
        AbiException flag =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(
                                                Types.flagsOf(3),
                                                Set.of("zz"),
                                                new FlatValues.Builder()));
        assertTrue(flag.getMessage().contains("flags f3 has no flag \"zz\""), flag.getMessage());
        AbiException resultPayload =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(
                                                Types.result(null, Primitive.STRING),
                                                Result.ok("unexpected"),
                                                new FlatValues.Builder()));
        assertTrue(
                resultPayload.getMessage().contains("takes no payload"),
                resultPayload.getMessage());
        AbiException listU8 =
                assertThrows(
                        AbiException.class,
                        () ->
                                m.lowerer()
                                        .lowerFlat(
                                                Types.list(Primitive.U8),
                                                List.of(1, 2),
                                                new FlatValues.Builder()));
        assertTrue(
                listU8.getMessage().contains("a list<u8> must be a byte[]"), listU8.getMessage());
    }

    @Test
    void errorsSayWhereInsideTheArgumentsTheBadValueIs() {
        dev.spinmixed.wit.Function handle =
                LayoutTest.APP_WIT
                        .iface("fermyon:spin/inbound-http")
                        .function("handle-request")
                        .orElseThrow();
        dev.spinmixed.abi.FunctionAbi abi = new dev.spinmixed.abi.FunctionAbi(handle);
        Record request =
                Record.of(
                        "method",
                        "get",
                        "uri",
                        "/",
                        "headers",
                        List.of(List.of("a", "b"), List.of("c", 5)),
                        "params",
                        List.of(),
                        "body",
                        Optional.empty());
        AbiException e =
                assertThrows(
                        AbiException.class,
                        () -> abi.lowerArguments(List.of(request), abi.lowerer(m.guest, m)));
        assertEquals("req.headers[1].1", e.path());
        assertEquals(
                "scratch at req.headers[1].1: a string must be a String, got Integer 5",
                e.getMessage());
    }

    @Test
    void variantPayloadsTravelInJoinedSlots() {
        WitType v = variant("num", "f", Primitive.F32, "i", Primitive.S64, "none", null);
        FlatValues.Builder flat = new FlatValues.Builder();
        m.lowerer().lowerFlat(v, new Variant("f", 1.5f), flat);
        assertEquals(List.of(FlatType.I32, FlatType.I64), flat.types());
        assertEquals(
                Float.floatToRawIntBits(1.5f),
                flat.value(1),
                "f32 bits zero-extended into the i64 slot");
        assertEquals(
                new Variant("f", 1.5f),
                m.lifter().liftFlat(v, new FlatValues(flat.toArray(), flat.types())));
        assertEquals(
                Optional.of(-7L),
                m.lifter()
                        .liftFlat(
                                option(Primitive.S64),
                                new FlatValues(
                                        new long[] {1, -7}, List.of(FlatType.I32, FlatType.I64))));
    }

    @Test
    void unusedPayloadSlotsAreZero() {
        FlatValues.Builder flat = new FlatValues.Builder();
        m.lowerer().lowerFlat(option(Types.STRING), Optional.empty(), flat);
        assertEquals(List.of(0L, 0L, 0L), List.of(flat.value(0), flat.value(1), flat.value(2)));
    }
}
