package dev.spinmixed.bench.java;

import dev.spinmixed.bench.java.Orders.Outcome;
import dev.spinmixed.bench.java.Orders.PricedLine;
import dev.spinmixed.bench.java.Orders.PricedOrder;
import dev.spinmixed.bench.java.Orders.Problem;
import dev.spinmixed.bench.java.Orders.Reservation;
import dev.spinmixed.bench.java.Orders.ReservedLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inventory rules of apps/README.md in plain Java (the AssemblyScript component's twin); the
 * stock table is never written.
 */
public final class Inventory {

    private static final Map<String, Long> STOCK =
            Map.of(
                    "MUG-0001",
                    120L,
                    "TEE-0002",
                    80L,
                    "CAP-0003",
                    40L,
                    "BAG-0004",
                    15L,
                    "PEN-0005",
                    500L,
                    "STK-0006",
                    10_000L,
                    "BTL-0007",
                    0L);

    private Inventory() {}

    public static Outcome<Reservation> reserve(PricedOrder order) {
        List<Problem> problems = new ArrayList<>();
        if (order.lines().isEmpty()) {
            problems.add(new Problem("lines", "nothing to reserve: the order has no lines"));
        }
        Map<String, Long> taken = new HashMap<>();
        List<ReservedLine> reserved = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            PricedLine line = order.lines().get(i);
            Long inStock = STOCK.get(line.sku());
            if (inStock == null) {
                problems.add(
                        new Problem("lines[" + i + "].sku", "unknown SKU '" + line.sku() + "'"));
                continue;
            }
            long before = taken.getOrDefault(line.sku(), 0L);
            long after = before + line.quantity();
            taken.put(line.sku(), after);
            if (after > inStock) {
                problems.add(
                        new Problem(
                                "lines[" + i + "].quantity",
                                "only "
                                        + (inStock - Math.min(before, inStock))
                                        + " units of "
                                        + line.sku()
                                        + " left in stock, "
                                        + line.quantity()
                                        + " requested"));
                continue;
            }
            reserved.add(new ReservedLine(line.sku(), line.quantity(), inStock - after));
        }
        if (!problems.isEmpty()) {
            return Outcome.rejected("reserve", problems);
        }
        return Outcome.ok(
                new Reservation(
                        order.orderId(),
                        reservationId(order.orderId()),
                        reserved,
                        order.totalCents()));
    }

    /** {@code RSV-} + FNV-1a 64 of the order id's UTF-8 bytes, 16 upper-case hex digits. */
    static String reservationId(String orderId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : orderId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return "RSV-" + String.format(Locale.ROOT, "%016X", hash);
    }
}
