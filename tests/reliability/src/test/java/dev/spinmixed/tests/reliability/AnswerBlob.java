package dev.spinmixed.tests.reliability;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The seed handed to the ABI fuzzing guest (src/test/wat/answers.wat): bytes that land at {@link
 * #BASE} in guest memory, holding a pointer to an {@code answer} record (first 4 bytes), the
 * record, and the strings and lists it points to, laid out by the canonical ABI: text @0, pairs @8,
 * maybe (disc @16, string @20), outcome (disc @28, payload @32), shape (disc @40, payload @44),
 * letter @52; 56 bytes, align 4. A tuple of the pairs list is string @0, u8 @8; 12 bytes.
 */
final class AnswerBlob {

    static final int BASE = 1024;
    static final int RECORD = 8;
    static final int MEMORY = 65536;

    /** One way to break an answer, and the words the host's fault must use for it. */
    enum Corruption {
        NONE(List.of()),
        RECORD_POINTER_PAST_MEMORY(List.of("past the end of memory")),
        RECORD_POINTER_MISALIGNED(List.of("aligned")),
        TEXT_POINTER_PAST_MEMORY(List.of("past the end of memory")),
        TEXT_LENGTH_HUGE(List.of("past the end of memory", "2^31-1")),
        TEXT_INVALID_UTF8(List.of("not valid UTF-8")),
        PAIRS_LENGTH_HUGE(List.of("longer than memory", "past the end of memory")),
        PAIR_STRING_INVALID_UTF8(List.of("not valid UTF-8")),
        OPTION_DISCRIMINANT(List.of("discriminant")),
        RESULT_DISCRIMINANT(List.of("discriminant")),
        ENUM_VALUE(List.of("discriminant")),
        VARIANT_DISCRIMINANT(List.of("discriminant")),
        CHAR_SURROGATE(List.of("Unicode scalar value")),
        CHAR_TOO_LARGE(List.of("Unicode scalar value")),
        /** A record pointer anywhere in memory: whatever is there is lifted, or refused. */
        GARBAGE_POINTER(List.of());

        final List<String> expectedWords;

        Corruption(List<String> expectedWords) {
            this.expectedWords = expectedWords;
        }
    }

    final byte[] bytes;
    final String text;
    final Corruption corruption;

    private AnswerBlob(byte[] bytes, String text, Corruption corruption) {
        this.bytes = bytes;
        this.text = text;
        this.corruption = corruption;
    }

    static AnswerBlob generate(Random r, Corruption corruption) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        int heap = 64;
        String text = "answer-" + Integer.toHexString(r.nextInt());
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        if (corruption == Corruption.TEXT_INVALID_UTF8) {
            textBytes[r.nextInt(textBytes.length)] =
                    (byte) (0x80 | r.nextInt(0x80) | (r.nextBoolean() ? 0x40 : 0));
            textBytes[textBytes.length - 1] =
                    (byte) 0xC3; // a lead byte with nothing after it, at least
        }
        int textAt = heap;
        b.put(textAt, textBytes);
        heap += textBytes.length;

        // pairs: two tuples, each with its own string
        heap = align(heap, 4);
        int pairsAt = heap;
        heap += 24;
        int[] keyAt = new int[2];
        byte[][] keys = {
            "k0".getBytes(StandardCharsets.UTF_8), "kéy1".getBytes(StandardCharsets.UTF_8)
        };
        if (corruption == Corruption.PAIR_STRING_INVALID_UTF8) {
            keys[1] = new byte[] {'k', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        }
        for (int i = 0; i < 2; i++) {
            keyAt[i] = heap;
            b.put(heap, keys[i]);
            heap += keys[i].length;
            b.putInt(pairsAt + 12 * i, BASE + keyAt[i]);
            b.putInt(pairsAt + 12 * i + 4, keys[i].length);
            b.put(pairsAt + 12 * i + 8, (byte) r.nextInt(256));
        }
        heap = align(heap, 4);
        int pathAt = heap;
        for (int i = 0; i < 3; i++) {
            b.putInt(heap, r.nextInt());
            heap += 4;
        }

        int rec = RECORD;
        b.putInt(rec, BASE + textAt);
        b.putInt(
                rec + 4,
                corruption == Corruption.TEXT_LENGTH_HUGE
                        ? 0x7FFF0000 + r.nextInt(0xFFFF)
                        : textBytes.length);
        if (corruption == Corruption.TEXT_POINTER_PAST_MEMORY) {
            b.putInt(rec, MEMORY - textBytes.length + 1 + r.nextInt(Integer.MAX_VALUE - MEMORY));
        }
        b.putInt(rec + 8, BASE + pairsAt);
        b.putInt(
                rec + 12,
                corruption == Corruption.PAIRS_LENGTH_HUGE
                        ? 0x01000000 + r.nextInt(0x0FFFFFFF)
                        : 2);
        // maybe: some(text) or none
        boolean some = r.nextBoolean();
        b.put(
                rec + 16,
                (byte)
                        (corruption == Corruption.OPTION_DISCRIMINANT
                                ? 2 + r.nextInt(254)
                                : some ? 1 : 0));
        b.putInt(rec + 20, BASE + textAt);
        b.putInt(rec + 24, textBytes.length);
        // outcome: ok(text) or err(color)
        boolean err = corruption == Corruption.ENUM_VALUE || r.nextBoolean();
        b.put(
                rec + 28,
                (byte)
                        (corruption == Corruption.RESULT_DISCRIMINANT
                                ? 2 + r.nextInt(254)
                                : err ? 1 : 0));
        if (err) {
            b.put(
                    rec + 32,
                    (byte)
                            (corruption == Corruption.ENUM_VALUE
                                    ? 3 + r.nextInt(253)
                                    : r.nextInt(3)));
        } else {
            b.putInt(rec + 32, BASE + textAt);
            b.putInt(rec + 36, textBytes.length);
        }
        // shape: dot, label(text) or path(list<u32>)
        int shape = r.nextInt(3);
        b.put(
                rec + 40,
                (byte)
                        (corruption == Corruption.VARIANT_DISCRIMINANT
                                ? 3 + r.nextInt(253)
                                : shape));
        b.putInt(rec + 44, BASE + (shape == 2 ? pathAt : textAt));
        b.putInt(rec + 48, shape == 2 ? 3 : textBytes.length);
        int letter =
                switch (corruption) {
                    case CHAR_SURROGATE -> 0xD800 + r.nextInt(0x800);
                    case CHAR_TOO_LARGE -> 0x110000 + r.nextInt(Integer.MAX_VALUE - 0x110000);
                    default -> r.nextInt(0xD800);
                };
        b.putInt(rec + 52, letter);

        int recordPointer =
                switch (corruption) {
                    case RECORD_POINTER_PAST_MEMORY ->
                            (MEMORY - 52 + r.nextInt(Integer.MAX_VALUE - MEMORY)) & ~3;
                    case RECORD_POINTER_MISALIGNED -> BASE + RECORD + 1 + r.nextInt(3);
                    case GARBAGE_POINTER -> r.nextInt(MEMORY - 56) & ~3;
                    default -> BASE + RECORD;
                };
        b.putInt(0, recordPointer);
        byte[] out = new byte[heap];
        b.get(0, out);
        return new AnswerBlob(out, text, corruption);
    }

    private static int align(int n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }
}
