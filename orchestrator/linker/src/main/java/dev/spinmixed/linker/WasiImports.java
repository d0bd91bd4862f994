package dev.spinmixed.linker;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** WASI preview 1 for one instance, through Chicory's WasiPreview1 and a {@link WasiGrant}. */
final class WasiImports implements AutoCloseable {

    static final String MODULE = "wasi_snapshot_preview1";

    /** WASI's errno {@code notcapable}: the call exists but this guest may not use it. */
    private static final long ERRNO_NOTCAPABLE = 76;

    private static final Set<String> CLOCK = Set.of("clock_time_get", "clock_res_get");
    private static final Set<String> RANDOM = Set.of("random_get");
    private static final Logger LOG = LoggerFactory.getLogger("guest");
    private static final Map<String, FunctionType> SIGNATURES = signatures();

    private final WasiPreview1 wasi;
    private final List<ImportFunction> functions;

    WasiImports(String component, WasiGrant grant) {
        WasiOptions options =
                WasiOptions.builder()
                        .withStdout(
                                grant.stdout()
                                        .orElseGet(
                                                () ->
                                                        new LogOutputStream(
                                                                LOG, "[" + component + " stdout]")))
                        .withStderr(
                                grant.stderr()
                                        .orElseGet(
                                                () ->
                                                        new LogOutputStream(
                                                                LOG, "[" + component + " stderr]")))
                        .build();
        this.wasi = WasiPreview1.builder().withOptions(options).build();
        List<ImportFunction> out = new ArrayList<>();
        for (ImportFunction f : wasi.toHostFunctions()) {
            boolean denied =
                    (!grant.clock() && CLOCK.contains(f.name()))
                            || (!grant.random() && RANDOM.contains(f.name()));
            out.add(denied ? notCapable(f) : f);
        }
        this.functions = Collections.unmodifiableList(out);
    }

    List<ImportFunction> functions() {
        return functions;
    }

    static Optional<FunctionType> signature(String name) {
        return Optional.ofNullable(SIGNATURES.get(name));
    }

    @Override
    public void close() {
        wasi.close();
    }

    private static ImportFunction notCapable(ImportFunction f) {
        return new ImportFunction(
                f.module(),
                f.name(),
                f.functionType(),
                (instance, args) -> new long[] {ERRNO_NOTCAPABLE});
    }

    private static Map<String, FunctionType> signatures() {
        Map<String, FunctionType> out = new HashMap<>();
        try (WasiPreview1 probe =
                WasiPreview1.builder().withOptions(WasiOptions.builder().build()).build()) {
            for (ImportFunction f : probe.toHostFunctions()) {
                out.put(f.name(), f.functionType());
            }
        }
        return Map.copyOf(out);
    }
}
