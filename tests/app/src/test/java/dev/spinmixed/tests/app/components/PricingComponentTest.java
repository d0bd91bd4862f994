package dev.spinmixed.tests.app.components;

import static dev.spinmixed.tests.app.components.Orders.line;
import static dev.spinmixed.tests.app.components.Orders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.acme.orders.types.Line;
import dev.spinmixed.contracts.acme.orders.types.Order;
import dev.spinmixed.contracts.acme.orders.types.PricedLine;
import dev.spinmixed.contracts.acme.orders.types.PricedOrder;
import dev.spinmixed.contracts.acme.orders.types.Rejection;
import dev.spinmixed.contracts.acme.pricing.Pricing;
import dev.spinmixed.linker.Composition;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Rust pricing component on Chicory: {@code price(order) -> result<priced-order, rejection>}.
 */
class PricingComponentTest {

    private static final long U64_MAX = -1L;
    private static final String U64_MAX_TEXT = "18446744073709551615";

    private static Composition pricing;

    @BeforeAll
    static void load() {
        pricing = AppComponents.alone("pricing", "pricing-component");
    }

    @AfterAll
    static void close() {
        pricing.close();
    }

    /** Through the typed facade generated from apps/wit. */
    private static WitResult<PricedOrder, Rejection> price(Order order) {
        return Pricing.exportedBy(pricing).price(order);
    }

    private static PricedOrder priced(String region, List<Line> lines, String coupon) {
        return Problem.ok(
                price(order("order-1", "Ada", region, lines, Optional.ofNullable(coupon))));
    }

    private static List<Problem> problems(String region, List<Line> lines, String coupon) {
        return Problem.of(
                price(order("order-1", "Ada", region, lines, Optional.ofNullable(coupon))),
                "price");
    }

    /** subtotal, discount, tax and total of a priced order. */
    private static List<Long> amounts(PricedOrder priced) {
        return List.of(
                priced.subtotalCents(),
                priced.discountCents(),
                priced.taxCents(),
                priced.totalCents());
    }

    @Test
    void pricesLinesAndAddsTax() {
        Order sent =
                order(
                        "order-9",
                        "Zoë Ångström",
                        "EU-DE",
                        List.of(line("MUG-0001", 2, 1250), line("TEE-0002", 1, 1999)),
                        Optional.empty());
        // 4499 * 19% = 854.81 -> 855
        PricedOrder expected =
                new PricedOrder(
                        "order-9",
                        "Zoë Ångström",
                        "EU-DE",
                        List.of(
                                new PricedLine("MUG-0001", 2L, 1250L, 2500L, 0L),
                                new PricedLine("TEE-0002", 1L, 1999L, 1999L, 0L)),
                        Optional.empty(),
                        4499L,
                        0L,
                        855L,
                        5354L);
        assertEquals(expected, Problem.ok(price(sent)));
    }

    @ParameterizedTest(name = "{0} units at 101 cents: line discount {1}")
    @CsvSource({"1, 0", "9, 0", "10, 50", "99, 499", "100, 1010", "10000, 101000"})
    void volumeDiscountByLineQuantity(long quantity, long discount) {
        PricedOrder priced = priced("US-OR", List.of(line("PEN-0005", quantity, 101)), null);
        PricedLine line = priced.lines().get(0);
        assertEquals(quantity * 101, line.lineTotalCents());
        assertEquals(discount, line.discountCents());
        assertEquals(
                List.of(quantity * 101, discount, 0L, quantity * 101 - discount), amounts(priced));
    }

    @ParameterizedTest(name = "{0}: taxable 1000 -> tax {1}")
    @CsvSource({"EU-DE, 190", "EU-FR, 200", "EU-NL, 210", "US-CA, 73", "US-NY, 40", "US-OR, 0"})
    void taxByRegionRoundedHalfUp(String region, long tax) {
        assertEquals(
                List.of(1000L, 0L, tax, 1000L + tax),
                amounts(priced(region, List.of(line("MUG-0001", 1, 1000)), null)));
    }

    @Test
    void taxRoundsHalfUpAndDown() {
        // 200 * 7.25% = 14.5 -> 15; 199 * 7.25% = 14.4275 -> 14
        assertEquals(
                15L, (long) priced("US-CA", List.of(line("MUG-0001", 1, 200)), null).taxCents());
        assertEquals(
                14L, (long) priced("US-CA", List.of(line("MUG-0001", 1, 199)), null).taxCents());
    }

