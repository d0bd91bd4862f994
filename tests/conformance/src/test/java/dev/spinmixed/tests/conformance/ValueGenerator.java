package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinmixed.wit.WitType;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Deterministic WIT values in their canonical JSON form ({@link ValueJson}): edge values (the k-th
 * edge of every scalar, empty, non-empty and larger-than-a-page lists and strings, none and some,
 * every case) and seeded random ones.
 */
final class ValueGenerator {

    /** How many edge values {@link #edge} cycles through: the longest scalar edge table. */
    static final int EDGE_COUNT = 12;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** More than one 64 KiB wasm page, so the guest's memory has to grow. */
    private static final int LARGE_BYTES = 70_000;

    private static final long[] S8 = {0, -1, 1, Byte.MIN_VALUE, Byte.MAX_VALUE};
    private static final long[] U8 = {0, 1, 0x7F, 0x80, 0xFF};
    private static final long[] S16 = {0, -1, 1, Short.MIN_VALUE, Short.MAX_VALUE, Byte.MIN_VALUE};
    private static final long[] U16 = {0, 1, 0x7FFF, 0x8000, 0xFFFF, 0xFF};
    private static final long[] S32 = {
        0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, Short.MIN_VALUE
    };
    private static final long[] U32 = {0, 1, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0xFFFFL};
    private static final long[] S64 = {
        0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, 1L << 53
    };
    private static final long[] U64 = {
        0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, 0xFFFFFFFFL, (1L << 53) + 1
    };
    private static final int[] F32 = {
        0,
        0x80000000,
        0x3F800000,
        0xBF800000,
        0x7F800000,
        0xFF800000,
        0x7FC00000,
        0x00000001,
        0x7F7FFFFF,
        0x80800000,
        0x7FA00001,
        0x3FC00000
    };
    private static final long[] F64 = {
        0,
        0x8000000000000000L,
        0x3FF0000000000000L,
        0xBFF0000000000000L,
        0x7FF0000000000000L,
        0xFFF0000000000000L,
        0x7FF8000000000000L,
        1L,
        0x7FEFFFFFFFFFFFFFL,
        0x8010000000000000L,
        0x7FF4000000000001L,
        0x400921FB54442D18L
    };

    /**
     * ASCII, the UTF-8 length boundaries, both sides of the surrogate gap, the last scalar value.
     */
    private static final int[] CHARS = {
        'a', 0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x1F600
    };

    private static final List<String> STRINGS =
            List.of(
                    "",
                    "a",
                    "héllo",
                    "😀",
                    "\u07FF\u0800\uD7FF\uE000\uFFFF",
                    "\uD800\uDC00\uDBFF\uDFFF",
                    "a\u0000b",
                    "日本語のテキスト",
                    "x".repeat(300),
                    "ß€𝄞 mixed ✓",
                    "\"\\/\n\t",
                    "é😀a€".repeat(2000));

    private final Random random;

    ValueGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The k-th edge value: every scalar inside takes its k-th edge (cyclically). */
    static JsonNode edge(WitType type, int k) {
        return type.accept(
                new WitType.Visitor<JsonNode>() {
                    @Override
                    public JsonNode primitive(WitType.Primitive p) {
                        return switch (p) {
                            case BOOL -> JSON.booleanNode(k % 2 == 1);
                            case S8 -> JSON.numberNode((int) S8[k % S8.length]);
                            case U8 -> JSON.numberNode((int) U8[k % U8.length]);
                            case S16 -> JSON.numberNode((int) S16[k % S16.length]);
                            case U16 -> JSON.numberNode((int) U16[k % U16.length]);
                            case S32 -> JSON.numberNode((int) S32[k % S32.length]);
                            case U32 -> JSON.numberNode(U32[k % U32.length]);
                            case S64 -> JSON.textNode(Long.toString(S64[k % S64.length]));
                            case U64 -> JSON.textNode(Long.toUnsignedString(U64[k % U64.length]));
                            case F32 -> f32(F32[k % F32.length]);
                            case F64 -> f64(F64[k % F64.length]);
                            case CHAR -> JSON.numberNode(CHARS[k % CHARS.length]);
                            case STRING -> JSON.textNode(STRINGS.get(k % STRINGS.size()));
                        };
                    }

                    @Override
                    public JsonNode list(WitType.ListType l) {
                        int length = k % 3 == 0 ? 0 : k % 4 + 1;
                        if (l.element() == WitType.Primitive.U8) {
                            byte[] bytes = new byte[k == EDGE_COUNT - 1 ? LARGE_BYTES : length * 3];
                            for (int i = 0; i < bytes.length; i++) {
                                bytes[i] = (byte) (U8[(k + i) % U8.length]);
                            }
                            return JSON.textNode(HexFormat.of().formatHex(bytes));
                        }
                        ArrayNode items = JSON.arrayNode();
                        for (int i = 0; i < length; i++) {
                            items.add(edge(l.element(), k + i));
                        }
                        return items;
                    }

                    @Override
                    public JsonNode option(WitType.OptionType o) {
                        return k % 2 == 0 ? JSON.nullNode() : some(edge(o.some(), k / 2));
                    }

                    @Override
                    public JsonNode result(WitType.ResultType r) {
                        boolean ok = k % 2 == 0;
                        return resultNode(
                                ok,
                                (ok ? r.ok() : r.err())
                                        .map(t -> edge(t, k / 2))
                                        .orElse(JSON.nullNode()));
                    }

                    @Override
                    public JsonNode tuple(WitType.TupleType t) {
                        ArrayNode items = JSON.arrayNode();
                        for (int i = 0; i < t.types().size(); i++) {
                            items.add(edge(t.types().get(i), k + i));
                        }
                        return items;
                    }

                    @Override
                    public JsonNode record(WitType.RecordType r) {
                        ObjectNode fields = JSON.objectNode();
                        for (int i = 0; i < r.fields().size(); i++) {
                            fields.set(
                                    r.fields().get(i).name(),
                                    edge(r.fields().get(i).type(), k + i));
                        }
                        return fields;
                    }

                    @Override
                    public JsonNode variant(WitType.VariantType v) {
                        WitType.Case c = v.cases().get(k % v.cases().size());
                        return variantNode(
                                c, c.type().map(t -> edge(t, k / v.cases().size())).orElse(null));
                    }

                    @Override
                    public JsonNode enumType(WitType.EnumType e) {
                        return JSON.textNode(e.cases().get(k % e.cases().size()));
                    }

                    @Override
                    public JsonNode flags(WitType.FlagsType f) {
                        ArrayNode flags = JSON.arrayNode();
                        for (int i = 0; i < f.flags().size(); i++) {
                            boolean set =
                                    switch (k % 4) {
                                        case 0 -> false;
                                        case 1 -> true;
                                        case 2 -> i % 2 == 0;
                                        default -> i == f.flags().size() - 1;
                                    };
                            if (set) {
                                flags.add(f.flags().get(i));
                            }
                        }
                        return flags;
                    }
                });
    }

    /** A random value; {@code depth} shrinks nested lists so values stay small. */
    JsonNode random(WitType type) {
        return random(type, 0);
    }

