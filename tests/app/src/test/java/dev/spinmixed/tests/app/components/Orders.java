package dev.spinmixed.tests.app.components;

import dev.spinmixed.contracts.acme.orders.types.Line;
import dev.spinmixed.contracts.acme.orders.types.Order;
import dev.spinmixed.contracts.acme.orders.types.PricedLine;
import dev.spinmixed.contracts.acme.orders.types.PricedOrder;
import java.util.List;
import java.util.Optional;

/** Values of acme:orders/types (the Java bindings generated from apps/wit), for test inputs. */
final class Orders {

    private Orders() {}

    static Line line(String sku, long quantity, long unitPriceCents) {
        return new Line(sku, quantity, unitPriceCents);
    }

    static Order order(
            String id, String customer, String region, List<Line> lines, Optional<String> coupon) {
        return new Order(id, customer, region, List.copyOf(lines), coupon);
    }

    /** A valid order of two lines, no coupon, to vary one field at a time. */
    static Order order(List<Line> lines) {
        return order("order-1", "Ada Lovelace", "EU-DE", lines, Optional.empty());
    }

    static Order withId(Order order, String id) {
        return order(id, order.customer(), order.region(), order.lines(), order.coupon());
    }

    static Order withCustomer(Order order, String customer) {
        return order(order.id(), customer, order.region(), order.lines(), order.coupon());
    }

    static Order withRegion(Order order, String region) {
        return order(order.id(), order.customer(), region, order.lines(), order.coupon());
    }

    static Order withCoupon(Order order, Optional<String> coupon) {
        return order(order.id(), order.customer(), order.region(), order.lines(), coupon);
    }

    static PricedLine pricedLine(String sku, long quantity, long unitPriceCents) {
        return new PricedLine(sku, quantity, unitPriceCents, quantity * unitPriceCents, 0L);
    }

    /** A priced order as inventory receives it; inventory reads the lines, id and total. */
    static PricedOrder pricedOrder(String orderId, List<PricedLine> lines, long totalCents) {
        return new PricedOrder(
                orderId,
                "Ada Lovelace",
                "EU-DE",
                List.copyOf(lines),
                Optional.empty(),
                totalCents,
                0L,
                0L,
                totalCents);
    }
}
