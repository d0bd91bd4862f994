package dev.spinmixed.infra;

import com.pulumi.core.Output;
import java.util.List;

/**
 * A node pool's size: how many nodes, of which VM size, spread over which availability zones.
 *
 * @param zones Azure availability zones ({@code 1}-{@code 3}); empty: no zones
 */
public record PoolSize(int count, String vmSize, List<String> zones) {
    public PoolSize {
        zones = List.copyOf(zones);
    }

    /** The pool's {@code availabilityZones} input, or null (no zones) when none are set. */
    public Output<List<String>> zonesOrNull() {
        return zones.isEmpty() ? null : Output.of(zones);
    }
}
