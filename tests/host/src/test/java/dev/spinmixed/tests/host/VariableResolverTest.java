package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.variables.VariableResolver;
import dev.spinmixed.spinapp.manifest.ManifestException;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Application variables as Spin resolves them for a component's {@code config.get-config}. */
class VariableResolverTest {

    static final SpinManifest APP =
            ManifestReader.parse(
                    """
                    spin_manifest_version = 2
                    [application]
                    name = "orders"
                    [variables]
                    redis_address = { default = "redis://127.0.0.1:6379" }
                    events_channel = { default = "orders.events" }
                    api_key = { required = true, secret = true }
                    [[trigger.http]]
                    route = "/orders"
                    component = "orchestrator"
                    [component.orchestrator]
                    source = "orchestrator.wasm"
                    variables = { redis_address = "{{ redis_address }}", events_channel = "{{ events_channel }}" }
                    [component.validation]
                    source = "validation.wasm"
                    """,
                    Path.of("spin.toml"));

    @Test
    void variablesTakeDefaultsEnvironmentAndOverridesInThatOrder() {
        var env = Map.of("SPIN_VARIABLE_API_KEY", "k1", "SPIN_VARIABLE_EVENTS_CHANNEL", "from-env");
        VariableResolver v =
                VariableResolver.create(APP, env, Map.of("redis_address", "redis://10.0.0.1:7000"));
        assertEquals("k1", v.value("api_key"));
        assertEquals("from-env", v.value("events_channel"));
        assertEquals("redis://10.0.0.1:7000", v.value("redis_address"));
        assertEquals(Optional.of("from-env"), v.componentValue("orchestrator", "events_channel"));
        assertEquals(Optional.empty(), v.componentValue("validation", "events_channel"));
    }

    @Test
    void aRequiredVariableWithoutValueIsAnErrorNamingTheEnvironmentVariable() {
        var e =
                assertThrows(
                        ManifestException.class,
                        () -> VariableResolver.create(APP, Map.of(), Map.of()));
        assertTrue(
                e.getMessage().contains("'api_key' is required")
                        && e.getMessage().contains("SPIN_VARIABLE_API_KEY"),
                e.getMessage());
    }

    @Test
    void getConfigMapsABadKeyAndAnUndefinedKeyToSpinsErrorCases() {
        VariableResolver v =
                VariableResolver.create(APP, Map.of("SPIN_VARIABLE_API_KEY", "k"), Map.of());
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
}
