package dev.spinmixed.app.tests;

import dev.spinmixed.abi.Record;
import java.util.List;
import java.util.Optional;

/** WIT values of acme:orders/types in the contract library's value model, for test inputs. */
final class Orders {

    private Orders() {}

    static Record line(String sku, long quantity, long unitPriceCents) {
        return Record.of("sku", sku, "quantity", quantity, "unit-price-cents", unitPriceCents);
    }

    static Record order(
            String id,
            String customer,
            String region,
            List<Record> lines,
            Optional<String> coupon) {
        return Record.of(
                "id",
                id,
                "customer",
                customer,
                "region",
                region,
                "lines",
                List.copyOf(lines),
                "coupon",
                coupon.map(c -> (Object) c));
    }

    /** A valid order of two lines, no coupon, to vary one field at a time. */
    static Record order(List<Record> lines) {
        return order("order-1", "Ada Lovelace", "EU-DE", lines, Optional.empty());
    }

    static Record pricedLine(String sku, long quantity, long unitPriceCents) {
        return Record.of(
                "sku",
                sku,
                "quantity",
                quantity,
                "unit-price-cents",
                unitPriceCents,
                "line-total-cents",
                quantity * unitPriceCents,
                "discount-cents",
                0L);
    }

    /** A priced order as inventory receives it; inventory reads the lines, id and total. */
    static Record pricedOrder(String orderId, List<Record> lines, long totalCents) {
        return Record.of(
                "order-id",
                orderId,
                "customer",
                "Ada Lovelace",
                "region",
                "EU-DE",
                "lines",
                List.copyOf(lines),
                "coupon",
                Optional.empty(),
                "subtotal-cents",
                totalCents,
                "discount-cents",
                0L,
                "tax-cents",
                0L,
                "total-cents",
                totalCents);
    }

    /** {@code record} with one field replaced. */
    static Record with(Record record, String field, Object value) {
        Object[] pairs = new Object[record.names().size() * 2];
        for (int i = 0; i < record.names().size(); i++) {
            String name = record.names().get(i);
            pairs[2 * i] = name;
            pairs[2 * i + 1] = name.equals(field) ? value : record.values().get(i);
        }
        if (!record.has(field)) {
            throw new IllegalArgumentException("record has no field " + field);
        }
        return Record.of(pairs);
    }
}
