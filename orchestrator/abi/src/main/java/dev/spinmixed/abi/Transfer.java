package dev.spinmixed.abi;

import com.dylibso.chicory.runtime.Memory;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import dev.spinmixed.wit.WitType.EnumType;
import dev.spinmixed.wit.WitType.FlagsType;
import dev.spinmixed.wit.WitType.ListType;
import dev.spinmixed.wit.WitType.OptionType;
import dev.spinmixed.wit.WitType.Primitive;
import dev.spinmixed.wit.WitType.RecordType;
import dev.spinmixed.wit.WitType.ResultType;
import dev.spinmixed.wit.WitType.TupleType;
import dev.spinmixed.wit.WitType.VariantType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the values of one WIT type move from one guest's memory to another's without becoming Java
 * values: one node of a {@link FusedAdapter}'s copy plan, made once per type when a composition is
 * linked.
 *
 * <p>A value crosses in two passes. {@code check} reads it where it lies in the source and refuses
 * what {@link Lifter} refuses, with the same messages (pointers, lengths, alignment, UTF-8, chars,
 * discriminants). {@code copy} then moves it: one allocation in the destination per string and
 * list, in the order {@link Lowerer} makes them, the bytes copied in bulk, and the destination
 * written as {@code Lowerer} would write the lifted value (bools as 0 or 1, NaNs canonical, unknown
 * flag bits cleared). Values live in memory ({@code ptr}) or as core values ({@code flat}); the
 * flat methods read and write the node's own flat types, a variant coercing its joined slots.
 */
abstract class Transfer {

    final int size;
    final int alignment;
    final int flatCount;

    /** Whether the value needs reading before it is copied (pointers, chars, discriminants). */
    final boolean checked;

    /** Whether, once checked, the value's bytes in memory can be copied as they are. */
    final boolean plain;

    private Transfer(WitType type, boolean checked, boolean plain) {
        this.size = Layout.size(type);
        this.alignment = Layout.alignment(type);
        this.flatCount = Flattening.flatten(type).size();
        this.checked = checked;
        this.plain = plain;
    }

    /** Refuses a value stored at {@code ptr}, which is aligned and inside memory. */
    void check(GuestMemory from, int ptr) {}

    /** Copies a checked value from {@code src} to {@code dst}, allocating what it points to. */
    abstract void copy(GuestMemory from, int src, Destination to, int dst);

    /** Refuses a value held by {@code values[at..at + flatCount)}. */
    void checkFlat(GuestMemory from, long[] values, int at) {}

    /** Copies a checked flat value into {@code out[outAt..outAt + flatCount)}. */
    abstract void copyFlat(
            GuestMemory from, long[] in, int at, Destination to, long[] out, int outAt);

    /** What an allocation of {@code count} units is for, in an allocation fault. */
    String allocationWhat(long count) {
        throw new IllegalStateException(getClass().getSimpleName() + " allocates nothing");
    }

    /** The plan of {@code type}, nodes shared by type instance through {@code made}. */
    static Transfer of(WitType type, Map<WitType, Transfer> made) {
        Transfer existing = made.get(type);
        if (existing != null) {
            return existing;
        }
        Transfer t = type.accept(new Planning(made));
        made.put(type, t);
        return t;
    }

    /** Copies {@code n} bytes between two memories: word by word when short, else in bulk. */
    static void copyBytes(Memory from, int src, Memory to, int dst, int n) {
        if (n > 64) {
            to.write(dst, from.readBytes(src, n));
            return;
        }
        int i = 0;
        for (; n - i >= 8; i += 8) {
            to.writeLong(dst + i, from.readLong(src + i));
        }
        for (; i < n; i++) {
            to.writeByte(dst + i, from.read(src + i));
        }
    }

    private static final class Planning implements WitType.Visitor<Transfer> {

        private final Map<WitType, Transfer> made;

        Planning(Map<WitType, Transfer> made) {
            this.made = made;
        }

        @Override
        public Transfer primitive(Primitive type) {
            return type == Primitive.STRING ? Text.INSTANCE : Scalar.of(type);
        }

        @Override
        public Transfer list(ListType type) {
            return new ListOf(type, of(type.element(), made));
        }

        @Override
        public Transfer option(OptionType type) {
            return new Cases(type, made);
        }

        @Override
        public Transfer result(ResultType type) {
            return new Cases(type, made);
        }

        @Override
        public Transfer tuple(TupleType type) {
            return new Fields(type, made);
        }

