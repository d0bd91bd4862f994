package dev.spinmixed.tests.app.components;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Node script of the parity tests; a missing Node or a failing script fails the suite. */
public final class NodeScript {

    private NodeScript() {}

    /**
     * @return the script's standard output; its standard error goes to {@code stderr} and into the
     *     failure
     */
    public static String run(Path script, Path stderr, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("node " + script + " did not finish in 5 minutes");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "node "
                            + script
                            + " exited with "
                            + process.exitValue()
                            + ":\n"
                            + Files.readString(stderr));
        }
        return stdout;
    }
}
