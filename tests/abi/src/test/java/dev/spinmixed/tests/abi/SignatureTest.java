package dev.spinmixed.tests.abi;

import static dev.spinmixed.abi.FlatType.F32;
import static dev.spinmixed.abi.FlatType.I32;
import static dev.spinmixed.abi.FlatType.I64;
import static dev.spinmixed.tests.abi.Types.function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.AbiNames;
import dev.spinmixed.abi.CoreSignature;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core signatures of WIT functions (flatten_functype) and their core names. */
class SignatureTest {

    private static Function spin(String iface, String function) {
        return LayoutTest.APP_WIT.iface(iface).function(function).orElseThrow();
    }

    @Test
    void handleRequestExportIsTenI32ReturningAPointer() {
        CoreSignature sig = CoreSignature.lift(spin("fermyon:spin/inbound-http", "handle-request"));
        assertEquals(Collections.nCopies(10, I32), sig.params());
        assertEquals(List.of(I32), sig.results());
        assertTrue(sig.resultInMemory());
        assertEquals(
                "(param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)", sig.toString());
    }

    @Test
    void handleMessageExportIsTwoI32ReturningAPointer() {
        CoreSignature sig =
                CoreSignature.lift(spin("fermyon:spin/inbound-redis", "handle-message"));
        assertEquals("(param i32 i32) (result i32)", sig.toString());
    }

    @Test
    void redisPublishImportIsSevenI32WithATrailingReturnPointer() {
        CoreSignature sig = CoreSignature.lower(spin("fermyon:spin/redis", "publish"));
        assertEquals(Collections.nCopies(7, I32), sig.params());
        assertEquals(List.of(), sig.results());
        assertTrue(sig.resultInMemory());
        assertEquals("(param i32 i32 i32 i32 i32 i32 i32)", sig.toString());
    }

    @Test
    void sixteenFlatParamsStayFlatSeventeenGoThroughMemory() {
        WitType[] sixteen =
                Collections.nCopies(16, (WitType) Primitive.U32).toArray(WitType[]::new);
        WitType[] seventeen =
                Collections.nCopies(17, (WitType) Primitive.U32).toArray(WitType[]::new);
        CoreSignature flat = CoreSignature.lift(function("f", null, sixteen));
        assertEquals(16, flat.params().size());
        assertFalse(flat.paramsInMemory());
        CoreSignature spilled = CoreSignature.lift(function("f", null, seventeen));
        assertEquals(List.of(I32), spilled.params());
        assertTrue(spilled.paramsInMemory());
        CoreSignature lowered = CoreSignature.lower(function("f", Primitive.STRING, seventeen));
        assertEquals(
                List.of(I32, I32),
                lowered.params(),
                "spilled params pointer, then the return pointer");
    }

    @Test
    void oneFlatResultIsReturnedDirectly() {
        assertEquals(List.of(I64), CoreSignature.lift(function("f", Primitive.U64)).results());
        assertEquals(List.of(F32), CoreSignature.lower(function("f", Primitive.F32)).results());
        assertEquals(List.of(), CoreSignature.lift(function("f", null)).results());
        assertEquals(List.of(I32), CoreSignature.lift(function("f", Types.enumOf(3))).results());
    }

    @Test
    void postReturnTakesWhatTheExportReturned() {
        Function f = function("f", Primitive.STRING, Primitive.STRING);
        CoreSignature post = CoreSignature.postReturn(f);
        assertEquals(List.of(FlatType.I32), post.params());
        assertEquals(List.of(), post.results());
    }

    @Test
    void coreNames() {
        Interface http = LayoutTest.APP_WIT.iface("fermyon:spin/inbound-http");
        Function handle = http.function("handle-request").orElseThrow();
        assertEquals("fermyon:spin/inbound-http#handle-request", AbiNames.exportName(http, handle));
        assertEquals(
                "cabi_post_fermyon:spin/inbound-http#handle-request",
                AbiNames.postReturnName(AbiNames.exportName(http, handle)));
        assertEquals("fermyon:spin/inbound-http", AbiNames.importModule(http));
        Interface pricing = LayoutTest.APP_WIT.iface("acme:pricing/pricing@0.1.0");
        assertEquals("acme:pricing/pricing@0.1.0", AbiNames.importModule(pricing));
        Function worldFunction = function("run", null);
        assertEquals("run", AbiNames.exportName(worldFunction));
        assertEquals("$root", AbiNames.ROOT_MODULE);
    }
}