        @Override
        public Transfer record(RecordType type) {
            return new Fields(type, made);
        }

        @Override
        public Transfer variant(VariantType type) {
            return new Cases(type, made);
        }

        @Override
        public Transfer enumType(EnumType type) {
            return new Cases(type, made);
        }

        @Override
        public Transfer flags(FlagsType type) {
            return new Flags(type);
        }
    }

    /** bool, the integers, floats and char: one value, no pointers. */
    private static final class Scalar extends Transfer {

        private static final Map<Primitive, Scalar> ALL = new EnumMap<>(Primitive.class);

        static {
            for (Primitive p : Primitive.values()) {
                if (p != Primitive.STRING) {
                    ALL.put(p, new Scalar(p));
                }
            }
        }

        private final Primitive type;

        private Scalar(Primitive type) {
            super(
                    type,
                    type == Primitive.CHAR,
                    type != Primitive.BOOL && type != Primitive.F32 && type != Primitive.F64);
            this.type = type;
        }

        static Scalar of(Primitive type) {
            return ALL.get(type);
        }

        @Override
        void check(GuestMemory from, int ptr) {
            if (type == Primitive.CHAR) {
                Lifter.codePoint(from, from.memory().readInt(ptr));
            }
        }

        @Override
        void copy(GuestMemory from, int src, Destination to, int dst) {
            Memory in = from.memory();
            Memory out = to.memory().memory();
            switch (type) {
                case BOOL -> out.writeByte(dst, (byte) (in.read(src) != 0 ? 1 : 0));
                case S8, U8 -> out.writeByte(dst, in.read(src));
                case S16, U16 -> out.writeShort(dst, in.readShort(src));
                case S32, U32, CHAR -> out.writeI32(dst, in.readInt(src));
                case S64, U64 -> out.writeLong(dst, in.readLong(src));
                case F32 ->
                        out.writeI32(
                                dst, Float.floatToRawIntBits(Lifter.canonical(in.readFloat(src))));
                case F64 ->
                        out.writeLong(
                                dst,
                                Double.doubleToRawLongBits(Lifter.canonical(in.readDouble(src))));
                case STRING -> throw new IllegalStateException("a string is not a scalar");
            }
        }

        @Override
        void checkFlat(GuestMemory from, long[] values, int at) {
            if (type == Primitive.CHAR) {
                Lifter.codePoint(from, (int) values[at]);
            }
        }

        /** The core value the lowerer makes of the value the lifter reads from {@code x}. */
        @Override
        void copyFlat(GuestMemory from, long[] in, int at, Destination to, long[] out, int outAt) {
            long x = in[at];
            out[outAt] =
                    switch (type) {
                        case BOOL -> (int) x != 0 ? 1 : 0;
                        case S8 -> (byte) x;
                        case U8 -> x & 0xFF;
                        case S16 -> (short) x;
                        case U16 -> x & 0xFFFF;
                        case S32, U32, CHAR -> (int) x;
                        case S64, U64 -> x;
                        case F32 ->
                                Float.floatToRawIntBits(
                                        Lifter.canonical(Float.intBitsToFloat((int) x)));
                        case F64 ->
                                Double.doubleToRawLongBits(
                                        Lifter.canonical(Double.longBitsToDouble(x)));
                        case STRING -> throw new IllegalStateException("a string is not a scalar");
                    };
        }
    }

    /**
     * A string or a list: a pointer and a length, in memory or as two flat values, and what they
     * point to, checked where it lies and copied into one allocation of the receiver.
     */
    private abstract static class PointerAndLength extends Transfer {

        PointerAndLength(WitType type) {
            super(type, true, false);
        }

        /** Refuses what {@code length} units at {@code ptr} hold. */
        abstract void checkAt(GuestMemory from, int ptr, int length);

        /** Copies {@code length} checked units from {@code ptr}; returns where they went. */
        abstract int copyAt(GuestMemory from, int ptr, int length, Destination to);

        @Override
        final void check(GuestMemory from, int ptr) {
            Memory m = from.memory();
            checkAt(from, m.readInt(ptr), m.readInt(ptr + 4));
        }

        @Override
        final void copy(GuestMemory from, int src, Destination to, int dst) {
            Memory m = from.memory();
            int length = m.readInt(src + 4);
            int ptr = copyAt(from, m.readInt(src), length, to);
            Memory out = to.memory().memory();
            out.writeI32(dst, ptr);
            out.writeI32(dst + 4, length);
        }

