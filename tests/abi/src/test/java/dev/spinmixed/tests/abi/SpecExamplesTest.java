package dev.spinmixed.tests.abi;

import static dev.spinmixed.tests.abi.Types.flagsOf;
import static dev.spinmixed.tests.abi.Types.list;
import static dev.spinmixed.tests.abi.Types.option;
import static dev.spinmixed.tests.abi.Types.record;
import static dev.spinmixed.tests.abi.Types.result;
import static dev.spinmixed.tests.abi.Types.tuple;
import static dev.spinmixed.tests.abi.Types.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.AbiException;
import dev.spinmixed.abi.CoreSignature;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.abi.FlatValues;
import dev.spinmixed.abi.Flattening;
import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.abi.ValueModel;
import dev.spinmixed.abi.Variant;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The known answers of the spec's own test suite (component-model design/mvp/canonical-abi/
 * run_tests.py), restated against this implementation: core values in, the value the spec lifts (or
 * a trap) out, then lowered again and lifted back unchanged.
 */
class SpecExamplesTest {

    private final ScratchMemory m = new ScratchMemory();

    /**
     * Lifts {@code type} from core values (given as unsigned 32/64-bit patterns), then round-trips
     * it.
     */
    private Object lift(WitType type, long... values) {
        List<FlatType> flat = Flattening.flatten(type);
        Object value = m.lifter().liftFlat(type, new FlatValues(values, flat));
        FlatValues.Builder again = new FlatValues.Builder();
        m.lowerer().lowerFlat(type, value, again);
        Object back = m.lifter().liftFlat(type, new FlatValues(again.toArray(), flat));
        assertTrue(
                ValueModel.equal(value, back),
                () -> "re-lift of " + ValueModel.show(value) + " gave " + ValueModel.show(back));
        return value;
    }

    /** Lifts a {@code list<element>} of {@code length} from memory holding {@code bytes} at 0. */
    private Object heap(WitType element, int ptr, int length, int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        m.memory.write(0, raw);
        m.allocate(1, 1024);
        return lift(list(element), ptr, length);
    }

    private void traps(WitType type, long... values) {
        assertThrows(AbiException.class, () -> lift(type, values));
    }

    private static Set<String> flags(int... indexes) {
        Set<String> out = new TreeSet<>();
        for (int i : indexes) {
            out.add("f" + i);
        }
        return out;
    }

    private static Set<String> allFlags(int n) {
        return flags(IntStream.range(0, n).toArray());
    }

    @Test
    void recordsAndTuples() {
        assertEquals(
                Record.of("x", 1, "y", 2, "z", 3L),
                lift(
                        record("r", "x", Primitive.U8, "y", Primitive.U16, "z", Primitive.U32),
                        1,
                        2,
                        3));
        assertEquals(
                List.of(List.of(1, 2), 3),
                lift(tuple(tuple(Primitive.U8, Primitive.U8), Primitive.U8), 1, 2, 3));
    }

    @Test
    void flagsIgnoreBitsBeyondTheirLabels() {
        WitType ab = flagsOf(2);
        assertEquals(flags(), new TreeSet<>((Set<?>) lift(ab, 0)));
        assertEquals(flags(1), new TreeSet<>((Set<?>) lift(ab, 2)));
        assertEquals(flags(0, 1), new TreeSet<>((Set<?>) lift(ab, 3)));
        assertEquals(flags(), new TreeSet<>((Set<?>) lift(ab, 4)));
        assertEquals(allFlags(33), new TreeSet<>((Set<?>) lift(flagsOf(33), 0xffffffffL, 1)));
    }

