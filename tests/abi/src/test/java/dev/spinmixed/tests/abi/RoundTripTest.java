package dev.spinmixed.tests.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.CoreSignature;
import dev.spinmixed.abi.FlatValues;
import dev.spinmixed.abi.Flattening;
import dev.spinmixed.abi.FunctionAbi;
import dev.spinmixed.abi.Layout;
import dev.spinmixed.abi.ValueModel;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random values of random types lowered into a real Chicory memory and lifted back come back equal.
 */
class RoundTripTest {

    record Sample(WitType type, Object value) {
        @Override
        public String toString() {
            return type + " = " + ValueModel.show(value);
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.randoms()
                .map(
                        r -> {
                            RandomWit gen = new RandomWit(r);
                            WitType type = gen.type(3);
                            return new Sample(type, gen.value(type));
                        });
    }

    @Provide
    Arbitrary<Random> randoms() {
        return Arbitraries.randoms();
    }

    @Property(tries = 1500)
    void storeThenLoad(@ForAll("samples") Sample s) {
        ScratchMemory m = new ScratchMemory();
        int ptr = m.allocate(Layout.alignment(s.type()), Layout.size(s.type()));
        m.lowerer().store(s.type(), s.value(), ptr, "value");
        Object back = m.lifter().load(s.type(), ptr, "value");
        assertTrue(
                ValueModel.equal(s.value(), back),
                () -> "stored " + ValueModel.show(s.value()) + ", loaded " + ValueModel.show(back));
    }

    @Property(tries = 1500)
    void lowerFlatThenLiftFlat(@ForAll("samples") Sample s) {
        ScratchMemory m = new ScratchMemory();
        FlatValues.Builder flat = new FlatValues.Builder();
        m.lowerer().lowerFlat(s.type(), s.value(), flat);
        List<dev.spinmixed.abi.FlatType> types = Flattening.flatten(s.type());
        assertEquals(types, flat.types(), "lowered core values have the flattened types");
        Object back = m.lifter().liftFlat(s.type(), new FlatValues(flat.toArray(), types));
        assertTrue(
                ValueModel.equal(s.value(), back),
                () ->
                        "lowered "
                                + ValueModel.show(s.value())
                                + ", lifted "
                                + ValueModel.show(back));
    }

    /**
     * Both function-level paths: arguments (flat or spilled past 16) and results (flat or through
     * memory).
     */
    @Property(tries = 800)
    void functionArgumentsAndResults(@ForAll("randoms") Random random) {
        RandomWit gen = new RandomWit(random);
        List<Function.Param> params = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            WitType t = gen.type(2);
            params.add(new Function.Param("p" + i, t));
            args.add(gen.value(t));
        }
        WitType resultType = gen.type(2);
        Object result = gen.value(resultType);
        FunctionAbi abi = new FunctionAbi(new Function("f", params, Optional.of(resultType)));
        ScratchMemory m = new ScratchMemory();

        long[] core = abi.lowerArguments(args, m.lowerer());
        assertEquals(abi.liftSignature().params().size(), core.length);
        List<Object> lifted = abi.liftArguments(withReturnPointer(abi, core, m), m.lifter());
        assertTrue(
                ValueModel.equal(args, lifted),
                () -> "args " + ValueModel.show(args) + " came back " + ValueModel.show(lifted));

        long[] importArgs = withReturnPointer(abi, core, m);
        long[] flatResults = abi.lowerResult(result, importArgs, m.lowerer());
        long[] exportResults =
                abi.lowerSignature().resultInMemory()
                        ? new long[] {importArgs[importArgs.length - 1]}
                        : flatResults;
        Object back = abi.liftResult(exportResults, m.lifter());
        assertTrue(
                ValueModel.equal(result, back),
                () -> "result " + ValueModel.show(result) + " came back " + ValueModel.show(back));
    }

    /** The import side takes a trailing return pointer when the result goes through memory. */
    private static long[] withReturnPointer(FunctionAbi abi, long[] args, ScratchMemory m) {
        CoreSignature lower = abi.lowerSignature();
        if (!lower.resultInMemory()) {
            return args;
        }
        WitType result = abi.function().result().orElseThrow();
        long[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = m.allocate(Layout.alignment(result), Layout.size(result));
        return out;
    }
}
