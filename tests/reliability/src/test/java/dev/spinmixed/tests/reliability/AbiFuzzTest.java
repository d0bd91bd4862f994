package dev.spinmixed.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.ValueModel;
import dev.spinmixed.linker.AdapterMode;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.GuestFault;
import dev.spinmixed.wit.WitLoader;
import dev.spinmixed.wit.WitResolve;
import dev.spinmixed.wit.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes the ABI boundary directly, both ways. A guest (src/test/wat/answers.wat) hands back, seed
 * by seed, answers with out-of-memory and misaligned pointers, huge lengths, out-of-range
 * discriminants, invalid UTF-8 and invalid chars (see {@link AnswerBlob}); another
 * (src/test/wat/publisher.wat) calls the host's {@code redis.publish} with such arguments and
 * return pointers. Each broken value is a {@link GuestFault} naming the component, the function and
 * the problem; valid values cross intact; a pointer into arbitrary memory is lifted or refused,
 * never anything else; nothing hangs, and the composition keeps answering after every fault. The
 * same answers handed to a relay component (src/test/wat/answers-relay.wat) cross the adapter
 * between two components: fused and lifted-then-lowered, they give the same values and the same
 * faults, word for word.
 */
@ExtendWith(SummaryExtension.class)
class AbiFuzzTest {

    static final int CALLS = Integer.getInteger("reliability.abi.calls", 6000);
    static final long SEED = Long.getLong("reliability.seed", 20261127L);
    static final String IFACE = "test:fuzz/answers@0.1.0";
    static final String INBOUND_HTTP = "fermyon:spin/inbound-http";

    /** One way to break the arguments of an import call, and the words the fault must use. */
    enum ImportCorruption {
        NONE(List.of()),
        ADDRESS_PAST_MEMORY(List.of("past the end of memory")),
        ADDRESS_LENGTH_HUGE(List.of("past the end of memory", "2^31-1")),
        CHANNEL_INVALID_UTF8(List.of("not valid UTF-8")),
        PAYLOAD_LENGTH_HUGE(List.of("past the end of memory", "longer than memory")),
        RETURN_POINTER_PAST_MEMORY(List.of("past the end of memory")),
        /** Every value random: lifted or refused. */
        GARBAGE(List.of());

        final List<String> expectedWords;

        ImportCorruption(List<String> expectedWords) {
            this.expectedWords = expectedWords;
        }
    }

