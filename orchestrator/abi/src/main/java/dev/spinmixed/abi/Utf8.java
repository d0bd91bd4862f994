package dev.spinmixed.abi;

import com.dylibso.chicory.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 both ways: malformed guest bytes and lone surrogates in host strings are errors,
 * never silently replaced. ASCII, the common case, skips the coder.
 */
final class Utf8 {

    private static final ThreadLocal<CharsetDecoder> DECODER =
            ThreadLocal.withInitial(
                    () ->
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT));
    private static final ThreadLocal<CharsetEncoder> ENCODER =
            ThreadLocal.withInitial(
                    () ->
                            StandardCharsets.UTF_8
                                    .newEncoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {}

    /** Decodes, or returns null when the bytes are not valid UTF-8. */
    static String decode(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return DECODER.get().reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Encodes, or returns null when the string holds a lone surrogate. */
    static byte[] encode(String s) {
        if (isAscii(s)) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        try {
            ByteBuffer encoded = ENCODER.get().reset().encode(CharBuffer.wrap(s));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether {@code length} bytes of guest memory at {@code start} are valid UTF-8, read where
     * they lie: the same verdict as {@link #decode} (Unicode's well-formed byte sequences, table
     * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), without copying the bytes
     * out. ASCII is checked eight bytes at a time.
     */
    static boolean valid(Memory memory, int start, int length) {
        int i = start;
        int end = start + length;
        while (end - i >= 8 && (memory.readLong(i) & 0x8080808080808080L) == 0) {
            i += 8;
        }
        while (i < end) {
            int lead = memory.read(i) & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuation;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuation = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuation = 2;
                if (lead == 0xE0) {
                    secondMin = 0xA0;
                } else if (lead == 0xED) {
                    secondMax = 0x9F;
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuation = 3;
                if (lead == 0xF0) {
                    secondMin = 0x90;
                } else if (lead == 0xF4) {
                    secondMax = 0x8F;
                }
            } else {
                return false;
            }
            if (end - i - 1 < continuation) {
                return false;
            }
            int second = memory.read(i + 1) & 0xFF;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                if ((memory.read(i + k) & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
