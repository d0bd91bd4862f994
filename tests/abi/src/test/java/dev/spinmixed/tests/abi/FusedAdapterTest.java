package dev.spinmixed.tests.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.abi.AbiException;
import dev.spinmixed.abi.CoreSignature;
import dev.spinmixed.abi.FlatType;
import dev.spinmixed.abi.FlatValues;
import dev.spinmixed.abi.FunctionAbi;
import dev.spinmixed.abi.FusedAdapter;
import dev.spinmixed.abi.Layout;
import dev.spinmixed.abi.ValueModel;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.WitType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fused adapter against its reference, lifting into Java values and lowering again: for random
 * functions and values, crossing from a caller's import to a callee's export and back gives the
 * same core values and the same bytes in the receiving memory; with the sender's memory or core
 * values corrupted, or the receiver's allocator answering a bad pointer, both fail with the same
 * message, or both succeed alike.
 */
class FusedAdapterTest {

    private static final int[] BAD_POINTERS = {0xFFFFFFF0, 3, 65535, -8};

    /** One side's outcome of a step: core values, or whose fault and its message. */
    private record Outcome(long[] values, String fault) {
        static Outcome of(long[] values) {
            return new Outcome(values, null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome other
                    && Arrays.equals(values, other.values)
                    && java.util.Objects.equals(fault, other.fault);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return fault != null ? "fault: " + fault : Arrays.toString(values);
        }
    }

    /** The caller's and the callee's memories, one pair per path, identical at the start. */
    private static final class Side {
        final ScratchMemory caller = new ScratchMemory("component 'caller' import f");
        final ScratchMemory callee = new ScratchMemory("component 'callee' export f");
    }

    @Provide
    Arbitrary<Random> randoms() {
        return Arbitraries.randoms();
    }

    @Property(tries = 1500)
    void sameValuesAndBytesAsLiftThenLower(@ForAll("randoms") Random random) {
        assertEquals("crossed", cross(random, false));
    }

    /** Most corrupted crossings fault, on either side; the rest must still agree. */
    @Property(tries = 3000)
    void sameFaultsOnCorruptedInput(@ForAll("randoms") Random random) {
        Statistics.label("outcome").collect(cross(random, true));
        Statistics.label("outcome")
                .coverage(
                        c -> {
                            c.check("caller fault").percentage(p -> p > 10);
                            c.check("callee fault").percentage(p -> p > 5);
                            c.check("crossed").percentage(p -> p > 5);
                        });
    }

    /** Crosses a random call both ways; says whether it crossed or whose fault stopped it. */
    private static String cross(Random random, boolean corrupt) {
        RandomWit gen = new RandomWit(random);
        List<Function.Param> params = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        int n = random.nextInt(random.nextInt(5) == 0 ? 20 : 6);
        for (int i = 0; i < n; i++) {
            WitType t = gen.type(random.nextInt(3));
            params.add(new Function.Param("p" + i, t));
            args.add(gen.value(t));
        }
        Optional<WitType> resultType =
                random.nextInt(6) == 0 ? Optional.empty() : Optional.of(gen.type(2));
        Function function = new Function("f", params, resultType);
        FunctionAbi abi = new FunctionAbi(function);
        FusedAdapter adapter = new FusedAdapter(function);
        String shown = function + " with " + ValueModel.show(args);

        Side reference = new Side();
        Side fused = new Side();
        long[] importArgs = importArguments(abi, args, reference.caller);
        assertArrayEquals(importArgs, importArguments(abi, args, fused.caller));
        if (corrupt) {
            long seed = random.nextLong();
            if (random.nextBoolean()) {
                corruptMemory(new Random(seed), reference.caller);
                corruptMemory(new Random(seed), fused.caller);
            } else {
                corruptValues(random, importArgs, abi.lowerSignature().params());
            }
            if (random.nextInt(4) == 0) {
                int bad = random.nextInt(4);
                int pointer = BAD_POINTERS[random.nextInt(BAD_POINTERS.length)];
                reference.callee.failAllocation(bad, pointer);
                fused.callee.failAllocation(bad, pointer);
            }
        }

        Outcome expected = liftThenLowerArguments(abi, importArgs, reference);
        Outcome actual = fusedArguments(adapter, importArgs, fused);
        assertEquals(expected, actual, () -> "arguments of " + shown);
        assertSameMemory(reference.callee, fused.callee, "callee after the arguments of " + shown);
        if (expected.fault() != null) {
            return expected.fault().substring(0, expected.fault().indexOf(':')) + " fault";
        }
        if (resultType.isEmpty()) {
            return "crossed";
        }

        Object result = gen.value(resultType.get());
        reference.callee.failAllocation(-1, 0);
        fused.callee.failAllocation(-1, 0);
        int resultStart = reference.callee.used();
        long[] exportResults = exportResults(abi, result, reference.callee);
        assertArrayEquals(exportResults, exportResults(abi, result, fused.callee));
        if (corrupt) {
            long seed = random.nextLong();
            if (random.nextBoolean()) {
                corruptMemory(new Random(seed), reference.callee, resultStart);
                corruptMemory(new Random(seed), fused.callee, resultStart);
            } else {
                corruptValues(random, exportResults, abi.liftSignature().results());
            }
            if (random.nextInt(4) == 0) {
                int bad = random.nextInt(3);
                int pointer = BAD_POINTERS[random.nextInt(BAD_POINTERS.length)];
                reference.caller.failAllocation(bad, pointer);
                fused.caller.failAllocation(bad, pointer);
            }
        }
        String shownResult = function + " returning " + ValueModel.show(result);
        Outcome expectedResult = liftThenLowerResult(abi, exportResults, importArgs, reference);
        Outcome actualResult = fusedResult(adapter, exportResults, importArgs, fused);
        assertEquals(expectedResult, actualResult, () -> "result of " + shownResult);
        assertSameMemory(reference.caller, fused.caller, "caller after the result of " + shown);
        return expectedResult.fault() == null
                ? "crossed"
                : expectedResult.fault().substring(0, expectedResult.fault().indexOf(':'))
                        + " fault";
    }

