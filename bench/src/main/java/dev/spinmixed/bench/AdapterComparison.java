package dev.spinmixed.bench;

import com.sun.management.ThreadMXBean;
import dev.spinmixed.linker.AdapterMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fused adapters against lifting into Java values and lowering again, on the build-time
 * compiled pipeline in this JVM: both linked side by side, warmed up, then timed in alternating
 * blocks of orders, so that a machine whose load changes during the run slows both alike. Per
 * block: this thread's CPU time per order (what other processes do not inflate) and the bytes it
 * allocated per order; the ratio is the median of the block pairs' ratios.
 */
public final class AdapterComparison {

    /** Medians per side and of the paired ratios. */
    public record Figures(
            double fusedCpuUs,
            double liftLowerCpuUs,
            double fusedOverLiftLower,
            double fusedBytesPerOrder,
            double liftLowerBytesPerOrder,
            int blocks,
            int ordersPerBlock) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fused_cpu_us_per_order", fusedCpuUs);
            m.put("lift_lower_cpu_us_per_order", liftLowerCpuUs);
            m.put("fused_over_lift_lower", fusedOverLiftLower);
            m.put("fused_allocated_bytes_per_order", fusedBytesPerOrder);
            m.put("lift_lower_allocated_bytes_per_order", liftLowerBytesPerOrder);
            m.put("blocks", blocks);
            m.put("orders_per_block", ordersPerBlock);
            return m;
        }
    }

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AdapterComparison() {}

    public static Figures run(Path appDir, boolean quick) throws IOException {
        int blocks = quick ? 10 : 60;
        int perBlock = quick ? 100 : 500;
        long warmupNanos = (quick ? 2 : 20) * 1_000_000_000L;
        byte[] order = SampleOrders.typical();
        try (PrecompiledPipeline fused = PrecompiledPipeline.load(appDir, AdapterMode.FUSED);
                PrecompiledPipeline liftLower =
                        PrecompiledPipeline.load(appDir, AdapterMode.LIFT_LOWER)) {
            long end = System.nanoTime() + warmupNanos;
            while (System.nanoTime() < end) {
                block(fused, order, perBlock);
                block(liftLower, order, perBlock);
            }
            double[] fusedCpu = new double[blocks];
            double[] liftLowerCpu = new double[blocks];
            double[] ratios = new double[blocks];
            double[] fusedBytes = new double[blocks];
            double[] liftLowerBytes = new double[blocks];
            for (int i = 0; i < blocks; i++) {
                // Alternate which goes first, so neither always follows the other's garbage.
                long[] a;
                long[] b;
                if (i % 2 == 0) {
                    a = block(fused, order, perBlock);
                    b = block(liftLower, order, perBlock);
                } else {
                    b = block(liftLower, order, perBlock);
                    a = block(fused, order, perBlock);
                }
                fusedCpu[i] = a[0] / 1e3 / perBlock;
                liftLowerCpu[i] = b[0] / 1e3 / perBlock;
                ratios[i] = fusedCpu[i] / liftLowerCpu[i];
                fusedBytes[i] = (double) a[1] / perBlock;
                liftLowerBytes[i] = (double) b[1] / perBlock;
            }
            return new Figures(
                    median(fusedCpu),
                    median(liftLowerCpu),
                    median(ratios),
                    median(fusedBytes),
                    median(liftLowerBytes),
                    blocks,
                    perBlock);
        }
    }

    /** CPU nanoseconds and allocated bytes of this thread for {@code n} orders. */
    private static long[] block(PrecompiledPipeline pipeline, byte[] order, int n) {
        long thread = Thread.currentThread().getId();
        long bytes = THREADS.getThreadAllocatedBytes(thread);
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            if (pipeline.order(order) != 200) {
                throw new IllegalStateException("the pipeline did not complete the timed order");
            }
        }
        return new long[] {
            THREADS.getCurrentThreadCpuTime() - cpu, THREADS.getThreadAllocatedBytes(thread) - bytes
        };
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
