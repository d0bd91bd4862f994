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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads WIT values out of a guest: from linear memory ({@code load}) or from core values ({@code
 * liftFlat}), into the {@link ValueModel}. Everything the guest supplies is checked: pointers and
 * lengths against the memory size, alignment, UTF-8, chars, discriminants.
 */
public final class Lifter {

    private static final float CANONICAL_F32_NAN = Float.intBitsToFloat(0x7fc00000);
    private static final double CANONICAL_F64_NAN = Double.longBitsToDouble(0x7ff8000000000000L);

    private final GuestMemory memory;
    private final Shapes shapes;

    public Lifter(GuestMemory memory) {
        this(memory, Shapes.onDemand());
    }

    public Lifter(GuestMemory memory, Shapes shapes) {
        this.memory = memory;
        this.shapes = shapes;
    }

    /**
     * Loads a value stored at a guest-supplied pointer, checking its alignment and extent first.
     */
    public Object load(WitType type, long ptr, String what) {
        memory.checkAligned(ptr, alignment(type), what);
        return loadAt(type, memory.checkRange(ptr, size(type), what));
    }

    private int size(WitType type) {
        return type instanceof Primitive ? Layout.size(type) : shapes.of(type).size;
    }

    private int alignment(WitType type) {
        return type instanceof Primitive ? Layout.alignment(type) : shapes.of(type).alignment;
    }

    /** Lifts one value from the next core values. */
    public Object liftFlat(WitType type, FlatValues values) {
        return type.accept(new FlatLifting(values));
    }

    /** Lifts one value of the visited type from the next core values. */
    private final class FlatLifting implements WitType.Visitor<Object> {

        private final FlatValues values;

        FlatLifting(FlatValues values) {
            this.values = values;
        }

        @Override
        public Object primitive(Primitive type) {
            return liftPrimitive(type, values);
        }

        @Override
        public Object list(ListType type) {
            return loadList(
                    type.element(),
                    (int) values.next(FlatType.I32),
                    (int) values.next(FlatType.I32));
        }

        @Override
        public Object option(OptionType type) {
            Case c = liftCase(type, values);
            return c.index() == 0 ? Optional.empty() : Optional.of(c.payload());
        }

        @Override
        public Object result(ResultType type) {
            Case c = liftCase(type, values);
            return c.index() == 0 ? Result.ok(c.payload()) : Result.err(c.payload());
        }

        @Override
        public Object tuple(TupleType type) {
            List<Object> elements = new ArrayList<>(type.types().size());
            liftFields(shapes.of(type), values, elements);
            return Collections.unmodifiableList(elements);
        }

        @Override
        public Object record(RecordType type) {
            Shape shape = shapes.of(type);
            List<Object> fieldValues = new ArrayList<>(shape.fieldTypes.size());
            liftFields(shape, values, fieldValues);
            return new Record(shape.fieldNames, fieldValues);
        }

        @Override
        public Object variant(VariantType type) {
            Case c = liftCase(type, values);
            return new Variant(c.name(), c.payload());
        }

        @Override
        public Object enumType(EnumType type) {
            return liftCase(type, values).name();
        }

        @Override
        public Object flags(FlagsType type) {
            int[] words = new int[(type.flags().size() + 31) / 32];
            for (int i = 0; i < words.length; i++) {
                words[i] = (int) values.next(FlatType.I32);
            }
            return Lifter.flags(type, words);
        }
    }

    /** The discriminant and the case's payload; the joined slots it does not use are skipped. */
    private Case liftCase(WitType type, FlatValues values) {
        Shape shape = shapes.of(type);
        long index = values.next(FlatType.I32) & 0xFFFFFFFFL;
        checkCase(type, shape.payloads, index);
        Optional<WitType> payloadType = shape.payloads.get((int) index);
        Object payload = null;
        if (payloadType.isPresent()) {
            try {
                payload = liftFlat(payloadType.get(), values);
            } catch (AbiException e) {
                throw e.inside("(" + shape.caseNames.get((int) index) + ")");
            }
        }
        values.skip(shape.joinedPayload.size() - shape.payloadFlatCounts[(int) index]);
        return new Case(shape, (int) index, payload);
    }

    private void liftFields(Shape shape, FlatValues values, List<Object> out) {
        for (int i = 0; i < shape.fieldTypes.size(); i++) {
            try {
                out.add(liftFlat(shape.fieldTypes.get(i), values));
            } catch (AbiException e) {
                throw e.inside(shape.fieldSegments.get(i));
            }
        }
    }

