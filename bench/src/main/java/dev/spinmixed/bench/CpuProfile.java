package dev.spinmixed.bench;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.spinmixed.linker.AdapterMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one order's CPU goes, from JFR's execution samples (every millisecond) of this thread
 * running the build-time compiled pipeline: each sample is put under the innermost frame that says
 * whose work it is.
 *
 * <ul>
 *   <li><b>guest code</b>: a wasm function compiled to a JVM method ({@code func_N} of a module's
 *       generated classes), with Chicory's runtime code it calls (memory access);
 *   <li><b>guest allocator</b>: a wasm function reachable from the module's {@code cabi_realloc}
 *       (its malloc, realloc and free, and what they call, e.g. memcpy), whether the host or the
 *       guest called it;
 *   <li><b>host glue</b>: the ABI (adapters, lifting, lowering), the linker (instances, calls into
 *       Chicory), the typed bindings, WASI, with the JDK and Chicory code they call.
 * </ul>
 */
public final class CpuProfile {

    private static final Pattern GUEST_METHOD = Pattern.compile("(?:func|call)_(\\d+)");
    private static final String PRECOMPILED = "dev.spinmixed.bench.precompiled.";

    /** Share of the samples by category. */
    public record Figures(AdapterMode adapters, long samples, Map<String, Double> shares) {

        /**
         * The shares with the microseconds they stand for in an order that takes {@code
         * cpuUsPerOrder} of CPU (measured apart from the sampling, which slows what it samples).
         */
        Map<String, Object> toMap(double cpuUsPerOrder) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("adapters", adapters.name().toLowerCase(Locale.ROOT));
            m.put("samples", samples);
            m.put("cpu_us_per_order", cpuUsPerOrder);
            Map<String, Object> byCategory = new LinkedHashMap<>();
            shares.forEach(
                    (category, share) -> {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("share", share);
                        c.put("us_per_order", share * cpuUsPerOrder);
                        byCategory.put(category, c);
                    });
            m.put("categories", byCategory);
            return m;
        }
    }

    public static final List<String> CATEGORIES =
            List.of(
                    "guest code",
                    "guest allocator",
                    "host glue: ABI (adapters, lifting, lowering)",
                    "host glue: linker and calls into Chicory",
                    "host glue: typed bindings",
                    "host glue: WASI",
                    "other");

    private CpuProfile() {}

    public static Figures run(Path appDir, AdapterMode adapters, boolean quick, Path workDir)
            throws IOException {
        Map<String, Set<Integer>> allocators = allocatorFunctions(appDir.resolve("target/core"));
        byte[] order = SampleOrders.typical();
        Path file = workDir.resolve("profile-" + adapters.name().toLowerCase(Locale.ROOT) + ".jfr");
        try (PrecompiledPipeline pipeline = PrecompiledPipeline.load(appDir, adapters)) {
            int status = pipeline.order(order);
            if (status != 200) {
                throw new IllegalStateException(
                        "the profiled pipeline answered the order with " + status + ", not 200");
            }
            long warm = System.nanoTime() + Duration.ofSeconds(quick ? 2 : 15).toNanos();
            while (System.nanoTime() < warm) {
                pipeline.order(order);
            }
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
                long end = System.nanoTime() + Duration.ofSeconds(quick ? 2 : 15).toNanos();
                while (System.nanoTime() < end) {
                    pipeline.order(order);
                }
                recording.stop();
                recording.dump(file);
            }
        }
        long thread = Thread.currentThread().getId();
        Map<String, Long> counts = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> counts.put(c, 0L));
        long samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                    || e.getThread("sampledThread") == null
                    || e.getThread("sampledThread").getJavaThreadId() != thread
                    || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            counts.merge(category(e.getStackTrace().getFrames(), allocators), 1L, Long::sum);
        }
        Files.deleteIfExists(file);
        if (samples < 100) {
            throw new IllegalStateException(
                    "JFR sampled the pipeline's thread "
                            + samples
                            + " times; a breakdown needs 100 (run it on a less loaded machine)");
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            shares.put(c.getKey(), (double) c.getValue() / samples);
        }
        return new Figures(adapters, samples, shares);
    }

    /** The category of one sample, from its innermost frame outwards. */
    static String category(List<RecordedFrame> frames, Map<String, Set<Integer>> allocators) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String method = frame.getMethod().getName();
            if (type.startsWith(PRECOMPILED)) {
                Matcher m = GUEST_METHOD.matcher(method);
                if (m.matches()) {
                    Set<Integer> allocator = allocators.get(module(type));
                    return allocator != null && allocator.contains(Integer.parseInt(m.group(1)))
                            ? "guest allocator"
                            : "guest code";
                }
                continue;
            }
            if (type.startsWith("com.dylibso.chicory.wasi.")) {
                return "host glue: WASI";
            }
            if (type.startsWith("dev.spinmixed.abi.")) {
                return "host glue: ABI (adapters, lifting, lowering)";
            }
            if (type.startsWith("dev.spinmixed.linker.")) {
                return "host glue: linker and calls into Chicory";
            }
            if (type.startsWith("dev.spinmixed.contracts.")) {
                return "host glue: typed bindings";
            }
            if (type.startsWith("dev.spinmixed.bench.")) {
                return "other";
            }
        }
        return "other";
    }

    /** {@code dev.spinmixed.bench.precompiled.PricingModuleMachineFuncGroup_0} is pricing's. */
    private static String module(String type) {
        String simple = type.substring(PRECOMPILED.length());
        int end = simple.indexOf("Module");
        return end < 0 ? simple : simple.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * Per module of the orchestrated route: the functions reachable by direct calls from its
     * exported {@code cabi_realloc}, by wasm function index (imports first).
     */
    static Map<String, Set<Integer>> allocatorFunctions(Path coreDir) throws IOException {
        Map<String, Set<Integer>> out = new HashMap<>();
        for (String name : List.of("orchestrator", "validation", "pricing", "inventory")) {
            WasmModule module = Parser.parse(coreDir.resolve(name + ".wasm"));
            int imported = module.importSection().count(ExternalType.FUNCTION);
            Integer realloc = null;
            for (int i = 0; i < module.exportSection().exportCount(); i++) {
                if (module.exportSection().getExport(i).name().equals("cabi_realloc")) {
                    realloc = module.exportSection().getExport(i).index();
                }
            }
            Set<Integer> reached = new HashSet<>();
            Deque<Integer> todo = new ArrayDeque<>();
            if (realloc != null) {
                todo.push(realloc);
            }
            while (!todo.isEmpty()) {
                int f = todo.pop();
                if (!reached.add(f) || f < imported) {
                    continue;
                }
                for (AnnotatedInstruction ins :
                        module.codeSection().getFunctionBody(f - imported).instructions()) {
                    if (ins.opcode() == OpCode.CALL) {
                        todo.push((int) ins.operand(0));
                    }
                }
            }
            out.put(name, reached);
        }
        return out;
    }
}