    private JsonNode random(WitType type, int depth) {
        return type.accept(
                new WitType.Visitor<JsonNode>() {
                    @Override
                    public JsonNode primitive(WitType.Primitive p) {
                        if (random.nextInt(4) == 0) {
                            return edge(p, random.nextInt(EDGE_COUNT));
                        }
                        return switch (p) {
                            case BOOL -> JSON.booleanNode(random.nextBoolean());
                            case S8 -> JSON.numberNode((int) (byte) random.nextInt());
                            case U8 -> JSON.numberNode(random.nextInt(1 << 8));
                            case S16 -> JSON.numberNode((int) (short) random.nextInt());
                            case U16 -> JSON.numberNode(random.nextInt(1 << 16));
                            case S32 -> JSON.numberNode(random.nextInt());
                            case U32 -> JSON.numberNode(random.nextInt() & 0xFFFFFFFFL);
                            case S64 -> JSON.textNode(Long.toString(random.nextLong()));
                            case U64 -> JSON.textNode(Long.toUnsignedString(random.nextLong()));
                            case F32 ->
                                    f32(
                                            random.nextBoolean()
                                                    ? random.nextInt()
                                                    : Float.floatToRawIntBits(
                                                            random.nextFloat() * 1000 - 500));
                            case F64 ->
                                    f64(
                                            random.nextBoolean()
                                                    ? random.nextLong()
                                                    : Double.doubleToRawLongBits(
                                                            random.nextGaussian() * 1e6));
                            case CHAR -> JSON.numberNode(randomChar());
                            case STRING -> JSON.textNode(randomString());
                        };
                    }

                    @Override
                    public JsonNode list(WitType.ListType l) {
                        int length = random.nextInt(depth == 0 ? 7 : 4);
                        if (l.element() == WitType.Primitive.U8) {
                            byte[] bytes = new byte[random.nextInt(40)];
                            random.nextBytes(bytes);
                            return JSON.textNode(HexFormat.of().formatHex(bytes));
                        }
                        ArrayNode items = JSON.arrayNode();
                        for (int i = 0; i < length; i++) {
                            items.add(random(l.element(), depth + 1));
                        }
                        return items;
                    }

                    @Override
                    public JsonNode option(WitType.OptionType o) {
                        return random.nextInt(3) == 0
                                ? JSON.nullNode()
                                : some(random(o.some(), depth));
                    }

                    @Override
                    public JsonNode result(WitType.ResultType r) {
                        boolean ok = random.nextBoolean();
                        return resultNode(
                                ok,
                                (ok ? r.ok() : r.err())
                                        .map(t -> random(t, depth))
                                        .orElse(JSON.nullNode()));
                    }

                    @Override
                    public JsonNode tuple(WitType.TupleType t) {
                        ArrayNode items = JSON.arrayNode();
                        t.types().forEach(e -> items.add(random(e, depth)));
                        return items;
                    }

                    @Override
                    public JsonNode record(WitType.RecordType r) {
                        ObjectNode fields = JSON.objectNode();
                        r.fields().forEach(f -> fields.set(f.name(), random(f.type(), depth)));
                        return fields;
                    }

                    @Override
                    public JsonNode variant(WitType.VariantType v) {
                        WitType.Case c = v.cases().get(random.nextInt(v.cases().size()));
                        return variantNode(c, c.type().map(t -> random(t, depth)).orElse(null));
                    }

                    @Override
                    public JsonNode enumType(WitType.EnumType e) {
                        return JSON.textNode(e.cases().get(random.nextInt(e.cases().size())));
                    }

                    @Override
                    public JsonNode flags(WitType.FlagsType f) {
                        ArrayNode flags = JSON.arrayNode();
                        f.flags().stream().filter(flag -> random.nextBoolean()).forEach(flags::add);
                        return flags;
                    }
                });
    }

    /** Mostly ASCII, then the rest of the BMP, then the supplementary planes; never a surrogate. */
    private int randomChar() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> 0x20 + random.nextInt(0x5F);
            case 2 -> {
                int c = 0x80 + random.nextInt(0x10000 - 0x80 - 0x800);
                yield c >= 0xD800 ? c + 0x800 : c;
            }
            default -> 0x10000 + random.nextInt(0x100000);
        };
    }

    private String randomString() {
        if (random.nextInt(5) == 0) {
            // The edge strings but the last, large one: that one is for the edge calls alone.
            return STRINGS.get(random.nextInt(STRINGS.size() - 1));
        }
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(randomChar());
        }
        return s.toString();
    }

    private static JsonNode f32(int bits) {
        return JSON.textNode(
                Float.isNaN(Float.intBitsToFloat(bits)) ? "nan" : String.format("%08x", bits));
    }

    private static JsonNode f64(long bits) {
        return JSON.textNode(
                Double.isNaN(Double.longBitsToDouble(bits)) ? "nan" : String.format("%016x", bits));
    }

    private static ObjectNode some(JsonNode value) {
        ObjectNode node = JSON.objectNode();
        node.set("some", value);
        return node;
    }

    private static ObjectNode resultNode(boolean ok, JsonNode value) {
        ObjectNode node = JSON.objectNode();
        node.set(ok ? "ok" : "err", value);
        return node;
    }

    private static ObjectNode variantNode(WitType.Case c, JsonNode payload) {
        ObjectNode node = JSON.objectNode().put("case", c.name());
        if (payload != null) {
            node.set("value", payload);
        }
        return node;
    }
}