    @Test
    void variantsTruncateAndReinterpretTheirPayloadSlot() {
        WitType v = variant("v", "x", Primitive.U8, "y", Primitive.F32, "z", null);
        assertEquals(new Variant("x", 42), lift(v, 0, 42));
        assertEquals(new Variant("x", 0), lift(v, 0, 256));
        assertEquals(new Variant("y", 3.14f), lift(v, 1, 0x4048f5c3L));
        assertEquals(Variant.of("z"), lift(v, 2, 0xffffffffL));
        long pi = Float.floatToRawIntBits(3.14f);
        assertEquals(Optional.empty(), lift(option(Primitive.F32), 0, pi));
        assertEquals(Optional.of(3.14f), lift(option(Primitive.F32), 1, pi));
        assertEquals(Result.ok(42), lift(result(Primitive.U8, Primitive.U32), 0, 42));
        assertEquals(Result.err(1000L), lift(result(Primitive.U8, Primitive.U32), 1, 1000));
    }

    @Test
    void integersFromI32AreTruncatedToTheirWidth() {
        long[][] u8 = {
            {127, 127},
            {128, 128},
            {255, 255},
            {256, 0},
            {0xffffffffL, 255},
            {0xffffff80L, 128},
            {0xffffff7fL, 127}
        };
        long[][] s8 = {
            {127, 127},
            {128, -128},
            {255, -1},
            {256, 0},
            {0xffffffffL, -1},
            {0xffffff80L, -128},
            {0xffffff7fL, 127}
        };
        long[][] u16 = {
            {32767, 32767},
            {32768, 32768},
            {65535, 65535},
            {65536, 0},
            {0xffffffffL, 65535},
            {0xffff8000L, 32768},
            {0xffff7fffL, 32767}
        };
        long[][] s16 = {
            {32767, 32767},
            {32768, -32768},
            {65535, -1},
            {65536, 0},
            {0xffffffffL, -1},
            {0xffff8000L, -32768},
            {0xffff7fffL, 32767}
        };
        for (long[] c : u8) {
            assertEquals((int) c[1], lift(Primitive.U8, c[0]), "u8 " + c[0]);
        }
        for (long[] c : s8) {
            assertEquals((int) c[1], lift(Primitive.S8, c[0]), "s8 " + c[0]);
        }
        for (long[] c : u16) {
            assertEquals((int) c[1], lift(Primitive.U16, c[0]), "u16 " + c[0]);
        }
        for (long[] c : s16) {
            assertEquals((int) c[1], lift(Primitive.S16, c[0]), "s16 " + c[0]);
        }
        assertEquals(0x7fffffffL, lift(Primitive.U32, 0x7fffffffL));
        assertEquals(0x80000000L, lift(Primitive.U32, 0x80000000L));
        assertEquals(0xffffffffL, lift(Primitive.U32, 0xffffffffL));
        assertEquals(Integer.MIN_VALUE, lift(Primitive.S32, 0x80000000L));
        assertEquals(-1, lift(Primitive.S32, 0xffffffffL));
        assertEquals(
                Long.MIN_VALUE, lift(Primitive.U64, Long.MIN_VALUE), "u64 2^63 as its bit pattern");
        assertEquals(-1L, lift(Primitive.U64, -1L), "u64 2^64-1 as its bit pattern");
        assertEquals(Long.MIN_VALUE, lift(Primitive.S64, Long.MIN_VALUE));
        assertEquals(
                List.of(false, true, true, true),
                List.of(
                        lift(Primitive.BOOL, 0),
                        lift(Primitive.BOOL, 1),
                        lift(Primitive.BOOL, 2),
                        lift(Primitive.BOOL, 0xffffffffL)));
    }

