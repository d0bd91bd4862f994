package dev.spinmixed.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinmixed.abi.Record;
import dev.spinmixed.linker.Component;
import dev.spinmixed.linker.Composition;
import dev.spinmixed.linker.ExecutionMode;
import dev.spinmixed.linker.GuestFault;
import dev.spinmixed.wit.WitLoader;
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
 * Fuzzes the ABI boundary directly: a guest (src/test/wat/answers.wat) hands back, seed by seed,
 * answers with out-of-memory and misaligned pointers, huge lengths, out-of-range discriminants,
 * invalid UTF-8 and invalid chars (see {@link AnswerBlob}). Each broken answer is a
 * {@link GuestFault} naming the component, the function and the problem; valid answers lift
 * intact; a pointer into arbitrary memory is lifted or refused, never anything else; nothing
 * hangs, and the composition keeps answering after every fault.
 */
@ExtendWith(SummaryExtension.class)
class AbiFuzzTest {

    static final int CALLS = Integer.getInteger("reliability.abi.calls", 6000);
    static final long SEED = Long.getLong("reliability.seed", 20261127L);
    static final String IFACE = "test:fuzz/answers@0.1.0";

    @Test
    void brokenAnswersAreClearGuestFaultsAndNeverCrashOrHang(Summary summary) throws Exception {
        World world = WitLoader.loadDirectory(Path.of("src", "test", "wit")).world("fuzz-guest");
        Component guest = Component.load("answers", LocalApp.testGuests().resolve("answers.wasm"), world);
        Map<AnswerBlob.Corruption, Integer> faults = new EnumMap<>(AnswerBlob.Corruption.class);
        Map<AnswerBlob.Corruption, Integer> lifted = new EnumMap<>(AnswerBlob.Corruption.class);
        List<String> wrong = new ArrayList<>();
        AnswerBlob.Corruption[] kinds = AnswerBlob.Corruption.values();
        try (Composition composition = Composition.builder(guest).mode(ExecutionMode.INTERPRETER).maxInstances(1).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                for (int i = 0; i < CALLS; i++) {
                    Random r = new Random(SEED * 1_000_003L + i);
                    AnswerBlob blob = AnswerBlob.generate(r, kinds[i % kinds.length]);
                    try {
                        Record answer = (Record) composition.call(IFACE, "give", List.of(blob.bytes));
                        lifted.merge(blob.corruption, 1, Integer::sum);
                        if (blob.corruption == AnswerBlob.Corruption.NONE && !blob.text.equals(answer.get("text"))) {
                            wrong.add("call " + i + ": a valid answer lifted as " + answer);
                        } else if (blob.corruption != AnswerBlob.Corruption.NONE && blob.corruption != AnswerBlob.Corruption.GARBAGE_POINTER) {
                            wrong.add("call " + i + ": " + blob.corruption + " was lifted as " + answer);
                        }
                    } catch (GuestFault fault) {
                        faults.merge(blob.corruption, 1, Integer::sum);
                        String message = fault.getMessage();
                        boolean named = message.contains("component 'answers'") && message.contains(IFACE + "#give");
                        boolean says = blob.corruption.expectedWords.isEmpty()
                                || blob.corruption.expectedWords.stream().anyMatch(message::contains);
                        if (!named || !says || blob.corruption == AnswerBlob.Corruption.NONE) {
                            wrong.add("call " + i + " (" + blob.corruption + "): " + message);
                        }
                    }
                }
            });
            // The composition still answers, on a fresh instance set after the last fault.
            Record ok = (Record) composition.call(IFACE, "give", List.of(AnswerBlob.generate(new Random(1), AnswerBlob.Corruption.NONE).bytes));
            assertTrue(((String) ok.get("text")).startsWith("answer-"));
            assertTrue(composition.liveInstanceSets() <= 1, "at most the one pooled set is alive");
        }
        int faultCount = faults.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> byKind = new TreeMap<>();
        for (AnswerBlob.Corruption c : kinds) {
            byKind.put(c.name().toLowerCase(), "faults " + faults.getOrDefault(c, 0) + ", lifted " + lifted.getOrDefault(c, 0));
        }
        summary.put("abi-fuzz", "seed", SEED);
        summary.put("abi-fuzz", "guest answers lifted", CALLS);
        summary.put("abi-fuzz", "guest faults", faultCount);
        summary.put("abi-fuzz", "wrong outcomes", wrong.size());
        summary.put("abi-fuzz", "by corruption", byKind);
        assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())), wrong.size() + " wrong outcomes");
        assertEquals(CALLS / kinds.length, faults.getOrDefault(AnswerBlob.Corruption.OPTION_DISCRIMINANT, 0), "every bad discriminant faulted");
    }
}
