package dev.spinmixed.bench.java;

import java.util.List;
import java.util.Optional;

/**
 * The types of apps/wit/deps/orders/types.wit as plain Java records (u64 amounts held as their bit
 * pattern in a long).
 */
public final class Orders {

    private Orders() {}

    public record Line(String sku, long quantity, long unitPriceCents) {}

    public record Order(
            String id, String customer, String region, List<Line> lines, Optional<String> coupon) {}

    public record PricedLine(
            String sku,
            long quantity,
            long unitPriceCents,
            long lineTotalCents,
            long discountCents) {}

    public record PricedOrder(
            String orderId,
            String customer,
            String region,
            List<PricedLine> lines,
            Optional<String> coupon,
            long subtotalCents,
            long discountCents,
            long taxCents,
            long totalCents) {}

    public record ReservedLine(String sku, long quantity, long remaining) {}

    public record Reservation(
            String orderId, String reservationId, List<ReservedLine> lines, long totalCents) {}

    public record Problem(String field, String reason) {}

    /** A step's refusal: {@code step} is validate, price or reserve. */
    public record Rejection(String step, List<Problem> problems) {}

    /** {@code result<T, rejection>}: exactly one of the two is present. */
    public record Outcome<T>(Optional<T> ok, Optional<Rejection> rejection) {

        public static <T> Outcome<T> ok(T value) {
            return new Outcome<>(Optional.of(value), Optional.empty());
        }

        public static <T> Outcome<T> rejected(String step, List<Problem> problems) {
            return new Outcome<>(
                    Optional.empty(), Optional.of(new Rejection(step, List.copyOf(problems))));
        }
    }
}