    @Test
    void charsAndEnums() {
        assertEquals(0, lift(Primitive.CHAR, 0));
        assertEquals(65, lift(Primitive.CHAR, 65));
        assertEquals(0xD7FF, lift(Primitive.CHAR, 0xD7FF));
        assertEquals(0xE000, lift(Primitive.CHAR, 0xE000));
        assertEquals(0x10FFFF, lift(Primitive.CHAR, 0x10FFFF));
        traps(Primitive.CHAR, 0xD800);
        traps(Primitive.CHAR, 0xDFFF);
        traps(Primitive.CHAR, 0x110000);
        traps(Primitive.CHAR, 0xffffffffL);
        WitType ab = Types.enumOf(2);
        assertEquals("c0", lift(ab, 0));
        assertEquals("c1", lift(ab, 1));
        traps(ab, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7fc00000, 0x7fc00001, 0x7fe00000, 0x7fffffff, 0xffffffff})
    void f32NansLiftAsTheCanonicalNan(int bits) {
        assertEquals(
                0x7fc00000,
                Float.floatToRawIntBits((Float) lift(Primitive.F32, bits & 0xffffffffL)));
        m.memory.writeI32(0, bits);
        assertEquals(
                0x7fc00000,
                Float.floatToRawIntBits((Float) m.lifter().load(Primitive.F32, 0, "f32")));
    }

    @ParameterizedTest
    @ValueSource(
            longs = {
                0x7ff8000000000000L,
                0x7ff8000000000001L,
                0x7ffc000000000000L,
                0x7fffffffffffffffL,
                0xffffffffffffffffL
            })
    void f64NansLiftAsTheCanonicalNan(long bits) {
        assertEquals(
                0x7ff8000000000000L,
                Double.doubleToRawLongBits((Double) lift(Primitive.F64, bits)));
        m.memory.writeLong(0, bits);
        assertEquals(
                0x7ff8000000000000L,
                Double.doubleToRawLongBits((Double) m.lifter().load(Primitive.F64, 0, "f64")));
    }

    @Test
    void nonNanFloatsKeepTheirBits() {
        assertEquals(0x7f800000, Float.floatToRawIntBits((Float) lift(Primitive.F32, 0x7f800000L)));
        assertEquals(0x3fc00000, Float.floatToRawIntBits((Float) lift(Primitive.F32, 0x3fc00000L)));
        assertEquals(
                0x7ff0000000000000L,
                Double.doubleToRawLongBits((Double) lift(Primitive.F64, 0x7ff0000000000000L)));
        assertEquals(
                0x3ff0000000000000L,
                Double.doubleToRawLongBits((Double) lift(Primitive.F64, 0x3ff0000000000000L)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "hi",
                "\u0000",
                "a\u0000b",
                "\u0080",
                "\u0080b",
                "ab\u00efc",
                "\u01ffy",
                "xy\u01ff",
                "a\ud7ffb",
                "a\u02ff\u03ff\u04ffbc",
                "\uf123",
                "\uf123\uf123abc",
                "abcdef\uf123"
            })
    void stringsRoundTripAsUtf8(String s) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        m.memory.write(0, utf8);
        m.allocate(1, Math.max(utf8.length, 1));
        assertEquals(s, lift(Primitive.STRING, 0, utf8.length));
    }

