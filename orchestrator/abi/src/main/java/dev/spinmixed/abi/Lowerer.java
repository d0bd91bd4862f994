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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes {@link ValueModel} values into a guest: into linear memory ({@code store}) or as core
 * values ({@code lowerFlat}). Strings and lists are copied into memory the guest allocates through
 * its {@link Allocator}; the pointers it returns are checked like any other guest pointer. A Java
 * value that does not fit its WIT type is an {@link AbiException} naming the type.
 */
public final class Lowerer {

    private final GuestMemory memory;
    private final Allocator allocator;
    private final Shapes shapes;

    public Lowerer(GuestMemory memory, Allocator allocator) {
        this(memory, allocator, Shapes.onDemand());
    }

    public Lowerer(GuestMemory memory, Allocator allocator, Shapes shapes) {
        this.memory = memory;
        this.allocator = allocator;
        this.shapes = shapes;
    }

    /** Stores a value at a guest-supplied pointer, checking its alignment and extent first. */
    public void store(WitType type, Object value, long ptr, String what) {
        memory.checkAligned(ptr, alignment(type), what);
        storeAt(type, value, memory.checkRange(ptr, size(type), what));
    }

    private int size(WitType type) {
        return type instanceof Primitive ? Layout.size(type) : shapes.of(type).size;
    }

    private int alignment(WitType type) {
        return type instanceof Primitive ? Layout.alignment(type) : shapes.of(type).alignment;
    }

    /** Allocates guest memory and checks what the guest's allocator returned. */
    public int allocate(int alignment, long size, String what) {
        return allocate(alignment, size, () -> what);
    }

    /**
     * As above; {@code what} is only built for an error, as most values take this path once per
     * string or list.
     */
    private int allocate(int alignment, long size, Supplier<String> what) {
        if (size > Integer.MAX_VALUE) {
            throw memory.fault(
                    what.get() + " needs " + size + " bytes, over the 2^31-1 byte limit");
        }
        int ptr = allocator.allocate(alignment, (int) size);
        if (!memory.holds(ptr, size, alignment)) {
            String result = CabiRealloc.EXPORT_NAME + " result for " + what.get();
            memory.checkAligned(ptr, alignment, result);
            memory.checkRange(ptr, size, result);
        }
        return ptr;
    }

    /** Lowers one value to core values appended to {@code out}. */
    public void lowerFlat(WitType type, Object value, FlatValues.Builder out) {
        type.accept(new FlatLowering(value, out));
    }

    /** Lowers one value of the visited type to core values. */
    private final class FlatLowering implements WitType.Visitor<Void> {

        private final Object value;
        private final FlatValues.Builder out;

        FlatLowering(Object value, FlatValues.Builder out) {
            this.value = value;
            this.out = out;
        }

        @Override
        public Void primitive(Primitive type) {
            lowerPrimitive(type, value, out);
            return null;
        }

        @Override
        public Void list(ListType type) {
            long[] range = storeList(type.element(), value, type);
            out.add(FlatType.I32, range[0]);
            out.add(FlatType.I32, range[1]);
            return null;
        }

        @Override
        public Void option(OptionType type) {
            lowerCase(type, optionCase(type, value), out);
            return null;
        }

        @Override
        public Void result(ResultType type) {
            lowerCase(type, resultCase(type, value), out);
            return null;
        }

        @Override
        public Void tuple(TupleType type) {
            lowerFields(shapes.of(type), tupleOf(type, value), out);
            return null;
        }

        @Override
        public Void record(RecordType type) {
            Shape shape = shapes.of(type);
            lowerFields(shape, fieldValues(type, shape, value), out);
            return null;
        }

        @Override
        public Void variant(VariantType type) {
            lowerCase(type, variantCase(type, value), out);
            return null;
        }

        @Override
        public Void enumType(EnumType type) {
            lowerCase(type, enumCase(type, value), out);
            return null;
        }

        @Override
        public Void flags(FlagsType type) {
            for (int word : flagWords(type, value)) {
                out.add(FlatType.I32, word);
            }
            return null;
        }
    }

