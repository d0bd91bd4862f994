package dev.spinmixed.linker;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import dev.spinmixed.wit.World;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A core module that implements a WIT world, parsed and validated once. It is immutable and can
 * take part in any number of {@link Composition}s; instances are made per composition.
 */
public final class Component {

    private final String name;
    private final WasmModule module;
    private final World world;
    private final Map<String, ContractFunction> exports;
    private final List<ContractFunction> usedImports;
    private final Set<String> exportNames;
    private final Function<Instance, Machine> prebuiltMachine;
    private volatile Function<Instance, Machine> compiledMachine;

    private Component(
            String name,
            WasmModule module,
            World world,
            Function<Instance, Machine> prebuiltMachine) {
        this.name = name;
        this.module = module;
        this.world = world;
        this.prebuiltMachine = prebuiltMachine;
        this.exports = new LinkedHashMap<>();
        ContractFunction.all(world.exports()).forEach(f -> exports.put(f.displayName(), f));
        Map<String, ContractFunction> imports = new LinkedHashMap<>();
        ContractFunction.all(world.imports())
                .forEach(f -> imports.put(f.interfaceName() + "#" + f.function().name(), f));
        List<ContractFunction> used = new ArrayList<>();
        module.importSection().stream()
                .filter(i -> i instanceof FunctionImport && !i.module().equals(WasiImports.MODULE))
                .forEach(i -> used.add(imports.get(i.module() + "#" + i.name())));
        this.usedImports = List.copyOf(used);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            names.add(module.exportSection().getExport(i).name());
        }
        this.exportNames = Set.copyOf(names);
    }

    /** Parses and validates; throws {@link ValidationException} listing every problem. */
    public static Component load(String name, byte[] wasm, World world) {
        return load(name, wasm, world, Optional.empty());
    }

    /**
     * As {@link #load(String, byte[], World)}, but skips Chicory's validation of a module whose
     * bytes {@code cache} has seen pass it, as wasmtime trusts the modules of its own cache; a
     * module that passes is recorded there. The check against the world runs every time.
     */
    public static Component load(
            String name, byte[] wasm, World world, Optional<MachineCache> cache) {
        // Hashed only when there is a cache to ask: without one, validation always runs.
        String digest = cache.isPresent() ? MachineCache.sha256(wasm) : null;
        boolean known = digest != null && cache.get().validated(digest);
        WasmModule module;
        try {
            module =
                    Parser.builder()
                            .withValidation(!known)
                            .build()
                            .parse(() -> new ByteArrayInputStream(wasm));
        } catch (ChicoryException e) {
            throw new ValidationException(
                    new ValidationReport(
                            name,
                            world.pkg().qualify(world.name()),
                            List.of("not a valid wasm module: " + e.getMessage())));
        }
        ValidationReport report = ModuleValidator.validate(name, module, world);
        if (!report.isValid()) {
            throw new ValidationException(report);
        }
        if (digest != null && !known) {
            cache.get().recordValidated(digest);
        }
        return new Component(name, module, world, null);
    }

    public static Component load(String name, Path wasmFile, World world) throws IOException {
        return load(name, Files.readAllBytes(wasmFile), world);
    }

    /**
     * The same component run by a machine compiled at build time (the class
     * chicory-compiler-maven-plugin generates for this module), whatever the composition's mode.
     */
    public Component withMachineFactory(Function<Instance, Machine> machineFactory) {
        return new Component(name, module, world, machineFactory);
    }

    public String name() {
        return name;
    }

    public World world() {
        return world;
    }

    public WasmModule module() {
        return module;
    }

    /** The export {@code interfaceName#function} ({@code $root#function} for a world function). */
    public Optional<ContractFunction> export(String interfaceName, String function) {
        return Optional.ofNullable(exports.get(interfaceName + "#" + function));
    }

    /** The contract imports the module really imports (a subset of the world's). */
    List<ContractFunction> usedImports() {
        return usedImports;
    }

    boolean hasExport(String coreName) {
        return exportNames.contains(coreName);
    }

    /**
     * The machine that runs this module: the build-time compiled one, the interpreter, or the
     * runtime compiler's, made once per component (loaded from {@code cache} when it holds this
     * module's digest, and stored there otherwise).
     */
    Function<Instance, Machine> machineFactory(ExecutionMode mode, Optional<MachineCache> cache) {
        if (prebuiltMachine != null) {
            return prebuiltMachine;
        }
        if (mode == ExecutionMode.INTERPRETER) {
            return InterpreterMachine::new;
        }
        Function<Instance, Machine> compiled = compiledMachine;
        if (compiled == null) {
            synchronized (this) {
                if (compiledMachine == null) {
                    compiledMachine = compile(cache);
                }
                compiled = compiledMachine;
            }
        }
        return compiled;
    }

    private Function<Instance, Machine> compile(Optional<MachineCache> cache) {
        if (cache.isEmpty()) {
            return MachineFactoryCompiler.compile(module);
        }
        try {
            return MachineFactoryCompiler.builder(module).withCache(cache.get()).compile();
        } catch (RuntimeException e) {
            // An entry Chicory cannot load is dropped; the module is compiled and stored anew.
            if (module.digest() == null) {
                throw e;
            }
            cache.get().evict(module.digest());
            return MachineFactoryCompiler.builder(module).withCache(cache.get()).compile();
        }
    }

    @Override
    public String toString() {
        return "component '" + name + "' (world " + world.pkg().qualify(world.name()) + ")";
    }
}
