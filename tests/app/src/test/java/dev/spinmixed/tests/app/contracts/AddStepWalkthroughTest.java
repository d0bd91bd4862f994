package dev.spinmixed.tests.app.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.contracts.Tuple2;
import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.fermyon.spin.Config;
import dev.spinmixed.contracts.fermyon.spin.InboundHttp;
import dev.spinmixed.contracts.fermyon.spin.Redis;
import dev.spinmixed.contracts.fermyon.spin.config.Error;
import dev.spinmixed.contracts.fermyon.spin.http_types.Method;
import dev.spinmixed.contracts.fermyon.spin.http_types.Request;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apps/README.md's "Adding a step", performed as written: its edits are read from the README,
 * applied to a copy of the app, the copy is built from source, and orders go through the pipeline
 * with the fourth step.
 */
class AddStepWalkthroughTest {

    /**
     * {@code <!-- walkthrough: new|append to|insert in PATH [after the line containing TEXT] -->}.
     */
    private static final Pattern EDIT =
            Pattern.compile(
                    "<!-- walkthrough: (new|append to|insert in) (\\S+)"
                            + "(?: after the line containing (.+?))? -->\\n```[a-z]*\\n(.*?)```",
                    Pattern.DOTALL);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private record Edit(String kind, String file, String anchor, String text) {}

    private static List<Edit> walkthrough() throws IOException {
        String readme = Files.readString(AppCopy.repository().resolve("apps/README.md"));
        String section = readme.substring(readme.indexOf("## Adding a step"));
        List<Edit> edits = new ArrayList<>();
        Matcher m = EDIT.matcher(section);
        while (m.find()) {
            edits.add(new Edit(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return edits;
    }

    private static void apply(AppCopy app, Edit edit) throws IOException {
        switch (edit.kind()) {
            case "new" -> {
                assertTrue(!Files.exists(app.path(edit.file())), edit.file() + " is new");
                app.write(edit.file(), edit.text());
            }
            case "append to" -> app.write(edit.file(), app.read(edit.file()) + edit.text());
            default -> {
                List<String> lines =
                        new ArrayList<>(List.of(app.read(edit.file()).split("\n", -1)));
                int at = -1;
                for (int i = 0; i < lines.size() && at < 0; i++) {
                    if (lines.get(i).contains(edit.anchor().strip())) {
                        at = i;
                    }
                }
                assertTrue(at >= 0, edit.file() + " has no line containing " + edit.anchor());
                lines.add(at + 1, edit.text().stripTrailing());
                app.write(edit.file(), String.join("\n", lines));
            }
        }
    }

    private static Composition orchestrator(AppCopy app, List<String> events) throws IOException {
        WitResolve wit = WitLoader.loadDirectory(app.path("apps/wit"));
        Composition.Builder builder =
                Composition.builder(load(app, wit, "orchestrator", "orchestrator"))
                        .dependency(
                                "acme:validation/validation@0.1.0",
                                load(app, wit, "validation", "validation-component"))
                        .dependency(
                                "acme:pricing/pricing@0.1.0",
                                load(app, wit, "pricing", "pricing-component"))
                        .dependency(
                                "acme:fraud/fraud@0.1.0",
                                load(app, wit, "fraud", "fraud-component"))
                        .dependency(
                                "acme:inventory/inventory@0.1.0",
                                load(app, wit, "inventory", "inventory-component"));
        Redis.servePublish(
                builder,
                (address, channel, payload) -> {
                    events.add(new String(payload, StandardCharsets.UTF_8));
                    return WitResult.ok(null);
                });
        Config.serveGetConfig(
                builder,
                key ->
                        key.equals("redis_address") || key.equals("events_channel")
                                ? WitResult.ok("redis://redis:6379")
                                : WitResult.err(new Error.InvalidKey(key)));
        return builder.maxInstances(1).build();
    }

    private static Component load(AppCopy app, WitResolve wit, String name, String world)
            throws IOException {
        return Component.load(
                name, app.path("apps/target/core/" + name + ".wasm"), wit.world(world));
    }

    private static JsonNode post(Composition orchestrator, String order) throws IOException {
        Request request =
                new Request(
                        Method.POST,
                        "/orders",
                        List.of(new Tuple2<>("content-type", "application/json")),
                        List.of(),
                        Optional.of(order.getBytes(StandardCharsets.UTF_8)));
        var response = InboundHttp.exportedBy(orchestrator).handleRequest(request);
        JsonNode body = JSON.readTree(response.body().orElseThrow());
        return JSON.createObjectNode().put("status", response.status()).set("body", body);
    }

    @Test
    void aFraudCheckStepInCTakesSevenFilesAndRunsInThePipeline() throws Exception {
        AppCopy app = AppCopy.into(dir);
        List<Edit> edits = walkthrough();
        for (Edit edit : edits) {
            apply(app, edit);
        }
        Set<String> files = new TreeSet<>();
        edits.forEach(e -> files.add(e.file()));
        assertEquals(
                Set.of(
                        "apps/wit/deps/fraud/fraud.wit",
                        "apps/wit/deps/orders/types.wit",
                        "apps/wit/worlds.wit",
                        "apps/fraud/src/fraud.c",
                        "apps/build/guests.tsv",
                        "apps/spin.toml",
                        "orchestrator/guest/orchestrator.rs"),
                files,
                "the files the walk-through writes by hand");

        AppCopy.Run build = app.build();
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("core fraud (c)"), build.output());
        assertTrue(build.output().contains("component fraud"), build.output());

        List<String> events = new ArrayList<>();
        try (Composition orchestrator = orchestrator(app, events)) {
            JsonNode small =
                    post(
                            orchestrator,
                            """
                            {"id":"o-1","customer":"Ada","region":"EU-DE",
                             "lines":[{"sku":"MUG-0001","quantity":2,"unitPriceCents":1250}]}\
                            """);
            assertEquals(200, small.get("status").asInt(), small.toString());
            assertEquals(2975, small.at("/body/totalCents").asLong());
            assertTrue(small.at("/body/reservation/id").asText().startsWith("RSV-"));

            // 100 x 10000 cents, 10% volume discount, 19% tax: 1071000 cents.
            JsonNode large =
                    post(
                            orchestrator,
                            """
                            {"id":"o-2","customer":"Ada","region":"EU-DE",
                             "lines":[{"sku":"MUG-0001","quantity":100,"unitPriceCents":10000}]}\
                            """);
            assertEquals(422, large.get("status").asInt(), large.toString());
            assertEquals("fraud", large.at("/body/step").asText());
            assertEquals("total-cents", large.at("/body/problems/0/field").asText());
            assertEquals(2, events.size());
            assertTrue(events.get(1).contains("\"step\":\"fraud\""), events.get(1));
        }
    }
}
