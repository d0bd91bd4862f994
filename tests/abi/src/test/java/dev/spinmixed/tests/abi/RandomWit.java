package dev.spinmixed.tests.abi;

import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.abi.Variant;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.Primitive;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random WIT types (nested up to a depth) and random values of them, biased towards the edges:
 * integer extremes, NaNs with odd payloads, chars around the surrogate range, non-ASCII strings,
 * empty strings and lists, 2-byte discriminants, multi-word flags.
 */
final class RandomWit {

    private static final int[] CHAR_EDGES = {
        0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF
    };
    private static final String[] STRING_EDGES = {
        "", "a", "é", "€", "😀", "नमस्ते", "\u0000", "a\u0000b", "\uD7FF\uE000"
    };

    private final Random random;
    private int names;

    RandomWit(Random random) {
        this.random = random;
    }

    WitType type(int depth) {
        int choice = random.nextInt(depth <= 0 ? 13 : 22);
        if (choice < Primitive.values().length) {
            return Primitive.values()[choice];
        }
        return switch (choice) {
            case 13 -> new WitType.ListType(Primitive.U8);
            case 14 -> new WitType.ListType(type(depth - 1));
            case 15 -> new WitType.OptionType(type(depth - 1));
            case 16 -> new WitType.ResultType(maybeType(depth - 1), maybeType(depth - 1));
            case 17 -> new WitType.TupleType(types(depth - 1));
            case 18 -> {
                List<WitType.Field> fields = new ArrayList<>();
                types(depth - 1)
                        .forEach(t -> fields.add(new WitType.Field("f" + fields.size(), t)));
                yield new WitType.RecordType("r" + names++, fields);
            }
            case 19 -> {
                List<WitType.Case> cases = new ArrayList<>();
                int n = 1 + random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    cases.add(new WitType.Case("c" + i, maybeType(depth - 1)));
                }
                yield new WitType.VariantType("v" + names++, cases);
            }
            case 20 -> Types.enumOf(random.nextInt(8) == 0 ? 300 : 1 + random.nextInt(6));
            default -> Types.flagsOf(1 + random.nextInt(70));
        };
    }

    private Optional<WitType> maybeType(int depth) {
        return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(type(depth));
    }

    private List<WitType> types(int depth) {
        List<WitType> out = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(type(depth));
        }
        return out;
    }

    Object value(WitType type) {
        return type.accept(
                new WitType.Visitor<Object>() {
                    @Override
                    public Object primitive(WitType.Primitive p) {
                        return primitiveValue(p);
                    }

                    @Override
                    public Object list(WitType.ListType l) {
                        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
                        if (l.element() == Primitive.U8) {
                            byte[] bytes = new byte[n * 7];
                            random.nextBytes(bytes);
                            return bytes;
                        }
                        List<Object> out = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            out.add(value(l.element()));
                        }
                        return out;
                    }

                    @Override
                    public Object option(WitType.OptionType o) {
                        return random.nextBoolean()
                                ? Optional.empty()
                                : Optional.of(value(o.some()));
                    }

                    @Override
                    public Object result(WitType.ResultType r) {
                        Optional<WitType> side = random.nextBoolean() ? r.ok() : r.err();
                        Object payload = side.map(RandomWit.this::value).orElse(null);
                        return side == r.ok() ? Result.ok(payload) : Result.err(payload);
                    }

                    @Override
                    public Object tuple(WitType.TupleType t) {
                        List<Object> out = new ArrayList<>();
                        t.types().forEach(e -> out.add(value(e)));
                        return out;
                    }

                    @Override
                    public Object record(WitType.RecordType r) {
                        List<Object> values = new ArrayList<>();
                        r.fields().forEach(f -> values.add(value(f.type())));
                        return new Record(
                                r.fields().stream().map(WitType.Field::name).toList(), values);
                    }

                    @Override
                    public Object variant(WitType.VariantType v) {
                        WitType.Case c = v.cases().get(random.nextInt(v.cases().size()));
                        return new Variant(
                                c.name(), c.type().map(RandomWit.this::value).orElse(null));
                    }

                    @Override
                    public Object enumType(WitType.EnumType e) {
                        return e.cases()
                                .get(
                                        random.nextBoolean()
                                                ? e.cases().size() - 1
                                                : random.nextInt(e.cases().size()));
                    }

                    @Override
                    public Object flags(WitType.FlagsType f) {
                        Set<String> set = new LinkedHashSet<>();
                        f.flags()
                                .forEach(
                                        flag -> {
                                            if (random.nextBoolean()) {
                                                set.add(flag);
                                            }
                                        });
                        return set;
                    }
                });
    }

    private Object primitiveValue(Primitive p) {
        boolean edge = random.nextInt(3) == 0;
        return switch (p) {
            case BOOL -> random.nextBoolean();
            case S8 ->
                    edge
                            ? pick(Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0)
                            : (int) (byte) random.nextInt();
            case U8 -> edge ? pick(0, 0xFF, 0x80) : random.nextInt(0x100);
            case S16 ->
                    edge
                            ? pick(Short.MIN_VALUE, Short.MAX_VALUE, -1)
                            : (int) (short) random.nextInt();
            case U16 -> edge ? pick(0, 0xFFFF, 0x8000) : random.nextInt(0x10000);
            case S32 -> edge ? pick(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0) : random.nextInt();
            case U32 ->
                    edge ? pickLong(0L, 0xFFFFFFFFL, 0x80000000L) : random.nextInt() & 0xFFFFFFFFL;
            case S64, U64 ->
                    edge ? pickLong(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L) : random.nextLong();
            case F32 -> edge ? pickFloat() : random.nextFloat() * random.nextInt();
            case F64 -> edge ? pickDouble() : random.nextDouble() * random.nextLong();
            case CHAR -> edge ? CHAR_EDGES[random.nextInt(CHAR_EDGES.length)] : scalar();
            case STRING -> edge ? STRING_EDGES[random.nextInt(STRING_EDGES.length)] : string();
        };
    }

    private int scalar() {
        int c;
        do {
            c = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x800);
        } while (c >= 0xD800 && c <= 0xDFFF);
        return c;
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(scalar());
        }
        return s.toString();
    }

    private int pick(int... options) {
        return options[random.nextInt(options.length)];
    }

    private long pickLong(long... options) {
        return options[random.nextInt(options.length)];
    }

    private float pickFloat() {
        float[] options = {
            Float.NaN,
            Float.intBitsToFloat(0x7f800001 | random.nextInt(0x7fffff)),
            Float.intBitsToFloat(0xffc00001),
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            -0.0f,
            Float.MIN_VALUE,
            Float.MAX_VALUE
        };
        return options[random.nextInt(options.length)];
    }

    private double pickDouble() {
        double[] options = {
            Double.NaN,
            Double.longBitsToDouble(0x7ff0000000000001L | (random.nextLong() & 0xfffffffffffffL)),
            Double.longBitsToDouble(0xfff8000000000001L),
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MIN_VALUE,
            Double.MAX_VALUE
        };
        return options[random.nextInt(options.length)];
    }
}