    private Object liftPrimitive(Primitive p, FlatValues values) {
        return switch (p) {
            case BOOL -> (int) values.next(FlatType.I32) != 0;
            case S8 -> (int) (byte) values.next(FlatType.I32);
            case U8 -> (int) values.next(FlatType.I32) & 0xFF;
            case S16 -> (int) (short) values.next(FlatType.I32);
            case U16 -> (int) values.next(FlatType.I32) & 0xFFFF;
            case S32 -> (int) values.next(FlatType.I32);
            case U32 -> values.next(FlatType.I32) & 0xFFFFFFFFL;
            case S64, U64 -> values.next(FlatType.I64);
            case F32 -> canonical(Float.intBitsToFloat((int) values.next(FlatType.F32)));
            case F64 -> canonical(Double.longBitsToDouble(values.next(FlatType.F64)));
            case CHAR -> codePoint((int) values.next(FlatType.I32));
            case STRING ->
                    loadString((int) values.next(FlatType.I32), (int) values.next(FlatType.I32));
        };
    }

    private Object loadAt(WitType type, int ptr) {
        return type.accept(new Loading(ptr));
    }

    /** Loads one value of the visited type from a checked address. */
    private final class Loading implements WitType.Visitor<Object> {

        private final int ptr;

        Loading(int ptr) {
            this.ptr = ptr;
        }

        @Override
        public Object primitive(Primitive p) {
            Memory m = memory.memory();
            return switch (p) {
                case BOOL -> m.read(ptr) != 0;
                case S8 -> (int) m.read(ptr);
                case U8 -> m.read(ptr) & 0xFF;
                case S16 -> (int) m.readShort(ptr);
                case U16 -> m.readShort(ptr) & 0xFFFF;
                case S32 -> m.readInt(ptr);
                case U32 -> m.readInt(ptr) & 0xFFFFFFFFL;
                case S64, U64 -> m.readLong(ptr);
                case F32 -> canonical(m.readFloat(ptr));
                case F64 -> canonical(m.readDouble(ptr));
                case CHAR -> codePoint(m.readInt(ptr));
                case STRING -> loadString(m.readInt(ptr), m.readInt(ptr + 4));
            };
        }

        @Override
        public Object list(ListType type) {
            Memory m = memory.memory();
            return loadList(type.element(), m.readInt(ptr), m.readInt(ptr + 4));
        }

        @Override
        public Object option(OptionType type) {
            Case c = loadCase(type, ptr);
            return c.index() == 0 ? Optional.empty() : Optional.of(c.payload());
        }

        @Override
        public Object result(ResultType type) {
            Case c = loadCase(type, ptr);
            return c.index() == 0 ? Result.ok(c.payload()) : Result.err(c.payload());
        }

        @Override
        public Object tuple(TupleType type) {
            return Collections.unmodifiableList(loadFields(shapes.of(type), ptr));
        }

        @Override
        public Object record(RecordType type) {
            Shape shape = shapes.of(type);
            return new Record(shape.fieldNames, loadFields(shape, ptr));
        }

        @Override
        public Object variant(VariantType type) {
            Case c = loadCase(type, ptr);
            return new Variant(c.name(), c.payload());
        }

        @Override
        public Object enumType(EnumType type) {
            return loadCase(type, ptr).name();
        }

        @Override
        public Object flags(FlagsType type) {
            return loadFlags(type, ptr);
        }
    }

    /** A case read from a variant-like value: its index and name, and its payload or null. */
    private record Case(Shape shape, int index, Object payload) {
        String name() {
            return shape.caseNames.get(index);
        }
    }

    private Case loadCase(WitType type, int ptr) {
        Memory m = memory.memory();
        Shape shape = shapes.of(type);
        long index =
                switch (shape.discriminantSize) {
                    case 1 -> m.read(ptr) & 0xFFL;
                    case 2 -> m.readShort(ptr) & 0xFFFFL;
                    default -> m.readInt(ptr) & 0xFFFFFFFFL;
                };
        checkCase(type, shape.payloads, index);
        Optional<WitType> payloadType = shape.payloads.get((int) index);
        Object payload = null;
        if (payloadType.isPresent()) {
            try {
                payload = loadAt(payloadType.get(), ptr + shape.payloadOffset);
            } catch (AbiException e) {
                throw e.inside("(" + shape.caseNames.get((int) index) + ")");
            }
        }
        return new Case(shape, (int) index, payload);
    }

    private List<Object> loadFields(Shape shape, int ptr) {
        List<Object> values = new ArrayList<>(shape.fieldTypes.size());
        for (int i = 0; i < shape.offsets.length; i++) {
            try {
                values.add(loadAt(shape.fieldTypes.get(i), ptr + shape.offsets[i]));
            } catch (AbiException e) {
                throw e.inside(shape.fieldSegments.get(i));
            }
        }
        return values;
    }

