package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.spinmixed.wit.WitType;
import java.util.Optional;

/**
 * A WIT type as JSON, for the Node runner (src/test/node/runner.mjs documents the shape): the
 * runner needs the types to turn the JSON values into jco's JavaScript values and back.
 */
final class TypeDescriptor {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TypeDescriptor() {}

    static JsonNode of(WitType type) {
        return type.accept(
                new WitType.Visitor<JsonNode>() {
                    @Override
                    public JsonNode primitive(WitType.Primitive p) {
                        return TextNode.valueOf(p.witName());
                    }

                    @Override
                    public JsonNode list(WitType.ListType l) {
                        return single("list", of(l.element()));
                    }

                    @Override
                    public JsonNode option(WitType.OptionType o) {
                        return single("option", of(o.some()));
                    }

                    @Override
                    public JsonNode result(WitType.ResultType r) {
                        ObjectNode sides = JSON.objectNode();
                        sides.set("ok", optional(r.ok()));
                        sides.set("err", optional(r.err()));
                        return single("result", sides);
                    }

                    @Override
                    public JsonNode tuple(WitType.TupleType t) {
                        ArrayNode types = JSON.arrayNode();
                        t.types().forEach(e -> types.add(of(e)));
                        return single("tuple", types);
                    }

                    @Override
                    public JsonNode record(WitType.RecordType r) {
                        ArrayNode fields = JSON.arrayNode();
                        r.fields()
                                .forEach(
                                        f ->
                                                fields.addObject()
                                                        .put("name", f.name())
                                                        .set("type", of(f.type())));
                        return single("record", named(r.name()).set("fields", fields));
                    }

                    @Override
                    public JsonNode variant(WitType.VariantType v) {
                        ArrayNode cases = JSON.arrayNode();
                        v.cases()
                                .forEach(
                                        c ->
                                                cases.addObject()
                                                        .put("name", c.name())
                                                        .set("type", optional(c.type())));
                        return single("variant", named(v.name()).set("cases", cases));
                    }

                    @Override
                    public JsonNode enumType(WitType.EnumType e) {
                        ArrayNode cases = JSON.arrayNode();
                        e.cases().forEach(cases::add);
                        return single("enum", named(e.name()).set("cases", cases));
                    }

                    @Override
                    public JsonNode flags(WitType.FlagsType f) {
                        ArrayNode flags = JSON.arrayNode();
                        f.flags().forEach(flags::add);
                        return single("flags", named(f.name()).set("flags", flags));
                    }
                });
    }

    static JsonNode optional(Optional<WitType> type) {
        return type.map(TypeDescriptor::of).orElse(JSON.nullNode());
    }

    private static ObjectNode single(String key, JsonNode value) {
        ObjectNode node = JSON.objectNode();
        node.set(key, value);
        return node;
    }

    private static ObjectNode named(String name) {
        return JSON.objectNode().put("name", name);
    }
}
