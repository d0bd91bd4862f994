package dev.spinmixed.tests.app.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinmixed.abi.Record;
import dev.spinmixed.abi.Result;
import dev.spinmixed.contracts.acme.orders.types.Line;
import dev.spinmixed.contracts.acme.orders.types.Order;
import dev.spinmixed.contracts.acme.orders.types.PricedLine;
import dev.spinmixed.contracts.acme.orders.types.PricedOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The orders types as JSON in the shape tests/app/src/test/node/parity.mjs uses: WIT field names,
 * every integer a decimal string, a missing option as null, a result as {"ok": …} or {"err": …}.
 */
final class JsonValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonValues() {}

    /**
     * A value of the linker's value model as JSON, in the form parity.mjs writes jco's values
     * (typed results come here through their {@code toValue}).
     */
    static JsonNode toJson(Object value) {
        if (value instanceof Record record) {
            ObjectNode object = JSON.objectNode();
            for (int i = 0; i < record.names().size(); i++) {
                object.set(record.names().get(i), toJson(record.values().get(i)));
            }
            return object;
        }
        if (value instanceof Result result) {
            return JSON.objectNode().set(result.isOk() ? "ok" : "err", toJson(result.value()));
        }
        if (value instanceof Optional<?> option) {
            return option.map(JsonValues::toJson).orElse(JSON.nullNode());
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Long number) {
            return JSON.textNode(Long.toUnsignedString(number));
        }
        if (value instanceof String text) {
            return JSON.textNode(text);
        }
        throw new IllegalArgumentException(
                "no JSON form for " + value + " (" + value.getClass() + ")");
    }

    static Order order(JsonNode json) {
        List<Line> lines = new ArrayList<>();
        json.get("lines")
                .forEach(
                        line ->
                                lines.add(
                                        Orders.line(
                                                line.get("sku").asText(),
                                                unsigned(line.get("quantity")),
                                                unsigned(line.get("unit-price-cents")))));
        return Orders.order(
                json.get("id").asText(),
                json.get("customer").asText(),
                json.get("region").asText(),
                lines,
                coupon(json));
    }

    static PricedOrder pricedOrder(JsonNode json) {
        List<PricedLine> lines = new ArrayList<>();
        json.get("lines")
                .forEach(
                        line ->
                                lines.add(
                                        new PricedLine(
                                                line.get("sku").asText(),
                                                unsigned(line.get("quantity")),
                                                unsigned(line.get("unit-price-cents")),
                                                unsigned(line.get("line-total-cents")),
                                                unsigned(line.get("discount-cents")))));
        return new PricedOrder(
                json.get("order-id").asText(),
                json.get("customer").asText(),
                json.get("region").asText(),
                lines,
                coupon(json),
                unsigned(json.get("subtotal-cents")),
                unsigned(json.get("discount-cents")),
                unsigned(json.get("tax-cents")),
                unsigned(json.get("total-cents")));
    }

    private static Optional<String> coupon(JsonNode json) {
        JsonNode coupon = json.get("coupon");
        return coupon == null || coupon.isNull() ? Optional.empty() : Optional.of(coupon.asText());
    }

    /** u32 and u64 alike: written as numbers or, beyond JSON's safe range, as strings. */
    private static long unsigned(JsonNode number) {
        return Long.parseUnsignedLong(number.asText());
    }
}
