package dev.spinmixed.tests.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Instance sets are leased one call at a time, bounded, reused, and released on close. */
class PoolTest {

    private static final String ECHO = "test:abi/echo@0.1.0";
    private static final String FRONT = "test:abi/front@0.1.0";
    private static final String NOTES = "test:abi/notes@0.1.0";
    private static final Component CALLEE = TestModules.component("echo", "callee");
    private static final Component CALLER = TestModules.component("caller", "caller");

    @Test
    void concurrentCallsNeverShareASetAndStayWithinTheBound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Composition comp =
                Composition.builder(CALLER)
                        .dependency(ECHO, CALLEE)
                        .host(
                                NOTES,
                                "note",
                                args -> {
                                    int now = inFlight.incrementAndGet();
                                    peak.accumulateAndGet(now, Math::max);
                                    try {
                                        Thread.sleep(5);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    inFlight.decrementAndGet();
                                    return Optional.of(((String) args.get(0)).toUpperCase());
                                })
                        .maxInstances(3)
                        .build();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(
                        threads.submit(
                                () -> {
                                    for (int i = 0; i < 15; i++) {
                                        String word = "t" + thread + "c" + i;
                                        assertEquals(
                                                "note: " + word.toUpperCase(),
                                                comp.call(FRONT, "annotate", List.of(word)));
                                        assertEquals(
                                                new StringBuilder(word)
                                                        .reverse()
                                                        .toString()
                                                        .toUpperCase(),
                                                comp.call(FRONT, "shout", List.of(word)));
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(peak.get() <= 3, "at most 3 calls inside guests at once, saw " + peak.get());
        assertTrue(peak.get() >= 2, "calls did run in parallel, saw " + peak.get());
        assertTrue(comp.liveInstanceSets() <= 3, "live sets " + comp.liveInstanceSets());
        assertEquals(comp.liveInstanceSets(), comp.idleInstanceSets(), "every set came back");
        comp.close();
        assertEquals(0, comp.liveInstanceSets(), "close releases every set");
    }

    @Test
    void aCallWaitsForAFreeSetAndGivesUpAfterTheLeaseTimeout() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Composition comp =
                Composition.builder(CALLER)
                        .dependency(ECHO, CALLEE)
                        .host(
                                NOTES,
                                "note",
                                args -> {
                                    inside.countDown();
                                    try {
                                        release.await();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    return Optional.empty();
                                })
                        .maxInstances(1)
                        .leaseTimeoutMillis(100)
                        .build()) {
            ExecutorService thread = Executors.newSingleThreadExecutor();
            Future<Object> blocked =
                    thread.submit(() -> comp.call(FRONT, "annotate", List.of("x")));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> comp.call(FRONT, "shout", List.of("y")));
            assertTrue(
                    e.getMessage().contains("all 1 instance sets stayed busy for 100 ms"),
                    e.getMessage());
            release.countDown();
            assertEquals("no note", blocked.get(30, TimeUnit.SECONDS));
            assertEquals("Y", comp.call(FRONT, "shout", List.of("y")));
            thread.shutdown();
        }
    }

    @Test
    void faultingCallsDoNotLeakInstanceSets() {
        try (Composition comp =
                Composition.builder(CALLER)
                        .dependency(ECHO, CALLEE)
                        .host(NOTES, "note", args -> Optional.empty())
                        .maxInstances(2)
                        .build()) {
            for (int i = 0; i < 20; i++) {
                assertThrows(
                        dev.spinmixed.linker.GuestFault.class,
                        () -> comp.call(FRONT, "fail-through", List.of()));
            }
            assertEquals(0, comp.liveInstanceSets());
            assertEquals("A", comp.call(FRONT, "shout", List.of("a")));
            assertEquals(1, comp.liveInstanceSets());
        }
    }
}
