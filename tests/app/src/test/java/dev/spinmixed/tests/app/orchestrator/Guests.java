package dev.spinmixed.tests.app.orchestrator;

import dev.spinmixed.contracts.acme.inventory.Inventory;
import dev.spinmixed.contracts.acme.pricing.Pricing;
import dev.spinmixed.contracts.acme.validation.Validation;
import dev.spinmixed.contracts.fermyon.spin.Config;
import dev.spinmixed.contracts.fermyon.spin.Redis;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.WasiGrant;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app's built core modules (apps/target/core), each loaded for its world, and the compositions
 * a Spin host would make of them: the orchestrator and the relays with the domain components they
 * depend on (as apps/spin.toml declares), Redis and the Spin variables served by Java.
 */
final class Guests {

    private static final WitResolve WIT = WitLoader.loadDirectory(appsDir().resolve("wit"));

    private Guests() {}

    /** The apps directory, set by the build (tests/app/pom.xml). */
    private static Path appsDir() {
        String dir = System.getProperty("apps.dir");
        if (dir == null) {
            throw new IllegalStateException(
                    "system property apps.dir is not set (tests/app/pom.xml sets it)");
        }
        return Path.of(dir);
    }

    static Component load(String name, String world) {
        Path module = appsDir().resolve("target/core").resolve(name + ".wasm");
        if (!Files.isRegularFile(module)) {
            throw new IllegalStateException(
                    module + " is missing: build the app first (./mvnw -pl apps -am install)");
        }
        try {
            return Component.load(name, module, WIT.world(world));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A guest with the Spin imports every publishing guest has: redis publish and config. */
    private static Composition.Builder spinGuest(
            Component root,
            RecordingRedis redis,
            Config.GetConfig getConfig,
            ByteArrayOutputStream stderr) {
        Composition.Builder builder = Composition.builder(root);
        Redis.servePublish(builder, redis::publish);
        Config.serveGetConfig(builder, getConfig);
        return builder.wasi(WasiGrant.none().withOutput(stderr)).maxInstances(1);
    }

    static Composition orchestrator(
            RecordingRedis redis, SpinVariables variables, ByteArrayOutputStream stderr) {
        return orchestrator(redis, variables::get, stderr);
    }

    /** The orchestrator with {@code get-config} served by {@code getConfig}. */
    static Composition orchestrator(
            RecordingRedis redis, Config.GetConfig getConfig, ByteArrayOutputStream stderr) {
        return spinGuest(load("orchestrator", "orchestrator"), redis, getConfig, stderr)
                .dependency(Validation.NAME, load("validation", "validation-component"))
                .dependency(Pricing.NAME, load("pricing", "pricing-component"))
                .dependency(Inventory.NAME, load("inventory", "inventory-component"))
                .build();
    }

    static Composition ingress(
            RecordingRedis redis, SpinVariables variables, ByteArrayOutputStream stderr) {
        return spinGuest(load("hops-ingress", "hops-ingress"), redis, variables::get, stderr)
                .build();
    }

    static Composition validationRelay(
            RecordingRedis redis, SpinVariables variables, ByteArrayOutputStream stderr) {
        return spinGuest(
                        load("validation-relay", "validation-relay"), redis, variables::get, stderr)
                .dependency(Validation.NAME, load("validation", "validation-component"))
                .build();
    }

    static Composition pricingRelay(
            RecordingRedis redis, SpinVariables variables, ByteArrayOutputStream stderr) {
        return spinGuest(load("pricing-relay", "pricing-relay"), redis, variables::get, stderr)
                .dependency(Pricing.NAME, load("pricing", "pricing-component"))
                .build();
    }

    static Composition inventoryRelay(
            RecordingRedis redis, SpinVariables variables, ByteArrayOutputStream stderr) {
        return spinGuest(load("inventory-relay", "inventory-relay"), redis, variables::get, stderr)
                .dependency(Inventory.NAME, load("inventory", "inventory-component"))
                .build();
    }
}
