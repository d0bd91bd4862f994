package dev.spinmixed.host.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.manifest.Dependency;
import dev.spinmixed.host.manifest.Manifest;
import dev.spinmixed.host.manifest.ManifestException;
import dev.spinmixed.host.manifest.ManifestLoader;
import dev.spinmixed.host.manifest.VariableResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {

    static final String APP =
            """
            spin_manifest_version = 2

            [application]
            name = "orders"
            version = "0.1.0"

            [application.trigger.redis]
            address = "{{ redis_address }}"

            [variables]
            redis_address = { default = "redis://127.0.0.1:6379" }
            events_channel = { default = "orders.events" }
            api_key = { required = true, secret = true }

            [[trigger.http]]
            route = "/orders"
            component = "orchestrator"

            [[trigger.http]]
            route = "/hops/..."
            component = "hops-ingress"

            [[trigger.http]]
            route = { private = true }
            component = "validation"

            [[trigger.redis]]
            channel = "orders.validate"
            component = "validation-relay"

            [component.orchestrator]
            source = "orchestrator.wasm"
            allowed_outbound_hosts = ["{{ redis_address }}"]
            variables = { redis_address = "{{ redis_address }}", events_channel = "{{ events_channel }}" }
            environment = { RUST_LOG = "info" }

            [component.orchestrator.dependencies]
            "acme:validation/validation@0.1.0" = { component = "validation" }
            "acme:pricing/pricing@0.1.0" = { path = "deps/pricing.wasm" }

            [component.validation]
            source = "validation.wasm"

            [component.hops-ingress]
            source = "hops-ingress.wasm"

            [component.validation-relay]
            source = "validation-relay.wasm"
            """;

    @TempDir Path dir;

    Manifest load(String toml) throws IOException {
        Path file = dir.resolve("spin.toml");
        Files.writeString(file, toml);
        return ManifestLoader.load(file);
    }

    ManifestException error(String toml) {
        return assertThrows(ManifestException.class, () -> load(toml));
    }

    @Test
    void loadsApplicationVariablesComponentsAndTriggers() throws IOException {
        Manifest m = load(APP);
        assertEquals("orders", m.name());
        assertEquals(Optional.of("{{ redis_address }}"), m.redisAddress());
        assertEquals(
                List.of("orchestrator", "validation", "hops-ingress", "validation-relay"),
                List.copyOf(m.components().keySet()));
        assertEquals(
                Optional.of("redis://127.0.0.1:6379"),
                m.variables().get("redis_address").defaultValue());
        assertTrue(m.variables().get("api_key").required());
        var orchestrator = m.component("orchestrator");
        assertEquals(
                new Dependency.AppComponent("validation"),
                orchestrator.dependencies().get("acme:validation/validation@0.1.0"));
        assertEquals(
                new Dependency.LocalPath(dir.resolve("deps/pricing.wasm").toAbsolutePath()),
                orchestrator.dependencies().get("acme:pricing/pricing@0.1.0"));
        assertEquals(List.of("{{ redis_address }}"), orchestrator.allowedOutboundHosts());
        assertEquals(Map.of("RUST_LOG", "info"), orchestrator.environment());
        assertEquals(3, m.httpTriggers().size());
        assertEquals(Optional.empty(), m.httpTriggers().get(2).route());
        assertEquals("orders.validate", m.redisTriggers().get(0).channel());
    }

    @Test
    void variablesTakeDefaultsEnvironmentAndOverridesInThatOrder() throws IOException {
        Manifest m = load(APP);
        var env = Map.of("SPIN_VARIABLE_API_KEY", "k1", "SPIN_VARIABLE_EVENTS_CHANNEL", "from-env");
        VariableResolver v =
                VariableResolver.create(m, env, Map.of("redis_address", "redis://10.0.0.1:7000"));
        assertEquals("k1", v.value("api_key"));
        assertEquals("from-env", v.value("events_channel"));
        assertEquals("redis://10.0.0.1:7000", v.value("redis_address"));
        assertEquals(Optional.of("from-env"), v.componentValue("orchestrator", "events_channel"));
        assertEquals(Optional.empty(), v.componentValue("validation", "events_channel"));
    }

    @Test
    void requiredVariableWithoutValueIsAnErrorNamingTheEnvironmentVariable() throws IOException {
        Manifest m = load(APP);
        var e =
                assertThrows(
                        ManifestException.class,
                        () -> VariableResolver.create(m, Map.of(), Map.of()));
        assertTrue(
                e.getMessage().contains("'api_key' is required")
                        && e.getMessage().contains("SPIN_VARIABLE_API_KEY"),
                e.getMessage());
    }

    @Test
    void getConfigMapsABadKeyAndAnUndefinedKeyToSpinsErrorCases() throws IOException {
        VariableResolver v =
                VariableResolver.create(load(APP), Map.of("SPIN_VARIABLE_API_KEY", "k"), Map.of());
        var invalid =
                assertThrows(
                        VariableResolver.ConfigException.class,
                        () -> v.getConfig("orchestrator", "Bad-Key"));
        assertEquals("invalid-key", invalid.errorCase());
        var undefined =
                assertThrows(
                        VariableResolver.ConfigException.class,
                        () -> v.getConfig("orchestrator", "api_key"));
        assertEquals("provider", undefined.errorCase());
    }

    @Test
    void unknownFieldsAreErrorsNamingFileAndField() {
        var top = error("foo = 1\n" + APP);
        assertTrue(top.getMessage().contains("spin.toml: foo: unknown field"), top.getMessage());
        var inComponent =
                error(
                        APP.replace(
                                "source = \"validation.wasm\"",
                                "source = \"validation.wasm\"\nsorce = \"x\""));
        assertTrue(
                inComponent.getMessage().contains("component.validation.sorce: unknown field"),
                inComponent.getMessage());
        var inTrigger =
                error(
                        APP.replace(
                                "channel = \"orders.validate\"",
                                "channel = \"orders.validate\"\nchanel = \"x\""));
        assertTrue(
                inTrigger.getMessage().contains("trigger.redis[0].chanel: unknown field"),
                inTrigger.getMessage());
    }

    @Test
    void manifestV1IsRefused() {
        var e = error(APP.replace("spin_manifest_version = 2", "spin_manifest_version = 1"));
        assertTrue(e.getMessage().contains("spin_manifest_version: must be 2"), e.getMessage());
    }

    @Test
    void triggerNamingAnUndeclaredComponentIsAnError() {
        var e = error(APP.replace("component = \"hops-ingress\"", "component = \"hops\""));
        assertTrue(e.getMessage().contains("names component 'hops'"), e.getMessage());
    }

    @Test
    void templateNamingAnUndeclaredVariableIsAnError() {
        var e =
                error(
                        APP.replace(
                                "events_channel = \"{{ events_channel }}\"",
                                "events_channel = \"{{ event_channel }}\""));
        assertTrue(
                e.getMessage().contains("component.orchestrator.variables.events_channel")
                        && e.getMessage().contains("'{{ event_channel }}'"),
                e.getMessage());
    }

    @Test
    void aDependencyTargetMayNotDeclareVariables() {
        var e =
                error(
                        APP.replace(
                                "source = \"validation.wasm\"",
                                "source = \"validation.wasm\"\nvariables = { x = \"1\" }"));
        assertTrue(
                e.getMessage()
                        .contains(
                                "component.validation: is used as a dependency of 'orchestrator'"),
                e.getMessage());
    }

    @Test
    void unsupportedTriggerTypesAndFeaturesAreNamed() {
        var cron = error(APP + "\n[[trigger.cron]]\ncomponent = \"validation\"\n");
        assertTrue(
                cron.getMessage().contains("trigger type 'cron' is not supported"),
                cron.getMessage());
        var kv =
                error(
                        APP.replace(
                                "source = \"hops-ingress.wasm\"",
                                "source = \"hops-ingress.wasm\"\n"
                                        + "key_value_stores = [\"default\"]"));
        assertTrue(
                kv.getMessage()
                        .contains("component.hops-ingress.key_value_stores: is not supported"),
                kv.getMessage());
        var registry = error(APP.replace("{ path = \"deps/pricing.wasm\" }", "\"0.1.0\""));
        assertTrue(
                registry.getMessage().contains("registry package dependencies are not supported"),
                registry.getMessage());
    }

    @Test
    void fieldsSpinAcceptsButThisHostIgnoresAreWarnings() throws IOException {
        Manifest m =
                load(
                        APP.replace(
                                "source = \"hops-ingress.wasm\"",
                                "source = \"hops-ingress.wasm\"\nexclude_files = [\"*.md\"]"));
        assertEquals(2, m.warnings().size(), m.warnings().toString());
        assertTrue(
                m.warnings()
                        .get(0)
                        .contains("component.orchestrator.environment is not passed to the guest"),
                m.warnings().get(0));
        assertTrue(
                m.warnings()
                        .get(1)
                        .contains(
                                "component.hops-ingress.exclude_files is valid for Spin but"
                                        + " ignored"),
                m.warnings().get(1));
    }

    @Test
    void variableNamesMustBeLowerSnakeCase() {
        var e = error(APP.replace("events_channel = { default", "EventsChannel = { default"));
        assertTrue(
                e.getMessage()
                        .contains(
                                "variables.EventsChannel: a variable name must be"
                                        + " lower_snake_case"),
                e.getMessage());
    }

    @Test
    void aVariableNeedsADefaultOrRequiredButNotBoth() {
        var e =
                error(
                        APP.replace(
                                "api_key = { required = true, secret = true }",
                                "api_key = { required = true, default = \"x\" }"));
        assertTrue(
                e.getMessage()
                        .contains(
                                "variables.api_key: a variable must have either a default or"
                                        + " required = true"),
                e.getMessage());
    }

    @Test
    void malformedTomlIsAnErrorNamingTheFile() {
        var e = error("spin_manifest_version = \n");
        assertTrue(e.getMessage().contains("spin.toml: cannot read manifest"), e.getMessage());
    }

    @Test
    void aMissingManifestSaysHowToBuildOne() {
        var e =
                assertThrows(
                        ManifestException.class,
                        () -> ManifestLoader.load(dir.resolve("absent/spin.toml")));
        assertTrue(
                e.getMessage().contains("no such manifest")
                        && e.getMessage().contains("./run up builds it"),
                e.getMessage());
    }
}