    @Test
    void save10TakesTenPercentFrom5000CentsAfterVolumeDiscounts() {
        assertEquals(
                List.of(5000L, 500L, 0L, 4500L),
                amounts(priced("US-OR", List.of(line("MUG-0001", 1, 5000)), "SAVE10")));
        assertEquals(
                List.of(
                        new Problem(
                                "coupon",
                                "SAVE10 needs at least 5000 cents after volume discounts, got"
                                        + " 4999")),
                problems("US-OR", List.of(line("MUG-0001", 1, 4999)), "SAVE10"));
        // 10 x 500 = 5000, minus 5% volume discount = 4750: below the threshold.
        assertEquals(
                List.of(
                        new Problem(
                                "coupon",
                                "SAVE10 needs at least 5000 cents after volume discounts, got"
                                        + " 4750")),
                problems("US-OR", List.of(line("MUG-0001", 10, 500)), "SAVE10"));
    }

    @Test
    void welcome5Takes500CentsFrom2000Cents() {
        assertEquals(
                List.of(2000L, 500L, 0L, 1500L),
                amounts(priced("US-OR", List.of(line("MUG-0001", 1, 2000)), "WELCOME5")));
        assertEquals(
                List.of(
                        new Problem(
                                "coupon",
                                "WELCOME5 needs at least 2000 cents after volume discounts, got"
                                        + " 1999")),
                problems("US-OR", List.of(line("MUG-0001", 1, 1999)), "WELCOME5"));
    }

    @Test
    void bulk15Takes15PercentFrom50Units() {
        // 25 + 25 units at 100: 5000, volume 2 x 125 = 250, 15% of 4750 = 712 (rounded down), tax
        // EU-NL 21% of 4038 = 848
        assertEquals(
                List.of(5000L, 962L, 848L, 4886L),
                amounts(
                        priced(
                                "EU-NL",
                                List.of(line("MUG-0001", 25, 100), line("TEE-0002", 25, 100)),
                                "BULK15")));
        assertEquals(
                List.of(new Problem("coupon", "BULK15 needs at least 50 units, got 49")),
                problems(
                        "EU-NL",
                        List.of(line("MUG-0001", 25, 100), line("TEE-0002", 24, 100)),
                        "BULK15"));
    }

    @Test
    void rejectsUnknownCouponAndRegionTogether() {
        assertEquals(
                List.of(
                        new Problem(
                                "region",
                                "no tax rate for region 'XX-YY'; known regions: EU-DE, EU-FR,"
                                        + " EU-NL, US-CA, US-NY, US-OR"),
                        new Problem(
                                "coupon",
                                "unknown coupon 'FREEBIE'; known coupons: SAVE10, WELCOME5,"
                                        + " BULK15")),
                problems("XX-YY", List.of(line("MUG-0001", 1, 100)), "FREEBIE"));
    }

    @Test
    void lineTotalOverflowIsARejectionNotAWrapAround() {
        long twoTo63 = Long.MIN_VALUE;
        assertEquals(
                List.of(
                        new Problem(
                                "lines[1]",
                                "line total overflows: 10 x 9223372036854775808 cents exceeds "
                                        + U64_MAX_TEXT)),
                problems(
                        "EU-DE",
                        List.of(line("MUG-0001", 1, 100), line("TEE-0002", 10, twoTo63)),
                        null));
    }

    @Test
    void subtotalOverflowIsARejection() {
        long twoTo63 = Long.MIN_VALUE;
        assertEquals(
                List.of(
                        new Problem(
                                "subtotal-cents", "sum of line totals exceeds " + U64_MAX_TEXT)),
                problems(
                        "EU-DE",
                        List.of(line("MUG-0001", 1, twoTo63), line("TEE-0002", 1, twoTo63)),
                        null));
    }

    @Test
    void totalOverflowWithTaxIsARejection() {
        BigInteger taxable = new BigInteger(U64_MAX_TEXT).subtract(BigInteger.TEN);
        BigInteger tax =
                taxable.multiply(BigInteger.valueOf(1900))
                        .add(BigInteger.valueOf(5000))
                        .divide(BigInteger.valueOf(10000));
        assertEquals(
                List.of(
                        new Problem(
                                "total-cents",
                                taxable
                                        + " cents plus "
                                        + tax
                                        + " cents tax exceeds "
                                        + U64_MAX_TEXT)),
                problems("EU-DE", List.of(line("MUG-0001", 1, taxable.longValue())), null));
    }

    @Test
    void largestTotalThatFits() {
        assertEquals(
                List.of(U64_MAX, 0L, 0L, U64_MAX),
                amounts(priced("US-OR", List.of(line("MUG-0001", 1, U64_MAX)), null)));
    }

    @Test
    void orderWithoutLinesPricesToZero() {
        assertEquals(List.of(0L, 0L, 0L, 0L), amounts(priced("EU-DE", List.of(), null)));
    }

    @Test
    void keepsTheCoupon() {
        assertEquals(
                Optional.of("SAVE10"),
                priced("US-OR", List.of(line("MUG-0001", 1, 5000)), "SAVE10").coupon());
    }
}
