package dev.spinmixed.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The orchestrated pipeline on the standard JavaScript component host: the app's components
 * (apps/target/oci) transpiled by jco and linked through their generated interfaces
 * (bench/jco/pipeline.mjs), one order per handle-request call. The answer must equal the one
 * Chicory gave.
 */
public final class JcoRun {

    private JcoRun() {}

    public static Latency run(Path repo, byte[] expectedAnswer, boolean quick, Path workDir)
            throws IOException, InterruptedException {
        Path order = workDir.resolve("order.json");
        Files.write(order, SampleOrders.typical());
        // Inside the repository, so that the transpiled modules find node_modules' preview2-shim.
        Path transpiled = repo.resolve("bench/target/jco");
        Files.createDirectories(transpiled);
        List<String> command =
                List.of(
                        "node",
                        "--no-warnings",
                        repo.resolve("bench/jco/pipeline.mjs").toString(),
                        repo.resolve("apps/target/oci").toString(),
                        transpiled.toString(),
                        order.toString(),
                        quick ? "1000" : "20000",
                        quick ? "2000" : "50000");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot run node (Node.js 20+ is needed for the jco comparison): "
                            + e.getMessage(),
                    e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the jco run failed:\n" + out);
        }
        return V8Run.latency(out, expectedAnswer, "jco");
    }
}
