package dev.spinmixed.linker;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code max} live instance sets, each leased to one call at a time. A set comes back after
 * a clean call and is discarded after a fault; a new one is made on demand.
 */
final class InstancePool implements AutoCloseable {

    private final Supplier<InstanceSet> factory;
    private final int max;
    private final long leaseTimeoutMillis;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<InstanceSet> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger live = new AtomicInteger();
    private volatile boolean closed;

    InstancePool(Supplier<InstanceSet> factory, int max, long leaseTimeoutMillis) {
        this.factory = factory;
        this.max = max;
        this.leaseTimeoutMillis = leaseTimeoutMillis;
        this.permits = new Semaphore(max, true);
    }

    InstanceSet lease() {
        if (closed) {
            throw new IllegalStateException("the composition is closed");
        }
        try {
            if (!permits.tryAcquire(leaseTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "all "
                                + max
                                + " instance sets stayed busy for "
                                + leaseTimeoutMillis
                                + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an instance set", e);
        }
        InstanceSet set = idle.pollFirst();
        if (set != null) {
            return set;
        }
        try {
            set = factory.get();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        live.incrementAndGet();
        return set;
    }

    void giveBack(InstanceSet set) {
        if (closed) {
            discard(set);
            return;
        }
        idle.addFirst(set);
        permits.release();
    }

    void discard(InstanceSet set) {
        set.close();
        live.decrementAndGet();
        permits.release();
    }

    int live() {
        return live.get();
    }

    int idle() {
        return idle.size();
    }

    /** Discards the idle sets; sets leased right now are discarded when they come back. */
    @Override
    public void close() {
        closed = true;
        InstanceSet set;
        while ((set = idle.pollFirst()) != null) {
            set.close();
            live.decrementAndGet();
        }
    }
}