    @Test
    void brokenAnswersAreClearGuestFaultsAndNeverCrashOrHang(Summary summary) throws Exception {
        World world = WitLoader.loadDirectory(Path.of("src", "test", "wit")).world("fuzz-guest");
        Component guest =
                Component.load("answers", LocalApp.testGuests().resolve("answers.wasm"), world);
        Map<AnswerBlob.Corruption, Integer> faults = new EnumMap<>(AnswerBlob.Corruption.class);
        Map<AnswerBlob.Corruption, Integer> lifted = new EnumMap<>(AnswerBlob.Corruption.class);
        List<String> wrong = new ArrayList<>();
        AnswerBlob.Corruption[] kinds = AnswerBlob.Corruption.values();
        try (Composition composition =
                Composition.builder(guest)
                        .mode(ExecutionMode.INTERPRETER)
                        .maxInstances(1)
                        .build()) {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(90),
                    () -> {
                        for (int i = 0; i < CALLS; i++) {
                            Random r = new Random(SEED * 1_000_003L + i);
                            AnswerBlob blob = AnswerBlob.generate(r, kinds[i % kinds.length]);
                            try {
                                Record answer =
                                        (Record)
                                                composition.call(
                                                        IFACE, "give", List.of(blob.bytes));
                                lifted.merge(blob.corruption, 1, Integer::sum);
                                if (blob.corruption == AnswerBlob.Corruption.NONE
                                        && !blob.text.equals(answer.get("text"))) {
                                    wrong.add("call " + i + ": a valid answer lifted as " + answer);
                                } else if (blob.corruption != AnswerBlob.Corruption.NONE
                                        && blob.corruption
                                                != AnswerBlob.Corruption.GARBAGE_POINTER) {
                                    wrong.add(
                                            "call "
                                                    + i
                                                    + ": "
                                                    + blob.corruption
                                                    + " was lifted as "
                                                    + answer);
                                }
                            } catch (GuestFault fault) {
                                faults.merge(blob.corruption, 1, Integer::sum);
                                String message = fault.getMessage();
                                boolean named =
                                        message.contains("component 'answers'")
                                                && message.contains(IFACE + "#give");
                                boolean says =
                                        blob.corruption.expectedWords.isEmpty()
                                                || blob.corruption.expectedWords.stream()
                                                        .anyMatch(message::contains);
                                if (!named
                                        || !says
                                        || blob.corruption == AnswerBlob.Corruption.NONE) {
                                    wrong.add(
                                            "call " + i + " (" + blob.corruption + "): " + message);
                                }
                            }
                        }
                    });
            // The composition still answers, on a fresh instance set after the last fault.
            Record ok =
                    (Record)
                            composition.call(
                                    IFACE,
                                    "give",
                                    List.of(
                                            AnswerBlob.generate(
                                                            new Random(1),
                                                            AnswerBlob.Corruption.NONE)
                                                    .bytes));
            assertTrue(((String) ok.get("text")).startsWith("answer-"));
            assertTrue(composition.liveInstanceSets() <= 1, "at most the one pooled set is alive");
        }
        int faultCount = faults.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> byKind = new TreeMap<>();
        for (AnswerBlob.Corruption c : kinds) {
            byKind.put(
                    c.name().toLowerCase(),
                    "faults "
                            + faults.getOrDefault(c, 0)
                            + ", lifted "
                            + lifted.getOrDefault(c, 0));
        }
        summary.put("abi-fuzz", "seed", SEED);
        summary.put("abi-fuzz", "guest answers lifted", CALLS);
        summary.put("abi-fuzz", "guest faults", faultCount);
        summary.put("abi-fuzz", "wrong outcomes", wrong.size());
        summary.put("abi-fuzz", "by corruption", byKind);
        assertEquals(
                List.of(),
                wrong.subList(0, Math.min(5, wrong.size())),
                wrong.size() + " wrong outcomes");
        assertEquals(
                CALLS / kinds.length,
                faults.getOrDefault(AnswerBlob.Corruption.OPTION_DISCRIMINANT, 0),
                "every bad discriminant faulted");
    }

    @Test
    void brokenAnswersBetweenComponentsFaultAlikeThroughBothAdapters(Summary summary)
            throws Exception {
        WitResolve wit = WitLoader.loadDirectory(Path.of("src", "test", "wit"));
        Component answers =
                Component.load(
                        "answers",
                        LocalApp.testGuests().resolve("answers.wasm"),
                        wit.world("fuzz-guest"));
        Component relay =
                Component.load(
                        "relay",
                        LocalApp.testGuests().resolve("answers-relay.wasm"),
                        wit.world("fuzz-relay"));
        AnswerBlob.Corruption[] kinds = AnswerBlob.Corruption.values();
        int calls = CALLS / 2;
        int faults = 0;
        List<String> wrong = new ArrayList<>();
        try (Composition fused = relayed(relay, answers, AdapterMode.FUSED);
                Composition liftLower = relayed(relay, answers, AdapterMode.LIFT_LOWER)) {
            for (int i = 0; i < calls; i++) {
                Random r = new Random(SEED * 3_000_017L + i);
                AnswerBlob blob = AnswerBlob.generate(r, kinds[i % kinds.length]);
                String expected = outcome(liftLower, blob);
                String actual = outcome(fused, blob);
                if (!expected.equals(actual)) {
                    wrong.add(
                            "call "
                                    + i
                                    + " ("
                                    + blob.corruption
                                    + "): lift-lower "
                                    + expected
                                    + ", fused "
                                    + actual);
                } else if (actual.startsWith("fault: ")) {
                    faults++;
                    boolean named =
                            actual.contains("component 'answers'")
                                    && actual.contains(IFACE + "#give");
                    boolean says =
                            blob.corruption.expectedWords.isEmpty()
                                    || blob.corruption.expectedWords.stream()
                                            .anyMatch(actual::contains);
                    if (!named || !says || blob.corruption == AnswerBlob.Corruption.NONE) {
                        wrong.add("call " + i + " (" + blob.corruption + "): " + actual);
                    }
                } else if (blob.corruption != AnswerBlob.Corruption.NONE
                        && blob.corruption != AnswerBlob.Corruption.GARBAGE_POINTER) {
                    wrong.add("call " + i + ": " + blob.corruption + " crossed as " + actual);
                }
            }
            assertTrue(
                    fused.liveInstanceSets() <= 1 && liftLower.liveInstanceSets() <= 1,
                    "at most the one pooled set is alive");
        }
        summary.put("abi-fuzz", "answers relayed between components, both adapters", calls);
        summary.put("abi-fuzz", "relayed faults (alike)", faults);
        summary.put("abi-fuzz", "relayed differences or wrong outcomes", wrong.size());
        assertEquals(
                List.of(),
                wrong.subList(0, Math.min(5, wrong.size())),
                wrong.size() + " wrong outcomes");
    }

    private static Composition relayed(Component relay, Component answers, AdapterMode adapters) {
        return Composition.builder(relay)
                .dependency(IFACE, answers)
                .adapters(adapters)
                .mode(ExecutionMode.INTERPRETER)
                .maxInstances(1)
                .build();
    }

    /** The answer as text, or the fault's message. */
    private static String outcome(Composition composition, AnswerBlob blob) {
        try {
            return ValueModel.show(composition.call(IFACE, "give", List.of(blob.bytes)));
        } catch (GuestFault fault) {
            return "fault: " + fault.getMessage();
        }
    }

    @Test
    void brokenImportArgumentsAreClearGuestFaults(Summary summary) throws Exception {
        World world =
                WitLoader.loadDirectory(LocalApp.appsDir().resolve("wit")).world("hops-ingress");
        Component guest =
                Component.load("publisher", LocalApp.testGuests().resolve("publisher.wasm"), world);
        List<List<Object>> published = new ArrayList<>();
        Map<ImportCorruption, Integer> faults = new EnumMap<>(ImportCorruption.class);
        List<String> wrong = new ArrayList<>();
        ImportCorruption[] kinds = ImportCorruption.values();
        int calls = CALLS / 2;
        try (Composition composition =
                Composition.builder(guest)
                        .host(
                                "fermyon:spin/redis",
                                "publish",
                                args -> {
                                    published.add(args);
                                    return dev.spinmixed.abi.Result.ok(null);
                                })
                        .mode(ExecutionMode.INTERPRETER)
                        .maxInstances(1)
                        .build()) {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(90),
                    () -> {
                        for (int i = 0; i < calls; i++) {
                            Random r = new Random(SEED * 7_000_003L + i);
                            ImportCorruption corruption = kinds[i % kinds.length];
                            byte[] body = publishArguments(r, corruption);
                            int before = published.size();
                            try {
                                composition.call(
                                        INBOUND_HTTP, "handle-request", List.of(request(body)));
                                if (corruption == ImportCorruption.NONE) {
                                    List<Object> args = published.get(before);
                                    if (!args.get(0).equals("redis://127.0.0.1:6379")
                                            || !args.get(1).equals("orders.validate")
                                            || !java.util.Arrays.equals(
                                                    (byte[]) args.get(2),
                                                    "payload"
                                                            .getBytes(
                                                                    java.nio.charset
                                                                            .StandardCharsets
                                                                            .UTF_8))) {
                                        wrong.add(
                                                "call "
                                                        + i
                                                        + ": valid arguments arrived as "
                                                        + args);
                                    }
                                } else if (corruption != ImportCorruption.GARBAGE) {
                                    wrong.add("call " + i + ": " + corruption + " was accepted");
                                }
                            } catch (GuestFault fault) {
                                faults.merge(corruption, 1, Integer::sum);
                                String message = fault.getMessage();
                                boolean named =
                                        message.contains("component 'publisher'")
                                                && message.contains("fermyon:spin/redis#publish");
                                boolean says =
                                        corruption.expectedWords.isEmpty()
                                                || corruption.expectedWords.stream()
                                                        .anyMatch(message::contains);
                                if (!named || !says || corruption == ImportCorruption.NONE) {
                                    wrong.add("call " + i + " (" + corruption + "): " + message);
                                }
                            }
                        }
                    });
            composition.call(
                    INBOUND_HTTP,
                    "handle-request",
                    List.of(request(publishArguments(new Random(1), ImportCorruption.NONE))));
        }
        Map<String, Object> byKind = new TreeMap<>();
        for (ImportCorruption c : kinds) {
            byKind.put(c.name().toLowerCase(), "faults " + faults.getOrDefault(c, 0));
        }
        summary.put("abi-fuzz", "import calls made (redis.publish)", calls);
        summary.put(
                "abi-fuzz",
                "import faults",
                faults.values().stream().mapToInt(Integer::intValue).sum());
        summary.put("abi-fuzz", "import wrong outcomes", wrong.size());
        summary.put("abi-fuzz", "import faults by corruption", byKind);
        assertEquals(
                List.of(),
                wrong.subList(0, Math.min(5, wrong.size())),
                wrong.size() + " wrong outcomes");
    }

    private static dev.spinmixed.abi.Record request(byte[] body) {
        return dev.spinmixed.abi.Record.of(
                "method",
                "post",
                "uri",
                "/",
                "headers",
                List.of(),
                "params",
                List.of(),
                "body",
                java.util.Optional.of(body));
    }

    /**
     * The body publisher.wat turns into a publish call: 7 u32 values (address ptr/len, channel
     * ptr/len, payload ptr/len, return pointer), a mask of those relative to the body, then the
     * bytes.
     */
    private static byte[] publishArguments(Random r, ImportCorruption corruption) {
        java.nio.ByteBuffer b =
                java.nio.ByteBuffer.allocate(96).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] address = "redis://127.0.0.1:6379".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] channel = "orders.validate".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] payload = "payload".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (corruption == ImportCorruption.CHANNEL_INVALID_UTF8) {
            channel[r.nextInt(channel.length)] = (byte) (0x80 + r.nextInt(0x40));
        }
        int at = 32;
        int[] values = new int[7];
        int mask = 0b10101; // the three pointers are relative to the body; lengths and the return
        // pointer are not
        values[0] = at;
        values[1] = address.length;
        b.put(at, address);
        at += address.length;
        values[2] = at;
        values[3] = channel.length;
        b.put(at, channel);
        at += channel.length;
        values[4] = at;
        values[5] = payload.length;
        b.put(at, payload);
        at += payload.length;
        values[6] = 512;
        switch (corruption) {
            case ADDRESS_PAST_MEMORY -> {
                values[0] =
                        AnswerBlob.MEMORY
                                - address.length
                                + 1
                                + r.nextInt(Integer.MAX_VALUE - AnswerBlob.MEMORY);
                mask &= ~1;
            }
            case ADDRESS_LENGTH_HUGE -> values[1] = 0x7FFF0000 + r.nextInt(0xFFFF);
            case PAYLOAD_LENGTH_HUGE -> values[5] = 0x00100000 + r.nextInt(0x7FEFFFFF);
            case RETURN_POINTER_PAST_MEMORY ->
                    values[6] =
                            AnswerBlob.MEMORY
                                    - 1
                                    + r.nextInt(Integer.MAX_VALUE - AnswerBlob.MEMORY);
            case GARBAGE -> {
                for (int i = 0; i < 7; i++) {
                    values[i] = r.nextBoolean() ? r.nextInt() : r.nextInt(AnswerBlob.MEMORY);
                }
                mask = r.nextInt(128);
            }
            default -> {}
        }
        for (int i = 0; i < 7; i++) {
            b.putInt(4 * i, values[i]);
        }
        b.put(28, (byte) mask);
        byte[] out = new byte[at];
        b.get(0, out);
        return out;
    }
}