    private Set<String> loadFlags(FlagsType f, int ptr) {
        Memory m = memory.memory();
        int n = f.flags().size();
        int[] words = new int[(n + 31) / 32];
        if (n <= 8) {
            words[0] = m.read(ptr) & 0xFF;
        } else if (n <= 16) {
            words[0] = m.readShort(ptr) & 0xFFFF;
        } else {
            for (int i = 0; i < words.length; i++) {
                words[i] = m.readInt(ptr + 4 * i);
            }
        }
        return flags(f, words);
    }

    private static Set<String> flags(FlagsType f, int[] words) {
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < f.flags().size(); i++) {
            if ((words[i / 32] >>> (i % 32) & 1) != 0) {
                set.add(f.flags().get(i));
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private String loadString(int ptr, int length) {
        int start = stringStart(memory, ptr, length);
        byte[] utf8 = memory.memory().readBytes(start, length);
        String decoded = Utf8.decode(utf8);
        if (decoded == null) {
            throw notUtf8(memory, start, utf8);
        }
        return decoded;
    }

    /** Where a string lies, checked: its length and its extent. */
    static int stringStart(GuestMemory memory, int ptr, int length) {
        long bytes = length & 0xFFFFFFFFL;
        if (bytes > Integer.MAX_VALUE) {
            throw memory.fault("string length " + bytes + " is over the 2^31-1 byte limit");
        }
        return memory.checkRange(ptr, bytes, "string");
    }

    static AbiException notUtf8(GuestMemory memory, int start, byte[] utf8) {
        return memory.fault(
                "string at 0x"
                        + Integer.toHexString(start)
                        + " ("
                        + utf8.length
                        + " bytes) is not valid UTF-8: "
                        + Arrays.toString(Arrays.copyOf(utf8, Math.min(utf8.length, 16))));
    }

    private Object loadList(WitType element, int ptr, int length) {
        long count = length & 0xFFFFFFFFL;
        if (element == Primitive.U8) {
            return memory.memory()
                    .readBytes(listExtent(memory, element, ptr, count, count, 1), (int) count);
        }
        int size = size(element);
        int start = listStart(memory, element, ptr, count, size, alignment(element));
        Object[] elements = new Object[(int) count];
        for (int i = 0; i < count; i++) {
            try {
                elements[i] = loadAt(element, start + i * size);
            } catch (AbiException e) {
                throw e.inside("[" + i + "]");
            }
        }
        return Collections.unmodifiableList(Arrays.asList(elements));
    }

    /** Where a list of elements other than u8 lies, checked: alignment, extent, count. */
    static int listStart(
            GuestMemory memory, WitType element, int ptr, long count, int size, int alignment) {
        int start = listExtent(memory, element, ptr, count, count * size, alignment);
        if (count > memory.byteSize()) {
            throw memory.fault(listWhat(element, count) + " is longer than memory");
        }
        return start;
    }

    /**
     * Checks where a list lies; its description is only built for an error, as lists are lifted
     * often.
     */
    static int listExtent(
            GuestMemory memory, WitType element, int ptr, long count, long bytes, int alignment) {
        if (!memory.holds(ptr, bytes, alignment)) {
            String what = listWhat(element, count);
            memory.checkAligned(ptr, alignment, what);
            memory.checkRange(ptr, bytes, what);
        }
        return ptr;
    }

    private static String listWhat(WitType element, long count) {
        return "list<" + WitText.describe(element) + "> of " + count + " elements";
    }

    private int codePoint(int value) {
        return codePoint(memory, value);
    }

    static int codePoint(GuestMemory memory, int value) {
        if ((value & 0xFFFFFFFFL) > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            throw memory.fault(
                    "char 0x" + Integer.toHexString(value) + " is not a Unicode scalar value");
        }
        return value;
    }

    private void checkCase(WitType type, List<Optional<WitType>> payloads, long index) {
        checkCase(memory, type, payloads.size(), index);
    }

    static void checkCase(GuestMemory memory, WitType type, int cases, long index) {
        if (index >= cases) {
            throw memory.fault(
                    "discriminant "
                            + index
                            + " is out of range for "
                            + WitText.describe(type)
                            + " ("
                            + cases
                            + " cases)");
        }
    }

    static float canonical(float f) {
        return Float.isNaN(f) ? CANONICAL_F32_NAN : f;
    }

    static double canonical(double d) {
        return Double.isNaN(d) ? CANONICAL_F64_NAN : d;
    }
}
