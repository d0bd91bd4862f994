package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.abi.Variant;
import dev.spinmixed.wit.WitText;
import dev.spinmixed.wit.WitType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical JSON form of WIT values (the Node runner writes the same form, see
 * src/test/node/runner.mjs), converted to and from the Java value model of the ABI library ({@link
 * dev.spinmixed.abi.ValueModel}). Two results are equal when their JSON texts are equal: 64-bit
 * integers are decimal strings, floats are their IEEE bits in hex (so -0.0 and every finite value
 * compare exactly; NaN is just "nan" because the canonical ABI lets any host canonicalize NaN
 * payloads), chars are code points and {@code list<u8>} is hex.
 */
final class ValueJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private ValueJson() {}

    /**
     * The JSON form of a Java value of type {@code type}; a value of the wrong Java class is an
     * error.
     */
    static JsonNode encode(WitType type, Object value) {
        return type.accept(
                new WitType.Visitor<JsonNode>() {
                    @Override
                    public JsonNode primitive(WitType.Primitive p) {
                        return encodePrimitive(p, value);
                    }

                    @Override
                    public JsonNode list(WitType.ListType l) {
                        if (l.element() == WitType.Primitive.U8) {
                            return JSON.textNode(HEX.formatHex(as(byte[].class, value, type)));
                        }
                        ArrayNode items = JSON.arrayNode();
                        as(List.class, value, type)
                                .forEach(item -> items.add(encode(l.element(), item)));
                        return items;
                    }

                    @Override
                    public JsonNode option(WitType.OptionType o) {
                        Optional<?> option = as(Optional.class, value, type);
                        return option.isEmpty()
                                ? JSON.nullNode()
                                : object("some", encode(o.some(), option.get()));
                    }

                    @Override
                    public JsonNode result(WitType.ResultType r) {
                        Result result = as(Result.class, value, type);
                        Optional<WitType> side = result.isOk() ? r.ok() : r.err();
                        return object(
                                result.isOk() ? "ok" : "err",
                                side.map(t -> encode(t, result.value())).orElse(JSON.nullNode()));
                    }

                    @Override
                    public JsonNode tuple(WitType.TupleType t) {
                        List<?> values = as(List.class, value, type);
                        ArrayNode items = JSON.arrayNode();
                        for (int i = 0; i < t.types().size(); i++) {
                            items.add(encode(t.types().get(i), values.get(i)));
                        }
                        return items;
                    }

                    @Override
                    public JsonNode record(WitType.RecordType r) {
                        Record record = as(Record.class, value, type);
                        ObjectNode fields = JSON.objectNode();
                        r.fields()
                                .forEach(
                                        f ->
                                                fields.set(
                                                        f.name(),
                                                        encode(f.type(), record.get(f.name()))));
                        return fields;
                    }

                    @Override
                    public JsonNode variant(WitType.VariantType v) {
                        Variant variant = as(Variant.class, value, type);
                        WitType.Case c =
                                v.cases().stream()
                                        .filter(k -> k.name().equals(variant.caseName()))
                                        .findFirst()
                                        .orElseThrow(
                                                () ->
                                                        new IllegalArgumentException(
                                                                "variant "
                                                                        + v.name()
                                                                        + " has no case "
                                                                        + variant.caseName()));
                        ObjectNode node = JSON.objectNode().put("case", c.name());
                        c.type().ifPresent(t -> node.set("value", encode(t, variant.payload())));
                        return node;
                    }

                    @Override
                    public JsonNode enumType(WitType.EnumType e) {
                        return JSON.textNode(as(String.class, value, type));
                    }

                    @Override
                    public JsonNode flags(WitType.FlagsType f) {
                        Set<?> set = as(Set.class, value, type);
                        ArrayNode flags = JSON.arrayNode();
                        f.flags().stream().filter(set::contains).forEach(flags::add);
                        return flags;
                    }
                });
    }

    /** The Java value of a JSON value of type {@code type}. */
    static Object decode(WitType type, JsonNode node) {
        return type.accept(
                new WitType.Visitor<Object>() {
                    @Override
                    public Object primitive(WitType.Primitive p) {
                        return decodePrimitive(p, node);
                    }

                    @Override
                    public Object list(WitType.ListType l) {
                        if (l.element() == WitType.Primitive.U8) {
                            return HEX.parseHex(node.asText());
                        }
                        List<Object> items = new ArrayList<>();
                        node.forEach(item -> items.add(decode(l.element(), item)));
                        return items;
                    }

                    @Override
                    public Object option(WitType.OptionType o) {
                        return node.isNull()
                                ? Optional.empty()
                                : Optional.of(decode(o.some(), node.get("some")));
                    }

                    @Override
                    public Object result(WitType.ResultType r) {
                        boolean ok = node.has("ok");
                        Optional<WitType> side = ok ? r.ok() : r.err();
                        Object payload =
                                side.map(t -> decode(t, node.get(ok ? "ok" : "err"))).orElse(null);
                        return ok ? Result.ok(payload) : Result.err(payload);
                    }

                    @Override
                    public Object tuple(WitType.TupleType t) {
                        List<Object> items = new ArrayList<>();
                        for (int i = 0; i < t.types().size(); i++) {
                            items.add(decode(t.types().get(i), node.get(i)));
                        }
                        return items;
                    }

                    @Override
                    public Object record(WitType.RecordType r) {
                        List<String> names = new ArrayList<>();
                        List<Object> values = new ArrayList<>();
                        r.fields()
                                .forEach(
                                        f -> {
                                            names.add(f.name());
                                            values.add(decode(f.type(), node.get(f.name())));
                                        });
                        return new Record(names, values);
                    }

                    @Override
                    public Object variant(WitType.VariantType v) {
                        String name = node.get("case").asText();
                        WitType.Case c =
                                v.cases().stream()
                                        .filter(k -> k.name().equals(name))
                                        .findFirst()
                                        .orElseThrow();
                        return new Variant(
                                name, c.type().map(t -> decode(t, node.get("value"))).orElse(null));
                    }

                    @Override
                    public Object enumType(WitType.EnumType e) {
                        return node.asText();
                    }

                    @Override
                    public Object flags(WitType.FlagsType f) {
                        Set<String> flags = new LinkedHashSet<>();
                        node.forEach(flag -> flags.add(flag.asText()));
                        return flags;
                    }
                });
    }

    private static JsonNode encodePrimitive(WitType.Primitive type, Object value) {
        return switch (type) {
            case BOOL -> JSON.booleanNode(as(Boolean.class, value, type));
            case S8, U8, S16, U16, S32, CHAR -> JSON.numberNode(as(Integer.class, value, type));
            case U32 -> JSON.numberNode(as(Long.class, value, type));
            case S64 -> JSON.textNode(Long.toString(as(Long.class, value, type)));
            case U64 -> JSON.textNode(Long.toUnsignedString(as(Long.class, value, type)));
            case F32 -> {
                float f = as(Float.class, value, type);
                yield JSON.textNode(
                        Float.isNaN(f) ? "nan" : String.format("%08x", Float.floatToRawIntBits(f)));
            }
            case F64 -> {
                double d = as(Double.class, value, type);
                yield JSON.textNode(
                        Double.isNaN(d)
                                ? "nan"
                                : String.format("%016x", Double.doubleToRawLongBits(d)));
            }
            case STRING -> JSON.textNode(as(String.class, value, type));
        };
    }

    private static Object decodePrimitive(WitType.Primitive type, JsonNode node) {
        return switch (type) {
            case BOOL -> node.booleanValue();
            case S8, U8, S16, U16, S32, CHAR -> node.intValue();
            case U32 -> node.longValue();
            case S64 -> Long.parseLong(node.asText());
            case U64 -> Long.parseUnsignedLong(node.asText());
            case F32 ->
                    node.asText().equals("nan")
                            ? Float.NaN
                            : Float.intBitsToFloat(Integer.parseUnsignedInt(node.asText(), 16));
            case F64 ->
                    node.asText().equals("nan")
                            ? Double.NaN
                            : Double.longBitsToDouble(Long.parseUnsignedLong(node.asText(), 16));
            case STRING -> node.asText();
        };
    }

    private static ObjectNode object(String key, JsonNode value) {
        ObjectNode node = JSON.objectNode();
        node.set(key, value);
        return node;
    }

    private static <T> T as(Class<T> javaType, Object value, WitType type) {
        if (!javaType.isInstance(value)) {
            throw new IllegalArgumentException(
                    "a "
                            + WitText.of(type)
                            + " should be a "
                            + javaType.getSimpleName()
                            + " but the host returned "
                            + (value == null
                                    ? "null"
                                    : value.getClass().getSimpleName() + " " + value));
        }
        return javaType.cast(value);
    }
}
