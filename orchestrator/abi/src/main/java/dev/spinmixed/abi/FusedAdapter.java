package dev.spinmixed.abi;

import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.TupleType;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A call from one guest's import to another guest's export of the same WIT function, with the
 * arguments and the result moved directly between the two memories, as wasmtime's fused adapters do
 * between components (CanonicalABI.md: a lift composed with a lower, without the values in
 * between). The copy plan is made once, when the composition is linked; a call then checks and
 * copies memory to memory: one {@code cabi_realloc} per string or list, in the order {@link
 * FunctionAbi} would allocate, bulk copies for plain bytes, UTF-8 checked in place, no Java values.
 *
 * <p>Each direction is two steps, so that every fault belongs to the guest it came from: {@code
 * check} reads what the sender handed over and refuses what lifting it would refuse, with the same
 * message and path; {@code copy} then allocates in the receiver (whose allocator may fault) and
 * writes what lowering the lifted value would write. The results are the same as {@link
 * FunctionAbi}'s lift then lower, byte for byte in the receiver's memory.
 */
public final class FusedAdapter {

    private static final long[] NO_VALUES = new long[0];

    private final boolean paramsInMemory;
    private final boolean resultInMemory;
    private final Transfer[] params;
    private final int[] paramAt;
    private final String[] paramNames;
    private final int flatParamCount;
    private final Transfer spilled;
    private final Transfer result;
    private final String spilledWhat;
    private final String resultWhat;
    private final String returnAreaWhat;

    public FusedAdapter(Function function) {
        CoreSignature lift = CoreSignature.lift(function);
        this.paramsInMemory = lift.paramsInMemory();
        this.resultInMemory = lift.resultInMemory();
        Map<WitType, Transfer> made = new IdentityHashMap<>();
        int n = function.params().size();
        this.params = new Transfer[n];
        this.paramAt = new int[n];
        this.paramNames = new String[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            Function.Param p = function.params().get(i);
            params[i] = Transfer.of(p.type(), made);
            paramAt[i] = at;
            paramNames[i] = p.name();
            at += params[i].flatCount;
        }
        this.flatParamCount = at;
        this.spilled =
                paramsInMemory
                        ? Transfer.of(
                                new TupleType(
                                        function.params().stream()
                                                .map(Function.Param::type)
                                                .toList()),
                                made)
                        : null;
        this.result = function.result().map(t -> Transfer.of(t, made)).orElse(null);
        this.spilledWhat = "spilled arguments of " + function.name();
        this.resultWhat = "result of " + function.name();
        this.returnAreaWhat = "return area of " + function.name();
    }

    /**
     * Refuses the caller's import arguments as lifting them would: the faults name the caller's
     * memory.
     */
    public void checkArguments(long[] importArgs, GuestMemory caller) {
        if (paramsInMemory) {
            caller.checkAligned(importArgs[0], spilled.alignment, spilledWhat);
            int ptr = caller.checkRange(importArgs[0], spilled.size, spilledWhat);
            if (spilled.checked) {
                spilled.check(caller, ptr);
            }
            return;
        }
        for (int i = 0; i < params.length; i++) {
            if (params[i].checked) {
                try {
                    params[i].checkFlat(caller, importArgs, paramAt[i]);
                } catch (AbiException e) {
                    throw e.inside(paramNames[i]);
                }
            }
        }
    }

    /** The callee's export arguments: the checked import arguments copied into the callee. */
    public long[] copyArguments(long[] importArgs, GuestMemory caller, Destination callee) {
        if (paramsInMemory) {
            int ptr = callee.allocate(spilled.alignment, spilled.size, "spilled arguments");
            spilled.copy(caller, (int) importArgs[0], callee, ptr);
            return new long[] {ptr};
        }
        long[] out = new long[flatParamCount];
        for (int i = 0; i < params.length; i++) {
            try {
                params[i].copyFlat(caller, importArgs, paramAt[i], callee, out, paramAt[i]);
            } catch (AbiException e) {
                throw e.inside(paramNames[i]);
            }
        }
        return out;
    }

    /** Refuses what the callee's export returned as lifting it would. */
    public void checkResult(long[] exportResults, GuestMemory callee) {
        if (result == null) {
            return;
        }
        try {
            if (resultInMemory) {
                callee.checkAligned(exportResults[0], result.alignment, resultWhat);
                int ptr = callee.checkRange(exportResults[0], result.size, resultWhat);
                if (result.checked) {
                    result.check(callee, ptr);
                }
            } else if (result.checked) {
                result.checkFlat(callee, exportResults, 0);
            }
        } catch (AbiException e) {
            throw e.inside("result");
        }
    }

    /**
     * The caller's import results: the checked export result copied into the caller, flat or at the
     * return pointer the caller passed as its last argument.
     */
    public long[] copyResult(
            long[] exportResults, long[] importArgs, GuestMemory callee, Destination caller) {
        if (result == null) {
            return NO_VALUES;
        }
        try {
            if (resultInMemory) {
                long returnArea = importArgs[importArgs.length - 1];
                GuestMemory memory = caller.memory();
                memory.checkAligned(returnArea, result.alignment, returnAreaWhat);
                int dst = memory.checkRange(returnArea, result.size, returnAreaWhat);
                result.copy(callee, (int) exportResults[0], caller, dst);
                return NO_VALUES;
            }
            long[] out = new long[result.flatCount];
            result.copyFlat(callee, exportResults, 0, caller, out, 0);
            return out;
        } catch (AbiException e) {
            throw e.inside("result");
        }
    }
}
