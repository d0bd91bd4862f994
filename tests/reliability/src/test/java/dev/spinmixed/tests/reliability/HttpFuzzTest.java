package dev.spinmixed.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes the HTTP boundary of the host as {@code ./run up} serves the Orders app (in-process, on
 * loopback, compiled guests, no Redis): {@value #REQUESTS} seeded malformed requests over raw
 * sockets (see {@link MalformedRequests}), from several clients at once, bounded in time. Every
 * request is answered with an allowed status within the deadline (or, when the client hung up
 * half-way, closed by the server), the host keeps serving, and the instance pool ends as it began.
 * Then a few clients stall half-way through a request: the server gives up on them at the deadline.
 */
@ExtendWith(SummaryExtension.class)
class HttpFuzzTest {

    static final int REQUESTS = Integer.getInteger("reliability.fuzz.requests", 10_000);
    static final long SEED = Long.getLong("reliability.seed", 20261127L);
    static final Duration DEADLINE = Duration.ofSeconds(3);
    static final Duration TIME_BOUND = Duration.ofSeconds(90);
    static final int CLIENTS = 8;
    static final int INSTANCES = 4;

    /**
     * What the host may answer to hostile input: never a 2xx other than for a valid order or health
     * check.
     */
    static final Set<Integer> REFUSALS =
            Set.of(400, 404, 405, 408, 413, 414, 422, 431, 500, 501, 503, 505);

    @Test
    void everyMalformedRequestIsAnsweredAndTheHostKeepsServing(Summary summary) throws Exception {
        try (LocalApp app = LocalApp.orders(Optional.empty(), DEADLINE, INSTANCES)) {
            InetSocketAddress address = app.app.address();
            warmUp(app);
            int baseline = app.liveInstanceSets();

            MalformedRequests generator = new MalformedRequests(SEED);
            Map<String, Map<Integer, LongAdder>> statusesByKind = new ConcurrentHashMap<>();
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            AtomicLong slowest = new AtomicLong();
            long start = System.nanoTime();
            long stopAt = start + TIME_BOUND.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(
                        clients.submit(
                                () -> {
                                    for (int i = next.getAndIncrement();
                                            i < REQUESTS && System.nanoTime() < stopAt;
                                            i = next.getAndIncrement()) {
                                        MalformedRequests.Case fuzz = generator.next(i);
                                        RawHttp.Answer answer =
                                                RawHttp.exchange(
                                                        address,
                                                        fuzz.bytes(),
                                                        fuzz.hangUp(),
                                                        DEADLINE.plusSeconds(5));
                                        statusesByKind
                                                .computeIfAbsent(
                                                        fuzz.kind(), k -> new ConcurrentHashMap<>())
                                                .computeIfAbsent(
                                                        answer.status(), s -> new LongAdder())
                                                .increment();
                                        slowest.accumulateAndGet(answer.millis(), Math::max);
                                        judge(fuzz, answer)
                                                .ifPresent(
                                                        w ->
                                                                wrong.add(
                                                                        "case "
                                                                                + fuzz.index()
                                                                                + " ("
                                                                                + fuzz.kind()
                                                                                + "): "
                                                                                + w));
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : running) {
                f.get(TIME_BOUND.toSeconds() + 30, TimeUnit.SECONDS);
            }
            clients.shutdown();
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            int tried = Math.min(next.get(), REQUESTS);

            int stalled = stalledClientsAreCutOffAtTheDeadline(address, wrong);

            Map<String, Object> byStatus = new TreeMap<>();
            statusesByKind
                    .values()
                    .forEach(
                            m ->
                                    m.forEach(
                                            (status, n) ->
                                                    byStatus.merge(
                                                            label(status),
                                                            n.sum(),
                                                            (a, b) -> (Long) a + (Long) b)));
            summary.put("http-fuzz", "seed", SEED);
            summary.put("http-fuzz", "malformed requests sent", tried);
            summary.put("http-fuzz", "stalled clients", stalled);
            summary.put("http-fuzz", "answers by status", byStatus);
            summary.put("http-fuzz", "wrong or missing answers", wrong.size());
            summary.put("http-fuzz", "slowest answer (ms)", slowest.get());
            summary.put("http-fuzz", "seconds", seconds);
            summary.put(
                    "http-fuzz",
                    "live instance sets before / after",
                    baseline + " / " + app.liveInstanceSets());
            Map<String, Object> kinds = new TreeMap<>();
            statusesByKind.forEach(
                    (kind, m) -> {
                        Map<String, Long> s = new TreeMap<>();
                        m.forEach((status, n) -> s.put(label(status), n.sum()));
                        kinds.put(kind, s);
                    });
            summary.put("http-fuzz", "answers by kind", kinds);
            assertEquals(
                    REQUESTS, tried, "only " + tried + " requests were sent within " + TIME_BOUND);
            assertEquals(
                    List.of(),
                    wrong.subList(0, Math.min(20, wrong.size())),
                    wrong.size() + " requests got a wrong answer");
            assertEquals(
                    200,
                    app.post("/orders", MalformedRequests.ORDER).statusCode(),
                    "the host still takes orders");
            assertEquals(
                    baseline,
                    app.liveInstanceSets(),
                    "live instance sets are back to the baseline");
            assertEquals(
                    app.runtime.liveInstanceSets(),
                    app.runtime.idleInstanceSets(),
                    "no instance set is still leased");
        }
    }

    /** Fills the pool to its maximum, so the baseline is the steady state a busy host keeps. */
    private static void warmUp(LocalApp app) throws Exception {
        // The first calls compile the guests to JVM bytecode, which may take longer than the
        // deadline.
        for (int attempt = 0;
                attempt < 10 && app.post("/orders", MalformedRequests.ORDER).statusCode() != 200;
                attempt++) {
            Thread.sleep(1000);
        }
        ExecutorService warm = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS * 4; i++) {
            calls.add(warm.submit(() -> app.post("/orders", MalformedRequests.ORDER).statusCode()));
        }
        for (Future<Integer> f : calls) {
            assertEquals(200, f.get());
        }
        warm.shutdown();
    }

    /** Empty when the answer is right for the case, else what is wrong with it. */
    static Optional<String> judge(MalformedRequests.Case fuzz, RawHttp.Answer answer) {
        if (answer.status() == RawHttp.NO_ANSWER) {
            return Optional.of("no answer within " + answer.millis() + " ms");
        }
        if (answer.millis() > DEADLINE.toMillis() + 2000) {
            return Optional.of("answered after " + answer.millis() + " ms, past the deadline");
        }
        if (answer.status() == RawHttp.CLOSED) {
            return fuzz.mayClose() ? Optional.empty() : Optional.of("closed without an answer");
        }
        if (answer.status() == 0) {
            return Optional.of("not an HTTP answer: " + answer.head());
        }
        if (REFUSALS.contains(answer.status()) || (fuzz.maySucceed() && answer.status() == 200)) {
            return Optional.empty();
        }
        return Optional.of(
                "status " + answer.status() + ": " + answer.head().lines().findFirst().orElse(""));
    }

    /**
     * Clients that send part of a request and then nothing: cut off at the deadline, in parallel.
     */
    private static int stalledClientsAreCutOffAtTheDeadline(
            InetSocketAddress address, List<String> wrong) throws Exception {
        byte[] full = MalformedRequests.request("POST", "/orders", "", MalformedRequests.ORDER);
        String head = new String(full, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[][] partial = {
            java.util.Arrays.copyOf(
                    full, head.indexOf("\r\n\r\n") + 4 + 10), // head, then 10 bytes of the body
            java.util.Arrays.copyOf(full, 30), // half of the head
        };
        int n = 16;
        ExecutorService stall = Executors.newFixedThreadPool(n);
        List<Future<RawHttp.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] bytes = partial[i % partial.length];
            answers.add(
                    stall.submit(
                            () ->
                                    RawHttp.exchange(
                                            address, bytes, false, DEADLINE.plusSeconds(5))));
        }
        for (int i = 0; i < n; i++) {
            RawHttp.Answer a = answers.get(i).get();
            // Cut off means a 408 when Undertow can still write one, else the connection closed;
            // either at the deadline.
            boolean cutOff = a.status() == RawHttp.CLOSED || a.status() == 408;
            if (!cutOff
                    || a.millis() < DEADLINE.toMillis()
                    || a.millis() > DEADLINE.toMillis() + 2000) {
                wrong.add(
                        "stalled client "
                                + i
                                + ": status "
                                + a.status()
                                + " after "
                                + a.millis()
                                + " ms");
            }
        }
        stall.shutdown();
        return n;
    }

    private static String label(int status) {
        return switch (status) {
            case RawHttp.CLOSED -> "closed";
            case RawHttp.NO_ANSWER -> "no answer";
            case 0 -> "not HTTP";
            default -> Integer.toString(status);
        };
    }
}
