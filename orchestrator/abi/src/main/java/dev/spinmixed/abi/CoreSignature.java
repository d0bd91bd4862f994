package dev.spinmixed.abi;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.spinmixed.wit.Function;
import java.util.ArrayList;
import java.util.List;

/**
 * The core wasm signature of a WIT function (CanonicalABI.md, {@code flatten_functype}).
 *
 * <p>More than {@value #MAX_FLAT_PARAMS} flat parameters are passed as one pointer to a tuple in
 * memory ({@code paramsInMemory}). More than {@value #MAX_FLAT_RESULTS} flat result is returned
 * through memory ({@code resultInMemory}): an export ("lift" side) returns a pointer to it, an
 * import ("lower" side) takes a trailing return pointer the caller allocated.
 */
public record CoreSignature(
        List<FlatType> params,
        List<FlatType> results,
        boolean paramsInMemory,
        boolean resultInMemory) {

    public static final int MAX_FLAT_PARAMS = 16;
    public static final int MAX_FLAT_RESULTS = 1;

    public CoreSignature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** The signature a module exports a WIT function with (the callee side). */
    public static CoreSignature lift(Function function) {
        return of(function, true);
    }

    /** The signature a module imports a WIT function with (the caller side). */
    public static CoreSignature lower(Function function) {
        return of(function, false);
    }

    /** {@code cabi_post_*}: takes what the export returned, returns nothing. */
    public static CoreSignature postReturn(Function function) {
        return new CoreSignature(lift(function).results(), List.of(), false, false);
    }

    private static CoreSignature of(Function function, boolean lift) {
        List<FlatType> params =
                Flattening.flattenAll(
                        function.params().stream().map(Function.Param::type).toList());
        boolean paramsInMemory = params.size() > MAX_FLAT_PARAMS;
        if (paramsInMemory) {
            params = List.of(FlatType.I32);
        }
        List<FlatType> results = function.result().map(Flattening::flatten).orElse(List.of());
        boolean resultInMemory = results.size() > MAX_FLAT_RESULTS;
        if (resultInMemory) {
            if (lift) {
                results = List.of(FlatType.I32);
            } else {
                params = new ArrayList<>(params);
                params.add(FlatType.I32);
                results = List.of();
            }
        }
        return new CoreSignature(params, results, paramsInMemory, resultInMemory);
    }

    public FunctionType functionType() {
        return FunctionType.of(valTypes(params), valTypes(results));
    }

    /** Whether a core function type is exactly this signature. */
    public boolean matches(FunctionType type) {
        return type.params().equals(valTypes(params)) && type.returns().equals(valTypes(results));
    }

    /** Wasm text format, e.g. {@code (param i32 i32) (result i32)}. */
    @Override
    public String toString() {
        return describe(
                params.stream().map(FlatType::watName).toList(),
                results.stream().map(FlatType::watName).toList());
    }

    /** Wasm text format of any core function type, for error messages. */
    public static String describe(FunctionType type) {
        return describe(watNames(type.params()), watNames(type.returns()));
    }

    private static String describe(List<String> params, List<String> results) {
        if (params.isEmpty() && results.isEmpty()) {
            return "(no params or results)";
        }
        String p = params.isEmpty() ? "" : "(param " + String.join(" ", params) + ")";
        String r = results.isEmpty() ? "" : "(result " + String.join(" ", results) + ")";
        return (p + " " + r).trim();
    }

    private static List<String> watNames(List<ValType> types) {
        return types.stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static List<ValType> valTypes(List<FlatType> types) {
        return types.stream().map(FlatType::valType).toList();
    }
}