    private void lowerFields(Shape shape, List<?> values, FlatValues.Builder out) {
        for (int i = 0; i < values.size(); i++) {
            try {
                lowerFlat(shape.fieldTypes.get(i), values.get(i), out);
            } catch (AbiException e) {
                throw e.inside(shape.fieldSegments.get(i));
            }
        }
    }

    private void lowerCase(WitType type, Case c, FlatValues.Builder out) {
        Shape shape = shapes.of(type);
        out.add(FlatType.I32, c.index());
        List<FlatType> joined = shape.joinedPayload;
        FlatValues.Builder payload = new FlatValues.Builder();
        Optional<WitType> payloadType = shape.payloads.get(c.index());
        if (payloadType.isPresent()) {
            try {
                lowerFlat(payloadType.get(), c.payload(), payload);
            } catch (AbiException e) {
                throw e.inside("(" + shape.caseNames.get(c.index()) + ")");
            }
        }
        for (int i = 0; i < joined.size(); i++) {
            out.add(
                    joined.get(i),
                    i < payload.size()
                            ? widen(payload.type(i), joined.get(i), payload.value(i))
                            : 0L);
        }
    }

    /** A payload value placed in a slot its variant joined to a wider type. */
    static long widen(FlatType have, FlatType want, long bits) {
        if (have == want
                || (have == FlatType.F32 && want == FlatType.I32)
                || have == FlatType.F64) {
            return bits;
        }
        return bits & 0xFFFFFFFFL;
    }

    private void lowerPrimitive(Primitive p, Object value, FlatValues.Builder out) {
        switch (p) {
            case S64, U64 -> out.add(FlatType.I64, expect(value, Long.class, p));
            case F32 ->
                    out.add(
                            FlatType.F32,
                            Float.floatToRawIntBits(
                                    Lifter.canonical(expect(value, Float.class, p))));
            case F64 ->
                    out.add(
                            FlatType.F64,
                            Double.doubleToRawLongBits(
                                    Lifter.canonical(expect(value, Double.class, p))));
            case STRING -> {
                long[] range = storeString(expect(value, String.class, p));
                out.add(FlatType.I32, range[0]);
                out.add(FlatType.I32, range[1]);
            }
            default -> out.add(FlatType.I32, smallInt(p, value));
        }
    }

    /** bool, char and the integers that flatten to one i32, range-checked. */
    private int smallInt(Primitive p, Object value) {
        return switch (p) {
            case BOOL -> expect(value, Boolean.class, p) ? 1 : 0;
            case S8 -> inRange(p, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case U8 -> inRange(p, value, 0, 0xFF);
            case S16 -> inRange(p, value, Short.MIN_VALUE, Short.MAX_VALUE);
            case U16 -> inRange(p, value, 0, 0xFFFF);
            case S32 -> expect(value, Integer.class, p);
            case U32 -> {
                long v = expect(value, Long.class, p);
                if (v < 0 || v > 0xFFFFFFFFL) {
                    throw memory.fault("u32 value " + v + " is out of range");
                }
                yield (int) v;
            }
            case CHAR -> {
                int c = expect(value, Integer.class, p);
                if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
                    throw memory.fault(
                            "char 0x" + Integer.toHexString(c) + " is not a Unicode scalar value");
                }
                yield c;
            }
            default -> throw new IllegalStateException("not a small integer type: " + p);
        };
    }

    private void storeAt(WitType type, Object value, int ptr) {
        type.accept(new Storing(value, ptr));
    }

    /** Stores one value of the visited type at a checked address. */
    private final class Storing implements WitType.Visitor<Void> {

        private final Object value;
        private final int ptr;

        Storing(Object value, int ptr) {
            this.value = value;
            this.ptr = ptr;
        }

        @Override
        public Void primitive(Primitive p) {
            Memory m = memory.memory();
            switch (p) {
                case BOOL, S8, U8 -> m.writeByte(ptr, (byte) smallInt(p, value));
                case S16, U16 -> m.writeShort(ptr, (short) smallInt(p, value));
                case S32, U32, CHAR -> m.writeI32(ptr, smallInt(p, value));
                case S64, U64 -> m.writeLong(ptr, expect(value, Long.class, p));
                case F32 ->
                        m.writeI32(
                                ptr,
                                Float.floatToRawIntBits(
                                        Lifter.canonical(expect(value, Float.class, p))));
                case F64 ->
                        m.writeLong(
                                ptr,
                                Double.doubleToRawLongBits(
                                        Lifter.canonical(expect(value, Double.class, p))));
                case STRING -> writeRange(ptr, storeString(expect(value, String.class, p)));
            }
            return null;
        }