        @Override
        final void checkFlat(GuestMemory from, long[] values, int at) {
            checkAt(from, (int) values[at], (int) values[at + 1]);
        }

        @Override
        final void copyFlat(
                GuestMemory from, long[] in, int at, Destination to, long[] out, int outAt) {
            int length = (int) in[at + 1];
            out[outAt] = copyAt(from, (int) in[at], length, to);
            out[outAt + 1] = length;
        }
    }

    /** A string: checked as UTF-8 where it lies, copied into one allocation. */
    private static final class Text extends PointerAndLength {

        static final Text INSTANCE = new Text();

        private Text() {
            super(Primitive.STRING);
        }

        @Override
        String allocationWhat(long count) {
            return "string of " + count + " bytes";
        }

        @Override
        void checkAt(GuestMemory from, int ptr, int length) {
            int start = Lifter.stringStart(from, ptr, length);
            Memory m = from.memory();
            if (!Utf8.valid(m, start, length)) {
                throw Lifter.notUtf8(from, start, m.readBytes(start, length));
            }
        }

        @Override
        int copyAt(GuestMemory from, int ptr, int length, Destination to) {
            int copy = to.allocate(1, length, this, length);
            copyBytes(from.memory(), ptr, to.memory().memory(), copy, length);
            return copy;
        }
    }

    /** A list: its elements checked, then copied into one allocation, in bulk when plain. */
    private static final class ListOf extends PointerAndLength {

        private final ListType type;
        private final Transfer element;
        private final boolean bytes;

        ListOf(ListType type, Transfer element) {
            super(type);
            this.type = type;
            this.element = element;
            this.bytes = type.element() == Primitive.U8;
        }

        @Override
        String allocationWhat(long count) {
            return bytes
                    ? "list<u8> of " + count + " bytes"
                    : WitText.describe(type) + " of " + count + " elements";
        }

        @Override
        void checkAt(GuestMemory from, int ptr, int length) {
            long count = length & 0xFFFFFFFFL;
            if (bytes) {
                Lifter.listExtent(from, type.element(), ptr, count, count, 1);
                return;
            }
            int start =
                    Lifter.listStart(
                            from, type.element(), ptr, count, element.size, element.alignment);
            if (!element.checked) {
                return;
            }
            for (int i = 0; i < count; i++) {
                try {
                    element.check(from, start + i * element.size);
                } catch (AbiException e) {
                    throw e.inside("[" + i + "]");
                }
            }
        }

        @Override
        int copyAt(GuestMemory from, int ptr, int count, Destination to) {
            long size = (long) count * element.size;
            int copy = to.allocate(element.alignment, size, this, count);
            if (element.plain) {
                copyBytes(from.memory(), ptr, to.memory().memory(), copy, (int) size);
                return copy;
            }
            for (int i = 0; i < count; i++) {
                try {
                    element.copy(from, ptr + i * element.size, to, copy + i * element.size);
                } catch (AbiException e) {
                    throw e.inside("[" + i + "]");
                }
            }
            return copy;
        }
    }

    /** A record or a tuple: its fields in order, at their offsets. */
    private static final class Fields extends Transfer {

        private final Transfer[] fields;
        private final int[] offsets;
        private final int[] flatOffsets;
        private final String[] segments;

        Fields(WitType type, Map<WitType, Transfer> made) {
            this(type, new Shape(type), made);
        }

        private Fields(WitType type, Shape shape, Map<WitType, Transfer> made) {
            this(type, shape, plan(shape.fieldTypes, made));
        }

        private Fields(WitType type, Shape shape, Transfer[] fields) {
            super(type, anyChecked(fields), allPlain(fields) && !padded(shape, fields));
            this.fields = fields;
            this.offsets = shape.offsets;
            this.segments = shape.fieldSegments.toArray(String[]::new);
            this.flatOffsets = new int[fields.length];
            int at = 0;
            for (int i = 0; i < fields.length; i++) {
                flatOffsets[i] = at;
                at += fields[i].flatCount;
            }
        }

        /** Padding is left as the allocator gave it, as the lowerer leaves it: never copied. */
        private static boolean padded(Shape shape, Transfer[] fields) {
            int bytes = 0;
            for (Transfer f : fields) {
                bytes += f.size;
            }
            return bytes != shape.size;
        }

