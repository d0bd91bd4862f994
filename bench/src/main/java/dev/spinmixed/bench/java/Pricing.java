package dev.spinmixed.bench.java;

import dev.spinmixed.bench.java.Orders.Line;
import dev.spinmixed.bench.java.Orders.Order;
import dev.spinmixed.bench.java.Orders.Outcome;
import dev.spinmixed.bench.java.Orders.PricedLine;
import dev.spinmixed.bench.java.Orders.PricedOrder;
import dev.spinmixed.bench.java.Orders.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pricing rules of apps/README.md in plain Java (the Rust component's twin). Amounts are u64:
 * products and sums are checked for u64 overflow, as the Rust code checks them.
 */
public final class Pricing {

    private static final Map<String, Long> TAX_BASIS_POINTS =
            Map.of(
                    "EU-DE", 1900L, "EU-FR", 2000L, "EU-NL", 2100L, "US-CA", 725L, "US-NY", 400L,
                    "US-OR", 0L);
    private static final String KNOWN_COUPONS = "SAVE10, WELCOME5, BULK15";
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Pricing() {}

    public static Outcome<PricedOrder> price(Order order) {
        List<Problem> problems = new ArrayList<>();
        Long rate = TAX_BASIS_POINTS.get(order.region());
        if (rate == null) {
            problems.add(
                    new Problem(
                            "region",
                            "no tax rate for region '"
                                    + order.region()
                                    + "'; known regions: "
                                    + Validation.KNOWN_REGIONS));
        }
        Optional<String> coupon = order.coupon();
        boolean knownCoupon =
                coupon.map(c -> c.equals("SAVE10") || c.equals("WELCOME5") || c.equals("BULK15"))
                        .orElse(true);
        if (!knownCoupon) {
            problems.add(
                    new Problem(
                            "coupon",
                            "unknown coupon '"
                                    + coupon.get()
                                    + "'; known coupons: "
                                    + KNOWN_COUPONS));
        }
        List<PricedLine> lines = new ArrayList<>();
        long subtotalCents = 0;
        boolean subtotalOverflows = false;
        for (int i = 0; i < order.lines().size(); i++) {
            Line line = order.lines().get(i);
            long quantity = line.quantity();
            if (quantity != 0
                    && Long.compareUnsigned(
                                    line.unitPriceCents(), Long.divideUnsigned(-1L, quantity))
                            > 0) {
                problems.add(
                        new Problem(
                                "lines[" + i + "]",
                                "line total overflows: "
                                        + quantity
                                        + " x "
                                        + Long.toUnsignedString(line.unitPriceCents())
                                        + " cents exceeds "
                                        + U64_MAX));
                continue;
            }
            long total = line.unitPriceCents() * quantity;
            lines.add(
                    new PricedLine(
                            line.sku(),
                            quantity,
                            line.unitPriceCents(),
                            total,
                            percentOf(total, volumeDiscountPercent(quantity))));
            long sum = subtotalCents + total;
            subtotalOverflows |= Long.compareUnsigned(sum, subtotalCents) < 0;
            subtotalCents = sum;
        }
        if (lines.size() == order.lines().size() && subtotalOverflows) {
            problems.add(new Problem("subtotal-cents", "sum of line totals exceeds " + U64_MAX));
        }
        if (!problems.isEmpty()) {
            return Outcome.rejected("price", problems);
        }
        long volumeDiscount = lines.stream().mapToLong(PricedLine::discountCents).sum();
        long afterVolume = subtotalCents - volumeDiscount;
        long units = lines.stream().mapToLong(PricedLine::quantity).sum();
        long couponOff = 0;
        if (coupon.isPresent()) {
            String code = coupon.get();
            String refusal =
                    switch (code) {
                        case "SAVE10" ->
                                Long.compareUnsigned(afterVolume, 5000) >= 0
                                        ? null
                                        : "SAVE10 needs at least 5000 cents after volume discounts,"
                                                + " got "
                                                + Long.toUnsignedString(afterVolume);
                        case "WELCOME5" ->
                                Long.compareUnsigned(afterVolume, 2000) >= 0
                                        ? null
                                        : "WELCOME5 needs at least 2000 cents after volume"
                                                + " discounts, got "
                                                + Long.toUnsignedString(afterVolume);
                        default ->
                                units >= 50 ? null : "BULK15 needs at least 50 units, got " + units;
                    };
            if (refusal != null) {
                return Outcome.rejected("price", List.of(new Problem("coupon", refusal)));
            }
            couponOff =
                    switch (code) {
                        case "SAVE10" -> percentOf(afterVolume, 10);
                        case "WELCOME5" -> 500;
                        default -> percentOf(afterVolume, 15);
                    };
        }
        long discount = volumeDiscount + couponOff;
        long taxable = subtotalCents - discount;
        long tax = taxOf(taxable, rate);
        long total = taxable + tax;
        if (Long.compareUnsigned(total, taxable) < 0) {
            return Outcome.rejected(
                    "price",
                    List.of(
                            new Problem(
                                    "total-cents",
                                    Long.toUnsignedString(taxable)
                                            + " cents plus "
                                            + tax
                                            + " cents tax exceeds "
                                            + U64_MAX)));
        }
        return Outcome.ok(
                new PricedOrder(
                        order.id(),
                        order.customer(),
                        order.region(),
                        lines,
                        coupon,
                        subtotalCents,
                        discount,
                        tax,
                        total));
    }

    private static long volumeDiscountPercent(long quantity) {
        return quantity >= 100 ? 10 : quantity >= 10 ? 5 : 0;
    }

    /**
     * amount x percent / 100 rounded down, in 128-bit arithmetic as Rust does (BigInteger only for
     * amounts too large for a long product).
     */
    private static long percentOf(long amount, long percent) {
        if (amount >= 0 && amount <= Long.MAX_VALUE / 100) {
            return amount * percent / 100;
        }
        return unsigned(amount)
                .multiply(BigInteger.valueOf(percent))
                .divide(BigInteger.valueOf(100))
                .longValue();
    }

    /** taxable x basis points / 10000, rounded half up. */
    private static long taxOf(long taxable, long basisPoints) {
        if (taxable >= 0 && taxable <= (Long.MAX_VALUE - 5000) / 10_000) {
            return (taxable * basisPoints + 5000) / 10_000;
        }
        return unsigned(taxable)
                .multiply(BigInteger.valueOf(basisPoints))
                .add(BigInteger.valueOf(5000))
                .divide(BigInteger.valueOf(10_000))
                .longValue();
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }
}
