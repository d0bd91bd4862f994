package dev.spinmixed.abi;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.TupleType;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical ABI of one WIT function, both ways a call crosses it:
 *
 * <ul>
 *   <li>calling a guest's <b>export</b>: {@link #lowerArguments} into the callee, then {@link
 *       #liftResult} from what it returned;
 *   <li>a guest calling an <b>import</b>: {@link #liftArguments} from the caller, then {@link
 *       #lowerResult} back into it (through its return pointer when the result is spilled).
 * </ul>
 */
public final class FunctionAbi {

    private final Function function;
    private final CoreSignature liftSignature;
    private final CoreSignature lowerSignature;
    private final TupleType paramsTuple;
    private final List<FlatType> flatParams;
    private final List<FlatType> flatResult;
    private final Shapes shapes;

    /** What the fault messages call the places a value goes, made once rather than per call. */
    private final String resultWhat;

    private final String spilledWhat;
    private final String returnAreaWhat;

    public FunctionAbi(Function function) {
        this.function = function;
        this.liftSignature = CoreSignature.lift(function);
        this.lowerSignature = CoreSignature.lower(function);
        this.paramsTuple =
                new TupleType(function.params().stream().map(Function.Param::type).toList());
        this.flatParams = Flattening.flatten(paramsTuple);
        this.flatResult = function.result().map(Flattening::flatten).orElse(List.of());
        List<WitType> roots = new ArrayList<>(paramsTuple.types());
        roots.add(paramsTuple);
        function.result().ifPresent(roots::add);
        this.shapes = Shapes.of(roots);
        this.resultWhat = "result of " + function.name();
        this.spilledWhat = "spilled arguments of " + function.name();
        this.returnAreaWhat = "return area of " + function.name();
    }

    /** A lifter for this function's values that shares its precomputed layouts. */
    public Lifter lifter(GuestMemory memory) {
        return new Lifter(memory, shapes);
    }

    /** A lowerer for this function's values that shares its precomputed layouts. */
    public Lowerer lowerer(GuestMemory memory, Allocator allocator) {
        return new Lowerer(memory, allocator, shapes);
    }

    public Function function() {
        return function;
    }

    /** The core signature of the function as a module exports it. */
    public CoreSignature liftSignature() {
        return liftSignature;
    }

    /** The core signature of the function as a module imports it. */
    public CoreSignature lowerSignature() {
        return lowerSignature;
    }

    /**
     * Whether calling the export or serving the import can need the guest's memory or allocator.
     */
    public boolean usesMemory() {
        return liftSignature.paramsInMemory()
                || liftSignature.resultInMemory()
                || PointerTypes.containsPointer(paramsTuple)
                || function.result().map(PointerTypes::containsPointer).orElse(false);
    }

    /**
     * Arguments for a call of the export, lowered into the callee (spilled to memory past 16
     * values).
     */
    public long[] lowerArguments(List<Object> args, Lowerer lowerer) {
        if (args.size() != function.params().size()) {
            throw new AbiException(
                    function.name()
                            + " takes "
                            + function.params().size()
                            + " arguments, got "
                            + args.size());
        }
        if (liftSignature.paramsInMemory()) {
            int ptr =
                    lowerer.allocate(
                            Layout.alignment(paramsTuple),
                            Layout.size(paramsTuple),
                            "spilled arguments");
            lowerer.store(paramsTuple, args, ptr, "spilled arguments");
            return new long[] {ptr};
        }
        FlatValues.Builder out = new FlatValues.Builder();
        for (int i = 0; i < args.size(); i++) {
            try {
                lowerer.lowerFlat(paramsTuple.types().get(i), args.get(i), out);
            } catch (AbiException e) {
                throw e.inside(function.params().get(i).name());
            }
        }
        return out.toArray();
    }

    /** The export's result, lifted from the callee; null for a function without a result. */
    public Object liftResult(long[] results, Lifter lifter) {
        if (function.result().isEmpty()) {
            return null;
        }
        WitType type = function.result().get();
        try {
            if (liftSignature.resultInMemory()) {
                return lifter.load(type, results[0], resultWhat);
            }
            return lifter.liftFlat(type, new FlatValues(results, flatResult));
        } catch (AbiException e) {
            throw e.inside("result");
        }
    }

    /** The arguments an import was called with, lifted from the caller. */
    @SuppressWarnings("unchecked")
    public List<Object> liftArguments(long[] args, Lifter lifter) {
        if (lowerSignature.paramsInMemory()) {
            return (List<Object>) lifter.load(paramsTuple, args[0], spilledWhat);
        }
        FlatValues values = new FlatValues(args, flatParams);
        List<Object> lifted = new ArrayList<>(paramsTuple.types().size());
        for (int i = 0; i < paramsTuple.types().size(); i++) {
            try {
                lifted.add(lifter.liftFlat(paramsTuple.types().get(i), values));
            } catch (AbiException e) {
                throw e.inside(function.params().get(i).name());
            }
        }
        return lifted;
    }

    /**
     * The import's result lowered into the caller: core results, or stored at its return pointer.
     */
    public long[] lowerResult(Object result, long[] args, Lowerer lowerer) {
        if (function.result().isEmpty()) {
            return new long[0];
        }
        WitType type = function.result().get();
        try {
            if (lowerSignature.resultInMemory()) {
                lowerer.store(type, result, args[args.length - 1], returnAreaWhat);
                return new long[0];
            }
            FlatValues.Builder out = new FlatValues.Builder();
            lowerer.lowerFlat(type, result, out);
            return out.toArray();
        } catch (AbiException e) {
            throw e.inside("result");
        }
    }
}
