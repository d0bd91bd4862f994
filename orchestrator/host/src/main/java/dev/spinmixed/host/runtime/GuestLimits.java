package dev.spinmixed.host.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * Limits on each triggered component's guest calls: the deadline of one call and the largest linear
 * memory of each instance in its composition (the component and its dependencies). Spin's spin.toml
 * has no per-component limits, so they are host settings (the {@code up} options {@code
 * --deadline}, {@code --max-memory}, {@code --component-deadline}, {@code --component-max-memory});
 * a component not named gets the defaults.
 */
public record GuestLimits(
        Duration defaultDeadline,
        long defaultMaxMemoryBytes,
        Map<String, Duration> deadlines,
        Map<String, Long> maxMemoryBytes) {

    /** 64 KiB, the wasm page. */
    public static final long PAGE_BYTES = 65536;

    /** What wasm32 can address (65536 pages). */
    public static final long WASM32_MEMORY_BYTES = 65536 * PAGE_BYTES;

    public GuestLimits {
        deadlines = Map.copyOf(deadlines);
        maxMemoryBytes = Map.copyOf(maxMemoryBytes);
        requirePositive("the default deadline", defaultDeadline);
        requireMemory("the default memory cap", defaultMaxMemoryBytes);
        deadlines.forEach(
                (component, d) ->
                        requirePositive("the deadline of component '" + component + "'", d));
        maxMemoryBytes.forEach(
                (component, bytes) ->
                        requireMemory("the memory cap of component '" + component + "'", bytes));
    }

    /** The same deadline and memory cap for every component. */
    public static GuestLimits uniform(Duration deadline, long maxMemoryBytes) {
        return new GuestLimits(deadline, maxMemoryBytes, Map.of(), Map.of());
    }

    public Duration deadline(String component) {
        return deadlines.getOrDefault(component, defaultDeadline);
    }

    public long maxMemoryBytes(String component) {
        return maxMemoryBytes.getOrDefault(component, defaultMaxMemoryBytes);
    }

    /** The memory cap in whole wasm pages (rounded down). */
    public int maxMemoryPages(String component) {
        return (int) (maxMemoryBytes(component) / PAGE_BYTES);
    }

    private static void requirePositive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    private static void requireMemory(String what, long bytes) {
        if (bytes < PAGE_BYTES || bytes > WASM32_MEMORY_BYTES) {
            throw new IllegalArgumentException(
                    what
                            + " must be from "
                            + PAGE_BYTES
                            + " bytes (one wasm page) to "
                            + WASM32_MEMORY_BYTES
                            + " bytes (4 GiB), got "
                            + bytes);
        }
    }
}
