package dev.spinmixed.bench.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinmixed.bench.java.Orders.Line;
import dev.spinmixed.bench.java.Orders.Order;
import dev.spinmixed.bench.java.Orders.Outcome;
import dev.spinmixed.bench.java.Orders.PricedLine;
import dev.spinmixed.bench.java.Orders.PricedOrder;
import dev.spinmixed.bench.java.Orders.Problem;
import dev.spinmixed.bench.java.Orders.Rejection;
import dev.spinmixed.bench.java.Orders.Reservation;
import dev.spinmixed.bench.java.Orders.ReservedLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The orchestrated route's work in plain Java, called directly: the order JSON in, validate ->
 * price -> reserve, the 200/422 JSON body out (the same body the orchestrator guest answers). Only
 * well-formed orders are in scope: the benchmark's lower bound, not a second HTTP front end.
 */
public final class OrderPipeline {

    /** An answer of POST /orders: status 200 or 422 and its JSON body. */
    public record Answer(int status, byte[] body) {}

    private final ObjectMapper json = new ObjectMapper();

    public Answer handle(byte[] body) {
        Order order = readOrder(body);
        Outcome<Order> valid = Validation.validate(order);
        if (valid.rejection().isPresent()) {
            return rejected(order.id(), valid.rejection().get());
        }
        Outcome<PricedOrder> priced = Pricing.price(valid.ok().get());
        if (priced.rejection().isPresent()) {
            return rejected(valid.ok().get().id(), priced.rejection().get());
        }
        PricedOrder p = priced.ok().get();
        Outcome<Reservation> reserved = Inventory.reserve(p);
        if (reserved.rejection().isPresent()) {
            return rejected(p.orderId(), reserved.rejection().get());
        }
        return new Answer(200, write(completed(p, reserved.ok().get())));
    }

    private Order readOrder(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an order: " + e.getMessage(), e);
        }
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : required(root, "lines")) {
            lines.add(
                    new Line(
                            required(line, "sku").textValue(),
                            required(line, "quantity").longValue(),
                            unsigned(required(line, "unitPriceCents"))));
        }
        JsonNode coupon = root.get("coupon");
        return new Order(
                required(root, "id").textValue(),
                required(root, "customer").textValue(),
                required(root, "region").textValue(),
                lines,
                coupon == null || coupon.isNull()
                        ? Optional.empty()
                        : Optional.of(coupon.textValue()));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("not an order: '" + field + "' is missing");
        }
        return value;
    }

    private static long unsigned(JsonNode number) {
        return number.isBigInteger() ? number.bigIntegerValue().longValue() : number.longValue();
    }

    private Answer rejected(String orderId, Rejection rejection) {
        ObjectNode body = json.createObjectNode();
        body.put("orderId", orderId);
        body.put("step", rejection.step());
        ArrayNode problems = body.putArray("problems");
        for (Problem p : rejection.problems()) {
            problems.addObject().put("field", p.field()).put("reason", p.reason());
        }
        return new Answer(422, write(body));
    }

    private ObjectNode completed(PricedOrder p, Reservation r) {
        ObjectNode body = json.createObjectNode();
        body.put("orderId", p.orderId());
        body.put("customer", p.customer());
        body.put("region", p.region());
        ArrayNode lines = body.putArray("lines");
        for (PricedLine l : p.lines()) {
            ObjectNode line = lines.addObject().put("sku", l.sku()).put("quantity", l.quantity());
            putU64(line, "unitPriceCents", l.unitPriceCents());
            putU64(line, "lineTotalCents", l.lineTotalCents());
            putU64(line, "discountCents", l.discountCents());
        }
        if (p.coupon().isPresent()) {
            body.put("coupon", p.coupon().get());
        } else {
            body.putNull("coupon");
        }
        putU64(body, "subtotalCents", p.subtotalCents());
        putU64(body, "discountCents", p.discountCents());
        putU64(body, "taxCents", p.taxCents());
        putU64(body, "totalCents", p.totalCents());
        ObjectNode reservation = body.putObject("reservation");
        reservation.put("id", r.reservationId());
        ArrayNode reserved = reservation.putArray("lines");
        for (ReservedLine l : r.lines()) {
            reserved.addObject()
                    .put("sku", l.sku())
                    .put("quantity", l.quantity())
                    .put("remaining", l.remaining());
        }
        putU64(reservation, "totalCents", r.totalCents());
        return body;
    }

    private static void putU64(ObjectNode node, String field, long value) {
        if (value >= 0) {
            node.put(field, value);
        } else {
            node.put(field, new BigInteger(Long.toUnsignedString(value)));
        }
    }

    private byte[] write(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