        @Override
        public Void list(ListType type) {
            writeRange(ptr, storeList(type.element(), value, type));
            return null;
        }

        @Override
        public Void option(OptionType type) {
            storeCase(type, optionCase(type, value), ptr);
            return null;
        }

        @Override
        public Void result(ResultType type) {
            storeCase(type, resultCase(type, value), ptr);
            return null;
        }

        @Override
        public Void tuple(TupleType type) {
            storeFields(shapes.of(type), tupleOf(type, value), ptr);
            return null;
        }

        @Override
        public Void record(RecordType type) {
            Shape shape = shapes.of(type);
            storeFields(shape, fieldValues(type, shape, value), ptr);
            return null;
        }

        @Override
        public Void variant(VariantType type) {
            storeCase(type, variantCase(type, value), ptr);
            return null;
        }

        @Override
        public Void enumType(EnumType type) {
            storeCase(type, enumCase(type, value), ptr);
            return null;
        }

        @Override
        public Void flags(FlagsType type) {
            Memory m = memory.memory();
            int[] words = flagWords(type, value);
            int n = type.flags().size();
            if (n <= 8) {
                m.writeByte(ptr, (byte) words[0]);
            } else if (n <= 16) {
                m.writeShort(ptr, (short) words[0]);
            } else {
                for (int i = 0; i < words.length; i++) {
                    m.writeI32(ptr + 4 * i, words[i]);
                }
            }
            return null;
        }
    }

    private void storeCase(WitType type, Case c, int ptr) {
        Memory m = memory.memory();
        Shape shape = shapes.of(type);
        switch (shape.discriminantSize) {
            case 1 -> m.writeByte(ptr, (byte) c.index());
            case 2 -> m.writeShort(ptr, (short) c.index());
            default -> m.writeI32(ptr, c.index());
        }
        Optional<WitType> payloadType = shape.payloads.get(c.index());
        if (payloadType.isPresent()) {
            try {
                storeAt(payloadType.get(), c.payload(), ptr + shape.payloadOffset);
            } catch (AbiException e) {
                throw e.inside("(" + shape.caseNames.get(c.index()) + ")");
            }
        }
    }

    private void storeFields(Shape shape, List<?> values, int ptr) {
        for (int i = 0; i < shape.offsets.length; i++) {
            try {
                storeAt(shape.fieldTypes.get(i), values.get(i), ptr + shape.offsets[i]);
            } catch (AbiException e) {
                throw e.inside(shape.fieldSegments.get(i));
            }
        }
    }

    private void writeRange(int ptr, long[] range) {
        memory.memory().writeI32(ptr, (int) range[0]);
        memory.memory().writeI32(ptr + 4, (int) range[1]);
    }

    private long[] storeString(String s) {
        byte[] utf8 = Utf8.encode(s);
        if (utf8 == null) {
            throw memory.fault(
                    "string contains a lone surrogate and cannot be encoded as UTF-8: "
                            + ValueModel.show(s));
        }
        int ptr = allocate(1, utf8.length, () -> "string of " + utf8.length + " bytes");
        memory.memory().write(ptr, utf8);
        return new long[] {ptr, utf8.length};
    }

    private long[] storeList(WitType element, Object value, WitType listType) {
        if (element == Primitive.U8) {
            byte[] bytes = expect(value, byte[].class, listType);
            int ptr = allocate(1, bytes.length, () -> "list<u8> of " + bytes.length + " bytes");
            memory.memory().write(ptr, bytes);
            return new long[] {ptr, bytes.length};
        }
        List<?> elements = expect(value, List.class, listType);
        int size = size(element);
        int ptr =
                allocate(
                        alignment(element),
                        (long) size * elements.size(),
                        () -> WitText.describe(listType) + " of " + elements.size() + " elements");
        for (int i = 0; i < elements.size(); i++) {
            try {
                storeAt(element, elements.get(i), ptr + i * size);
            } catch (AbiException e) {
                throw e.inside("[" + i + "]");
            }
        }
        return new long[] {ptr, elements.size()};
    }