    private static Outcome liftThenLowerArguments(FunctionAbi abi, long[] importArgs, Side s) {
        List<Object> lifted;
        try {
            lifted = abi.liftArguments(importArgs, abi.lifter(s.caller.guest));
        } catch (AbiException e) {
            return new Outcome(null, "caller: " + e.getMessage());
        }
        try {
            return Outcome.of(abi.lowerArguments(lifted, abi.lowerer(s.callee.guest, s.callee)));
        } catch (AbiException e) {
            return new Outcome(null, "callee: " + e.getMessage());
        }
    }

    private static Outcome fusedArguments(FusedAdapter adapter, long[] importArgs, Side s) {
        try {
            adapter.checkArguments(importArgs, s.caller.guest);
        } catch (AbiException e) {
            return new Outcome(null, "caller: " + e.getMessage());
        }
        try {
            return Outcome.of(
                    adapter.copyArguments(importArgs, s.caller.guest, s.callee.destination()));
        } catch (AbiException e) {
            return new Outcome(null, "callee: " + e.getMessage());
        }
    }

    private static Outcome liftThenLowerResult(
            FunctionAbi abi, long[] exportResults, long[] importArgs, Side s) {
        Object value;
        try {
            value = abi.liftResult(exportResults, abi.lifter(s.callee.guest));
        } catch (AbiException e) {
            return new Outcome(null, "callee: " + e.getMessage());
        }
        try {
            return Outcome.of(
                    abi.lowerResult(value, importArgs, abi.lowerer(s.caller.guest, s.caller)));
        } catch (AbiException e) {
            return new Outcome(null, "caller: " + e.getMessage());
        }
    }

    private static Outcome fusedResult(
            FusedAdapter adapter, long[] exportResults, long[] importArgs, Side s) {
        try {
            adapter.checkResult(exportResults, s.callee.guest);
        } catch (AbiException e) {
            return new Outcome(null, "callee: " + e.getMessage());
        }
        try {
            return Outcome.of(
                    adapter.copyResult(
                            exportResults, importArgs, s.callee.guest, s.caller.destination()));
        } catch (AbiException e) {
            return new Outcome(null, "caller: " + e.getMessage());
        }
    }

    /**
     * What a caller hands its import: the arguments, and a return area when the result needs one.
     */
    private static long[] importArguments(FunctionAbi abi, List<Object> args, ScratchMemory m) {
        long[] core = abi.lowerArguments(args, abi.lowerer(m.guest, m));
        CoreSignature lower = abi.lowerSignature();
        if (!lower.resultInMemory()) {
            return core;
        }
        WitType result = abi.function().result().orElseThrow();
        long[] out = Arrays.copyOf(core, core.length + 1);
        out[core.length] = m.allocate(Layout.alignment(result), Layout.size(result));
        return out;
    }

    /** What a callee's export returns: the result flat, or a pointer to it in its memory. */
    private static long[] exportResults(FunctionAbi abi, Object result, ScratchMemory m) {
        WitType type = abi.function().result().orElseThrow();
        if (abi.liftSignature().resultInMemory()) {
            int ptr = m.allocate(Layout.alignment(type), Layout.size(type));
            abi.lowerer(m.guest, m).store(type, result, ptr, "result");
            return new long[] {ptr};
        }
        FlatValues.Builder out = new FlatValues.Builder();
        abi.lowerer(m.guest, m).lowerFlat(type, result, out);
        return out.toArray();
    }

    /** Flips bytes and overwrites words in what has been allocated since {@code from}. */
    private static void corruptMemory(Random r, ScratchMemory m, int from) {
        int end = m.used();
        if (end <= from) {
            return;
        }
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = from + r.nextInt(end - from);
            if (r.nextBoolean() && at + 4 <= end) {
                m.memory.writeI32(at, r.nextBoolean() ? r.nextInt() : r.nextInt(end + 64));
            } else {
                m.memory.writeByte(at, (byte) (m.memory.read(at) ^ (1 << r.nextInt(8))));
            }
        }
    }

    private static void corruptMemory(Random r, ScratchMemory m) {
        corruptMemory(r, m, 16);
    }

    /** Overwrites one core value with what a guest could pass in a slot of its type. */
    private static void corruptValues(Random r, long[] values, List<FlatType> types) {
        if (values.length == 0) {
            return;
        }
        int i = r.nextInt(Math.min(values.length, types.size()));
        values[i] =
                switch (types.get(i)) {
                    case I32, F32 -> r.nextBoolean() ? r.nextInt() : r.nextInt(300);
                    case I64, F64 -> r.nextLong();
                };
    }

    private static void assertSameMemory(ScratchMemory a, ScratchMemory b, String what) {
        assertEquals(a.memory.pages(), b.memory.pages(), what + ": pages");
        int bytes = a.memory.pages() * com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
        assertArrayEquals(a.memory.readBytes(0, bytes), b.memory.readBytes(0, bytes), what);
    }
}
