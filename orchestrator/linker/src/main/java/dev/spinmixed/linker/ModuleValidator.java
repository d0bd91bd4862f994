package dev.spinmixed.linker;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import dev.spinmixed.abi.AbiNames;
import dev.spinmixed.abi.CabiRealloc;
import dev.spinmixed.abi.CoreSignature;
import dev.spinmixed.abi.PointerTypes;
import dev.spinmixed.wit.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a core module against the world it claims to implement: each export the world expects is
 * there with its exact core signature (and a well-typed post-return if present); each function the
 * module imports is a contract import of the world with the exact signature, or a WASI preview 1
 * function; {@code memory} and {@code cabi_realloc} are exported when the ABI needs them.
 */
public final class ModuleValidator {

    private static final FunctionType REALLOC_TYPE =
            FunctionType.of(
                    List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32),
                    List.of(ValType.I32));

    private ModuleValidator() {}

    public static ValidationReport validate(String moduleName, WasmModule module, World world) {
        List<String> problems = new ArrayList<>();
        Map<String, FunctionType> exportedFunctions = new HashMap<>();
        boolean exportsMemory = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                exportedFunctions.put(export.name(), functionType(module, export.index()));
            } else if (export.exportType() == ExternalType.MEMORY
                    && export.name().equals(AbiNames.MEMORY)) {
                exportsMemory = true;
            }
        }
        boolean needsMemory = false;
        boolean needsRealloc = false;

        for (ContractFunction f : ContractFunction.all(world.exports())) {
            CoreSignature expected = f.abi().liftSignature();
            FunctionType actual = exportedFunctions.get(f.exportName());
            if (actual == null) {
                problems.add("missing export '" + f.exportName() + "' " + expected);
            } else if (!expected.matches(actual)) {
                problems.add(
                        "export '"
                                + f.exportName()
                                + "' has signature "
                                + CoreSignature.describe(actual)
                                + ", expected "
                                + expected);
            }
            FunctionType postReturn = exportedFunctions.get(f.postReturnName());
            CoreSignature expectedPost = CoreSignature.postReturn(f.function());
            if (postReturn != null && !expectedPost.matches(postReturn)) {
                problems.add(
                        "export '"
                                + f.postReturnName()
                                + "' has signature "
                                + CoreSignature.describe(postReturn)
                                + ", expected "
                                + expectedPost);
            }
            needsMemory |= f.abi().usesMemory();
            needsRealloc |=
                    expected.paramsInMemory()
                            || f.function().params().stream()
                                    .anyMatch(p -> PointerTypes.containsPointer(p.type()));
        }

        Map<String, ContractFunction> contractImports = new HashMap<>();
        ContractFunction.all(world.imports())
                .forEach(
                        f ->
                                contractImports.put(
                                        f.interfaceName() + "\u0000" + f.function().name(), f));
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            String label =
                    imp.importType().name().toLowerCase(java.util.Locale.ROOT)
                            + " '"
                            + imp.module()
                            + "' '"
                            + imp.name()
                            + "'";
            if (!(imp instanceof FunctionImport fi)) {
                problems.add("imports " + label + "; only functions can be imported");
                continue;
            }
            FunctionType actual = module.typeSection().getType(fi.typeIndex());
            if (imp.module().equals(WasiImports.MODULE)) {
                Optional<FunctionType> wasi = WasiImports.signature(imp.name());
                if (wasi.isEmpty()) {
                    problems.add("imports " + label + ", which is not a WASI preview 1 function");
                } else if (!wasi.get().equals(actual)) {
                    problems.add(
                            "imports "
                                    + label
                                    + " with signature "
                                    + CoreSignature.describe(actual)
                                    + ", expected "
                                    + CoreSignature.describe(wasi.get()));
                }
                continue;
            }
            ContractFunction f = contractImports.get(imp.module() + "\u0000" + imp.name());
            if (f == null) {
                problems.add(
                        "imports " + label + ", which world " + world.name() + " does not import");
                continue;
            }
            CoreSignature expected = f.abi().lowerSignature();
            if (!expected.matches(actual)) {
                problems.add(
                        "imports "
                                + label
                                + " with signature "
                                + CoreSignature.describe(actual)
                                + ", expected "
                                + expected);
            }
            needsMemory |= f.abi().usesMemory();
            needsRealloc |= f.function().result().map(PointerTypes::containsPointer).orElse(false);
        }

        if (needsMemory && !exportsMemory) {
            problems.add(
                    "missing export 'memory': the world passes strings, lists or spilled values"
                            + " through memory");
        }
        FunctionType realloc = exportedFunctions.get(CabiRealloc.EXPORT_NAME);
        if (needsRealloc && realloc == null) {
            problems.add(
                    "missing export '"
                            + CabiRealloc.EXPORT_NAME
                            + "' (param i32 i32 i32 i32) (result i32): the world passes"
                            + " strings or lists into this module");
        } else if (realloc != null && !realloc.equals(REALLOC_TYPE)) {
            problems.add(
                    "export '"
                            + CabiRealloc.EXPORT_NAME
                            + "' has signature "
                            + CoreSignature.describe(realloc)
                            + ", expected "
                            + CoreSignature.describe(REALLOC_TYPE));
        }
        return new ValidationReport(moduleName, world.pkg().qualify(world.name()), problems);
    }

    private static FunctionType functionType(WasmModule module, int functionIndex) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        if (functionIndex < imported) {
            int seen = 0;
            for (int i = 0; i < module.importSection().importCount(); i++) {
                if (module.importSection().getImport(i) instanceof FunctionImport fi
                        && seen++ == functionIndex) {
                    return module.typeSection().getType(fi.typeIndex());
                }
            }
        }
        return module.functionSection()
                .getFunctionType(functionIndex - imported, module.typeSection());
    }
}
