package dev.spinmixed.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.abi.Variant;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical JSON form is what "byte-for-byte equal" rests on: these pin its exactness. */
class ValueJsonTest {

    @Test
    void floatsKeepTheirBitsAndEveryNanIsOne() {
        assertEquals("\"80000000\"", ValueJson.encode(Primitive.F32, -0.0f).toString());
        assertNotEquals(
                ValueJson.encode(Primitive.F32, 0.0f), ValueJson.encode(Primitive.F32, -0.0f));
        assertEquals(
                "\"0000000000000001\"",
                ValueJson.encode(Primitive.F64, Double.MIN_VALUE).toString());
        assertEquals(
                "\"nan\"",
                ValueJson.encode(Primitive.F32, Float.intBitsToFloat(0x7FA00001)).toString());
        assertEquals(
                "\"nan\"",
                ValueJson.encode(Primitive.F64, Double.longBitsToDouble(0xFFF8000000000001L))
                        .toString());
    }

    @Test
    void sixtyFourBitIntegersAreDecimalStrings() {
        assertEquals("\"18446744073709551615\"", ValueJson.encode(Primitive.U64, -1L).toString());
        assertEquals(
                "\"-9223372036854775808\"",
                ValueJson.encode(Primitive.S64, Long.MIN_VALUE).toString());
        assertEquals(-1L, ValueJson.decode(Primitive.U64, ValueJson.encode(Primitive.U64, -1L)));
    }

    @Test
    void compoundValuesRoundTripThroughTheJavaValueModel() {
        WitType.RecordType point =
                new WitType.RecordType(
                        "point",
                        List.of(
                                new WitType.Field("x", Primitive.S32),
                                new WitType.Field("y", Primitive.S32)));
        WitType.VariantType shape =
                new WitType.VariantType(
                        "shape",
                        List.of(
                                new WitType.Case("rect", Optional.of(point)),
                                new WitType.Case("empty", Optional.empty())));
        WitType.FlagsType perms = new WitType.FlagsType("perms", List.of("read", "write", "exec"));
        WitType type =
                new WitType.TupleType(
                        List.of(
                                new WitType.ListType(shape),
                                new WitType.OptionType(new WitType.OptionType(Primitive.STRING)),
                                new WitType.ResultType(Optional.empty(), Optional.of(perms)),
                                new WitType.ListType(Primitive.U8)));
        Object value =
                List.of(
                        List.of(
                                new Variant("rect", Record.of("x", 1, "y", -2)),
                                Variant.of("empty")),
                        Optional.of(Optional.empty()),
                        Result.err(Set.of("exec", "read")),
                        new byte[] {0, (byte) 0xFF});

        String json = ValueJson.encode(type, value).toString();

        assertEquals(
                "[[{\"case\":\"rect\",\"value\":{\"x\":1,\"y\":-2}},{\"case\":\"empty\"}],"
                        + "{\"some\":null},{\"err\":[\"read\",\"exec\"]},\"00ff\"]",
                json);
        List<?> back = (List<?>) ValueJson.decode(type, ValueJson.encode(type, value));
        assertEquals(((List<?>) value).subList(0, 3), back.subList(0, 3));
        assertArrayEquals(new byte[] {0, (byte) 0xFF}, (byte[]) back.get(3));
    }

    @Test
    void aValueOfTheWrongJavaTypeIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> ValueJson.encode(Primitive.U32, 7));
        assertEquals("a u32 should be a Long but the host returned Integer 7", e.getMessage());
    }
}