        @Override
        void check(GuestMemory from, int ptr) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].checked) {
                    try {
                        fields[i].check(from, ptr + offsets[i]);
                    } catch (AbiException e) {
                        throw e.inside(segments[i]);
                    }
                }
            }
        }

        @Override
        void copy(GuestMemory from, int src, Destination to, int dst) {
            if (plain) {
                copyBytes(from.memory(), src, to.memory().memory(), dst, size);
                return;
            }
            for (int i = 0; i < fields.length; i++) {
                try {
                    fields[i].copy(from, src + offsets[i], to, dst + offsets[i]);
                } catch (AbiException e) {
                    throw e.inside(segments[i]);
                }
            }
        }

        @Override
        void checkFlat(GuestMemory from, long[] values, int at) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].checked) {
                    try {
                        fields[i].checkFlat(from, values, at + flatOffsets[i]);
                    } catch (AbiException e) {
                        throw e.inside(segments[i]);
                    }
                }
            }
        }

        @Override
        void copyFlat(GuestMemory from, long[] in, int at, Destination to, long[] out, int outAt) {
            for (int i = 0; i < fields.length; i++) {
                try {
                    fields[i].copyFlat(
                            from, in, at + flatOffsets[i], to, out, outAt + flatOffsets[i]);
                } catch (AbiException e) {
                    throw e.inside(segments[i]);
                }
            }
        }
    }

    /**
     * A variant, enum, option or result: the discriminant, then the payload of its case. Flat, the
     * payload's slots are read and written as the joined slots of all cases, the unused ones zero.
     */
    private static final class Cases extends Transfer {

        private final WitType type;
        private final Transfer[] payloads;
        private final String[] segments;
        private final int discriminantSize;
        private final int payloadOffset;
        private final List<FlatType> joined;
        private final List<List<FlatType>> payloadFlat;

        /** Per case: whether its payload's flat types are the joined slots' own (no coercion). */
        private final boolean[] inPlace;

        Cases(WitType type, Map<WitType, Transfer> made) {
            this(type, new Shape(type), made);
        }

        private Cases(WitType type, Shape shape, Map<WitType, Transfer> made) {
            this(type, shape, payloads(shape.payloads, made));
        }

        private Cases(WitType type, Shape shape, Transfer[] payloads) {
            // Only an enum-like type is all discriminant; a payload area holds more than its case.
            super(type, true, Arrays.stream(payloads).allMatch(p -> p == null));
            this.type = type;
            this.payloads = payloads;
            this.segments = shape.caseNames.stream().map(n -> "(" + n + ")").toArray(String[]::new);
            this.discriminantSize = shape.discriminantSize;
            this.payloadOffset = shape.payloadOffset;
            this.joined = shape.joinedPayload;
            this.payloadFlat =
                    shape.payloads.stream()
                            .map(p -> p.map(Flattening::flatten).orElse(List.of()))
                            .toList();
            this.inPlace = new boolean[payloads.length];
            for (int i = 0; i < payloads.length; i++) {
                inPlace[i] =
                        joined.subList(0, payloadFlat.get(i).size()).equals(payloadFlat.get(i));
            }
        }

        @Override
        void check(GuestMemory from, int ptr) {
            int index = discriminant(from, ptr);
            Transfer payload = payloads[index];
            if (payload != null && payload.checked) {
                try {
                    payload.check(from, ptr + payloadOffset);
                } catch (AbiException e) {
                    throw e.inside(segments[index]);
                }
            }
        }

        @Override
        void copy(GuestMemory from, int src, Destination to, int dst) {
            Memory out = to.memory().memory();
            if (plain) {
                copyBytes(from.memory(), src, out, dst, size);
                return;
            }
            int index = discriminant(from, src);
            switch (discriminantSize) {
                case 1 -> out.writeByte(dst, (byte) index);
                case 2 -> out.writeShort(dst, (short) index);
                default -> out.writeI32(dst, index);
            }
            Transfer payload = payloads[index];
            if (payload != null) {
                try {
                    payload.copy(from, src + payloadOffset, to, dst + payloadOffset);
                } catch (AbiException e) {
                    throw e.inside(segments[index]);
                }
            }
        }

        /** The case stored at {@code ptr}, checked against the number of cases. */
        private int discriminant(GuestMemory from, int ptr) {
            Memory m = from.memory();
            long index =
                    switch (discriminantSize) {
                        case 1 -> m.read(ptr) & 0xFFL;
                        case 2 -> m.readShort(ptr) & 0xFFFFL;
                        default -> m.readInt(ptr) & 0xFFFFFFFFL;
                    };
            Lifter.checkCase(from, type, payloads.length, index);
            return (int) index;
        }

        @Override
        void checkFlat(GuestMemory from, long[] values, int at) {
            long index = values[at] & 0xFFFFFFFFL;
            Lifter.checkCase(from, type, payloads.length, index);
            Transfer payload = payloads[(int) index];
            if (payload != null && payload.checked) {
                try {
                    if (inPlace[(int) index]) {
                        payload.checkFlat(from, values, at + 1);
                    } else {
                        payload.checkFlat(from, coerced((int) index, values, at + 1), 0);
                    }
                } catch (AbiException e) {
                    throw e.inside(segments[(int) index]);
                }
            }
        }

        @Override
        void copyFlat(GuestMemory from, long[] in, int at, Destination to, long[] out, int outAt) {
            int index = (int) (in[at] & 0xFFFFFFFFL);
            out[outAt] = index;
            Transfer payload = payloads[index];
            int used = 0;
            if (payload != null) {
                used = payload.flatCount;
                try {
                    if (inPlace[index]) {
                        payload.copyFlat(from, in, at + 1, to, out, outAt + 1);
                    } else {
                        long[] lowered = new long[used];
                        payload.copyFlat(from, coerced(index, in, at + 1), 0, to, lowered, 0);
                        List<FlatType> have = payloadFlat.get(index);
                        for (int i = 0; i < used; i++) {
                            out[outAt + 1 + i] =
                                    Lowerer.widen(have.get(i), joined.get(i), lowered[i]);
                        }
                    }
                } catch (AbiException e) {
                    throw e.inside(segments[index]);
                }
            }
            for (int i = used; i < joined.size(); i++) {
                out[outAt + 1 + i] = 0;
            }
        }

        /** The payload's slots of case {@code index}, read as the payload's own flat types. */
        private long[] coerced(int index, long[] values, int at) {
            List<FlatType> want = payloadFlat.get(index);
            long[] out = new long[want.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = FlatValues.coerce(joined.get(i), want.get(i), values[at + i]);
            }
            return out;
        }

        private static Transfer[] payloads(
                List<Optional<WitType>> payloads, Map<WitType, Transfer> made) {
            return payloads.stream()
                    .map(p -> p.map(t -> of(t, made)).orElse(null))
                    .toArray(Transfer[]::new);
        }
    }

    /** Flags: their words, the bits past the last flag cleared. */
    private static final class Flags extends Transfer {

        private final int count;

        Flags(FlagsType type) {
            super(type, false, fullWords(type.flags().size()));
            this.count = type.flags().size();
        }

        /** Flags with no unused bit copy as they are. */
        private static boolean fullWords(int count) {
            return count == 8 || count == 16 || (count > 16 && count % 32 == 0);
        }

        /** The bits of word {@code i} that stand for a flag. */
        private int mask(int word) {
            int bits = count - 32 * word;
            return bits >= 32 ? -1 : (1 << bits) - 1;
        }

        @Override
        void copy(GuestMemory from, int src, Destination to, int dst) {
            if (count == 0) {
                return;
            }
            Memory in = from.memory();
            Memory out = to.memory().memory();
            if (count <= 8) {
                out.writeByte(dst, (byte) (in.read(src) & mask(0)));
            } else if (count <= 16) {
                out.writeShort(dst, (short) (in.readShort(src) & mask(0)));
            } else {
                for (int i = 0; i < flatCount; i++) {
                    out.writeI32(dst + 4 * i, in.readInt(src + 4 * i) & mask(i));
                }
            }
        }

        @Override
        void copyFlat(GuestMemory from, long[] in, int at, Destination to, long[] out, int outAt) {
            for (int i = 0; i < flatCount; i++) {
                out[outAt + i] = (int) in[at + i] & mask(i);
            }
        }
    }

    private static Transfer[] plan(List<WitType> types, Map<WitType, Transfer> made) {
        return types.stream().map(t -> of(t, made)).toArray(Transfer[]::new);
    }

    private static boolean anyChecked(Transfer[] nodes) {
        for (Transfer t : nodes) {
            if (t != null && t.checked) {
                return true;
            }
        }
        return false;
    }

    private static boolean allPlain(Transfer[] nodes) {
        for (Transfer t : nodes) {
            if (t != null && !t.plain) {
                return false;
            }
        }
        return true;
    }
}