    @Test
    void listsOfScalarsFromMemory() {
        assertEquals(List.of(true, false, true), heap(Primitive.BOOL, 0, 3, 1, 0, 1));
        assertEquals(List.of(true, false, true), heap(Primitive.BOOL, 0, 3, 1, 0, 2));
        assertEquals(
                List.of(true, false, true), heap(Primitive.BOOL, 3, 3, 0xff, 0xff, 0xff, 1, 0, 1));
        assertEquals("[1, 2, 3]", Arrays.toString((byte[]) heap(Primitive.U8, 0, 3, 1, 2, 3)));
        assertEquals(List.of(1, 2, 3), heap(Primitive.U16, 0, 3, 1, 0, 2, 0, 3, 0));
        assertThrows(
                AbiException.class,
                () -> heap(Primitive.U16, 1, 3, 0, 1, 0, 2, 0, 3, 0),
                "misaligned");
        assertEquals(
                List.of(1L, 2L, 3L), heap(Primitive.U32, 0, 3, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0));
        assertEquals(
                List.of(1L, 2L),
                heap(Primitive.U64, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(List.of(-1, -2, -3), heap(Primitive.S8, 0, 3, 0xff, 0xfe, 0xfd));
        assertEquals(
                List.of(-1, -2, -3), heap(Primitive.S16, 0, 3, 0xff, 0xff, 0xfe, 0xff, 0xfd, 0xff));
        assertEquals(
                List.of(-1, -2, -3),
                heap(
                        Primitive.S32,
                        0,
                        3,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xfe,
                        0xff,
                        0xff,
                        0xff,
                        0xfd,
                        0xff,
                        0xff,
                        0xff));
        assertEquals(
                List.of(-1L, -2L),
                heap(
                        Primitive.S64,
                        0,
                        2,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xfe,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xff,
                        0xff));
        assertEquals(
                List.of(65, 66, 99),
                heap(Primitive.CHAR, 0, 3, 65, 0, 0, 0, 66, 0, 0, 0, 99, 0, 0, 0));
    }

    @Test
    void nestedListsFromMemory() {
        assertEquals(
                List.of("hi", "wat"),
                heap(
                        Primitive.STRING,
                        0,
                        2,
                        16,
                        0,
                        0,
                        0,
                        2,
                        0,
                        0,
                        0,
                        21,
                        0,
                        0,
                        0,
                        3,
                        0,
                        0,
                        0,
                        'h',
                        'i',
                        0xf,
                        0xf,
                        0xf,
                        'w',
                        'a',
                        't'));
        List<?> bytes =
                (List<?>)
                        heap(
                                list(Primitive.U8),
                                0,
                                3,
                                24,
                                0,
                                0,
                                0,
                                3,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                27,
                                0,
                                0,
                                0,
                                2,
                                0,
                                0,
                                0,
                                3,
                                4,
                                5,
                                6,
                                7);
        assertEquals(
                "[[3, 4, 5], [], [6, 7]]",
                bytes.stream().map(b -> Arrays.toString((byte[]) b)).toList().toString());
        assertEquals(
                List.of(List.of(5, 6)),
                heap(list(Primitive.U16), 0, 1, 8, 0, 0, 0, 2, 0, 0, 0, 5, 0, 6, 0));
        assertThrows(
                AbiException.class,
                () -> heap(list(Primitive.U16), 0, 1, 9, 0, 0, 0, 2, 0, 0, 0, 0, 5, 0, 6, 0),
                "misaligned");
    }

    @Test
    void tuplesInListsSkipTheirPadding() {
        assertEquals(
                List.of(List.of(6, 7, 8, 9L), List.of(4, 5, 6, 7L)),
                heap(
                        tuple(Primitive.U8, Primitive.U8, Primitive.U16, Primitive.U32),
                        0,
                        2,
                        6,
                        7,
                        8,
                        0,
                        9,
                        0,
                        0,
                        0,
                        4,
                        5,
                        6,
                        0,
                        7,
                        0,
                        0,
                        0));
        assertEquals(
                List.of(List.of(6, 7, 8, 9L), List.of(4, 5, 6, 7L)),
                heap(
                        tuple(Primitive.U8, Primitive.U16, Primitive.U8, Primitive.U32),
                        0,
                        2,
                        6,
                        0xff,
                        7,
                        0,
                        8,
                        0xff,
                        0xff,
                        0xff,
                        9,
                        0,
                        0,
                        0,
                        4,
                        0xff,
                        5,
                        0,
                        6,
                        0xff,
                        0xff,
                        0xff,
                        7,
                        0,
                        0,
                        0));
        assertEquals(
                List.of(List.of(6, 7), List.of(8, 9)),
                heap(tuple(Primitive.U16, Primitive.U8), 0, 2, 6, 0, 7, 0xff, 8, 0, 9, 0xff));
        assertEquals(
                List.of(List.of(List.of(4, 5), 6), List.of(List.of(7, 8), 9)),
                heap(
                        tuple(tuple(Primitive.U16, Primitive.U8), Primitive.U8),
                        0,
                        2,
                        4,
                        0,
                        5,
                        0xff,
                        6,
                        0xff,
                        7,
                        0,
                        8,
                        0xff,
                        9,
                        0xff));
    }

    @Test
    void flagsInListsFromMemory() {
        assertEquals(
                List.of(flags(), flags(1), flags(0, 1)), sorted(heap(flagsOf(2), 0, 3, 0, 2, 3)));
        assertEquals(List.of(flags(), flags(1), flags()), sorted(heap(flagsOf(2), 0, 3, 0, 2, 4)));
        assertEquals(
                List.of(allFlags(9), flags()), sorted(heap(flagsOf(9), 0, 2, 0xff, 0x1, 0, 0)));
        assertEquals(
                List.of(allFlags(9), flags()), sorted(heap(flagsOf(9), 0, 2, 0xff, 0x3, 0, 0)));
        assertEquals(
                List.of(allFlags(17), flags()),
                sorted(heap(flagsOf(17), 0, 2, 0xff, 0xff, 0x1, 0, 0, 0, 0, 0)));
        assertEquals(
                List.of(allFlags(17), flags()),
                sorted(heap(flagsOf(17), 0, 2, 0xff, 0xff, 0x3, 0, 0, 0, 0, 0)));
        assertEquals(
                List.of(allFlags(33), flags()),
                sorted(
                        heap(
                                flagsOf(33),
                                0,
                                2,
                                0xff,
                                0xff,
                                0xff,
                                0xff,
                                0x1,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0)));
        assertEquals(
                List.of(allFlags(33), flags()),
                sorted(
                        heap(
                                flagsOf(33),
                                0,
                                2,
                                0xff,
                                0xff,
                                0xff,
                                0xff,
                                0x3,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0)));
    }

    private static List<Set<String>> sorted(Object listOfSets) {
        return ((List<?>) listOfSets)
                .stream().map(s -> (Set<String>) new TreeSet<String>(castSet(s))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> castSet(Object s) {
        return (Set<String>) s;
    }

    @Test
    void functionTypesFlatten() {
        WitType[] ufd = {Primitive.U8, Primitive.F32, Primitive.F64};
        List<FlatType> ufdFlat = List.of(FlatType.I32, FlatType.F32, FlatType.F64);
        assertEquals(
                "(param i32 f32 f64)",
                CoreSignature.lift(Types.function("f", null, ufd)).toString());
        assertEquals(
                "(param i32 f32 f64) (result f32)",
                CoreSignature.lift(Types.function("f", Primitive.F32, ufd)).toString());
        assertEquals(
                "(param i32 f32 f64) (result i32)",
                CoreSignature.lift(Types.function("f", Primitive.U8, ufd)).toString());
        assertEquals(
                "(param i32 f32 f64) (result f32)",
                CoreSignature.lift(Types.function("f", tuple(Primitive.F32), ufd)).toString());
        CoreSignature twoF32 =
                CoreSignature.lower(Types.function("f", tuple(Primitive.F32, Primitive.F32), ufd));
        assertEquals("(param i32 f32 f64 i32)", twoF32.toString());
        assertEquals(
                "(param i32 f32 f64) (result i32)",
                CoreSignature.lift(Types.function("f", tuple(Primitive.F32, Primitive.F32), ufd))
                        .toString());
        assertEquals(ufdFlat, CoreSignature.lift(Types.function("f", null, ufd)).params());
        WitType[] seventeen =
                Collections.nCopies(17, (WitType) Primitive.U8).toArray(WitType[]::new);
        assertEquals(
                "(param i32)", CoreSignature.lift(Types.function("f", null, seventeen)).toString());
        assertEquals(
                "(param i32) (result i32)",
                CoreSignature.lift(
                                Types.function("f", tuple(Primitive.U8, Primitive.U8), seventeen))
                        .toString());
        assertEquals(
                "(param i32 i32)",
                CoreSignature.lower(
                                Types.function("f", tuple(Primitive.U8, Primitive.U8), seventeen))
                        .toString());
    }
}
