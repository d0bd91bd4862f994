package dev.spinmixed.tests.stack;

import static dev.spinmixed.tests.stack.Json.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.infra.WasmRuntime;
import dev.spinmixed.infra.Wiring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push credential: asked for on {@code up} only, after the AcrPush grant exists, and asked for
 * again while the grant has not reached the registry, within a bound, then refused with a clear
 * error.
 */
class ImagePushTest {
    @TempDir Path dir;

    private StackRun run(StackRun.Mode mode) {
        Path context = StackRun.buildContext(dir, SpinKubeStackTest.SPIN_TOML);
        return StackRun.of(
                () -> StackRun.settings(WasmRuntime.SPINKUBE, EnumSet.allOf(Wiring.class), context),
                mode);
    }

    private static String registryPassword(StackRun run) {
        return string(
                run.mocks.ofType("docker:index/image:Image").get(0).inputs(),
                "registry",
                "password");
    }

    @Test
    void aPreviewAsksNeitherAzureNorTheRegistryForAToken() {
        StackRun preview = run(StackRun.Mode.PREVIEW);
        preview.assertSucceeded();
        assertEquals(List.of(), preview.exchangeRequests);
        assertEquals(List.of(), preview.tokenRequests);
        assertFalse(preview.mocks.invokes().contains("azure-native:authorization:getClientToken"));
        assertFalse(registryPassword(preview).contains(StackRun.REFRESH_TOKEN));
    }

    @Test
    void anUpWaitsWhileTheFreshAcrPushGrantPropagates() {
        StackRun up = run(new StackRun.Mode(false, 3, Duration.ofMinutes(10)));
        up.assertSucceeded();
        assertEquals(3, up.tokenRequests.size(), "asked until the grant showed");
        assertEquals(3, up.exchangeRequests.size(), "a fresh refresh token each time");
        assertEquals(2, up.progress.size(), up.progress.toString());
        assertTrue(up.progress.get(0).startsWith("waiting for AcrPush on "), up.progress.get(0));
        assertEquals(StackRun.REFRESH_TOKEN, registryPassword(up));
    }

    @Test
    void anUpGivesUpAfterTheBoundNamingTheMissingGrant() {
        StackRun up = run(new StackRun.Mode(false, Integer.MAX_VALUE, Duration.ofMinutes(1)));
        // One attempt at the start and one after each 15-second poll within the minute.
        assertEquals(5, up.tokenRequests.size());
        String failure = up.result.exceptions().toString();
        assertTrue(
                failure.contains(
                                "still grants the deploying identity no push to"
                                        + " spin-mixed-workloads/orders after 1 min")
                        && failure.contains("holds AcrPush on the registry"),
                failure);
    }
}