    /** The record's values in the type's field order, whatever order the value lists them in. */
    private List<Object> fieldValues(RecordType type, Shape shape, Object value) {
        Record record = expect(value, Record.class, type);
        if (record.names().equals(shape.fieldNames)) {
            return record.values();
        }
        if (record.names().size() != shape.fieldNames.size()
                || !record.names().containsAll(shape.fieldNames)) {
            throw memory.fault(
                    "record "
                            + type.name()
                            + " has fields "
                            + shape.fieldNames
                            + ", the value has "
                            + record.names());
        }
        return shape.fieldNames.stream().map(record::get).toList();
    }

    private List<?> tupleOf(TupleType type, Object value) {
        List<?> elements = expect(value, List.class, type);
        if (elements.size() != type.types().size()) {
            throw memory.fault(
                    WitText.describe(type)
                            + " needs "
                            + type.types().size()
                            + " elements, the value has "
                            + elements.size());
        }
        return elements;
    }

    private int[] flagWords(FlagsType type, Object value) {
        Collection<?> set = expect(value, Collection.class, type);
        int[] words = new int[(type.flags().size() + 31) / 32];
        for (Object flag : set) {
            int index = type.flags().indexOf(flag);
            if (index < 0) {
                throw memory.fault(
                        "flags "
                                + type.name()
                                + " has no flag "
                                + ValueModel.show(flag)
                                + " (flags: "
                                + type.flags()
                                + ")");
            }
            words[index / 32] |= 1 << (index % 32);
        }
        return words;
    }

    private record Case(int index, Object payload) {}

    private Case variantCase(VariantType type, Object value) {
        Variant variant = expect(value, Variant.class, type);
        int index = shapes.of(type).caseNames.indexOf(variant.caseName());
        if (index < 0) {
            throw memory.fault(
                    "variant " + type.name() + " has no case '" + variant.caseName() + "'");
        }
        return checkedCase(type, new Case(index, variant.payload()), value);
    }

    private Case enumCase(EnumType type, Object value) {
        int index = type.cases().indexOf(expect(value, String.class, type));
        if (index < 0) {
            throw memory.fault(
                    "enum "
                            + type.name()
                            + " has no case "
                            + ValueModel.show(value)
                            + " (cases: "
                            + type.cases()
                            + ")");
        }
        return new Case(index, null);
    }

    private Case optionCase(OptionType type, Object value) {
        Optional<?> option = expect(value, Optional.class, type);
        return new Case(option.isPresent() ? 1 : 0, option.orElse(null));
    }

    private Case resultCase(ResultType type, Object value) {
        Result result = expect(value, Result.class, type);
        return checkedCase(type, new Case(result.isOk() ? 0 : 1, result.value()), value);
    }

    /** A payload where the case has none, or none where it needs one, is refused. */
    private Case checkedCase(WitType type, Case c, Object value) {
        boolean wantsPayload = shapes.of(type).payloads.get(c.index()).isPresent();
        if (wantsPayload != (c.payload() != null)) {
            throw memory.fault(
                    WitText.describe(type)
                            + " case #"
                            + c.index()
                            + (wantsPayload ? " needs a payload" : " takes no payload")
                            + ", the value is "
                            + ValueModel.show(value));
        }
        return c;
    }

    private int inRange(Primitive p, Object value, int min, int max) {
        int v = expect(value, Integer.class, p);
        if (v < min || v > max) {
            throw memory.fault(
                    p.witName() + " value " + v + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    private <T> T expect(Object value, Class<T> javaType, WitType type) {
        if (!javaType.isInstance(value)) {
            throw memory.fault(
                    "a "
                            + WitText.describe(type)
                            + " must be a "
                            + javaType.getSimpleName()
                            + ", got "
                            + (value == null
                                    ? "null"
                                    : value.getClass().getSimpleName()
                                            + " "
                                            + ValueModel.show(value)));
        }
        return javaType.cast(value);
    }
}
