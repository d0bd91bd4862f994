package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.host.app.SpinApp;
import dev.spinmixed.host.redis.AllowedOutboundHosts;
import dev.spinmixed.host.variables.VariableResolver;
import dev.spinmixed.spinapp.manifest.ManifestReader;
import dev.spinmixed.spinapp.manifest.SpinManifest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The app's spin.toml keeps credentials out of allowed_outbound_hosts: redis_host is derived from
 * the Redis URL.
 */
class RedisVariablesTest {

    private final SpinManifest manifest =
            ManifestReader.read(RunningApp.appsDir().resolve("spin.toml"));

    @Test
    void aRedisUrlWithAPasswordGivesTheAddressAndItsHostWithoutCredentials() throws Exception {
        Map<String, String> overrides =
                SpinApp.variableOverrides(
                        manifest, Optional.of("redis://:s3cret-pass@10.1.2.3:7000"));

        assertEquals("redis://:s3cret-pass@10.1.2.3:7000", overrides.get("redis_address"));
        assertEquals("10.1.2.3:7000", overrides.get("redis_host"));
        VariableResolver variables = VariableResolver.create(manifest, Map.of(), overrides);
        AllowedOutboundHosts orchestrator =
                SpinApp.allowedOutboundHosts(manifest, variables).get("orchestrator");
        assertTrue(orchestrator.allows(variables.value("redis_address"), "redis"));
        assertFalse(orchestrator.allows("redis://:s3cret-pass@10.1.2.3:7001", "redis"));
        assertFalse(orchestrator.allows("redis://10.9.9.9:7000", "redis"));
    }

    @Test
    void aUrlWithoutPortMeansTheRedisPortAndTheEmbeddedDefaultStillLoads() {
        assertEquals(
                "cache.local:6379",
                SpinApp.variableOverrides(manifest, Optional.of("redis://cache.local"))
                        .get("redis_host"));
        assertEquals(
                "in-memory.invalid:6379",
                SpinApp.variableOverrides(manifest, Optional.empty()).get("redis_host"));
    }
}
