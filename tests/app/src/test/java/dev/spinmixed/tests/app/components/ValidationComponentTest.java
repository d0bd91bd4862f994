package dev.spinmixed.tests.app.components;

import static dev.spinmixed.tests.app.components.Orders.line;
import static dev.spinmixed.tests.app.components.Orders.order;
import static dev.spinmixed.tests.app.components.Orders.withCoupon;
import static dev.spinmixed.tests.app.components.Orders.withCustomer;
import static dev.spinmixed.tests.app.components.Orders.withId;
import static dev.spinmixed.tests.app.components.Orders.withRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.acme.orders.types.Line;
import dev.spinmixed.contracts.acme.orders.types.Order;
import dev.spinmixed.contracts.acme.orders.types.Rejection;
import dev.spinmixed.contracts.acme.validation.Validation;
import dev.spinmixed.linker.Composition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The C validation component on Chicory: {@code validate(order) -> result<order, rejection>}. */
class ValidationComponentTest {

    private static Composition validation;

    @BeforeAll
    static void load() {
        validation = AppComponents.alone("validation", "validation-component");
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    /** Through the typed facade generated from apps/wit. */
    private static WitResult<Order, Rejection> validate(Order order) {
        return Validation.exportedBy(validation).validate(order);
    }

    private static List<Problem> problems(Order order) {
        return Problem.of(validate(order), "validate");
    }

    private static Order twoLines() {
        return order(List.of(line("MUG-0001", 2, 1250), line("TEE-0002", 1, 1999)));
    }

    @Test
    void validOrderComesBackNormalised() {
        Order sent =
                order(
                        "  order-7\t",
                        "  Ada Lovelace ",
                        " eu-de ",
                        List.of(line(" mug-0001 ", 2, 1250), line("tee-0002", 1, 1999)),
                        Optional.of(" save10 "));
        Order expected =
                order(
                        "order-7",
                        "Ada Lovelace",
                        "EU-DE",
                        List.of(line("MUG-0001", 2, 1250), line("TEE-0002", 1, 1999)),
                        Optional.of("SAVE10"));
        assertEquals(expected, Problem.ok(validate(sent)));
    }

    @Test
    void nonAsciiNamesPassUnchanged() {
        Order sent = withCustomer(twoLines(), " Zoë Ångström-Łukasiewicz 山田 😀 ");
        assertEquals("Zoë Ångström-Łukasiewicz 山田 😀", Problem.ok(validate(sent)).customer());
    }

    @Test
    void customerLengthCountsCharactersNotBytes() {
        String hundredChars = "é".repeat(99) + "😀";
        assertEquals(
                hundredChars,
                Problem.ok(validate(withCustomer(twoLines(), hundredChars))).customer());
        assertEquals(
                List.of(new Problem("customer", "must be at most 100 characters, got 101")),
                problems(withCustomer(twoLines(), hundredChars + "ß")));
    }

    @Test
    void missingCouponStaysMissing() {
        assertEquals(Optional.empty(), Problem.ok(validate(twoLines())).coupon());
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "|",
            value = {
                "''              | must not be empty",
                "'   '           | must not be empty",
                "order 1         | may contain only letters, digits, '-' and '_'",
                "order/1         | may contain only letters, digits, '-' and '_'",
                "bestellung-ü    | may contain only letters, digits, '-' and '_'",
            })
    void rejectsBadIds(String id, String reason) {
        assertEquals(List.of(new Problem("id", reason)), problems(withId(twoLines(), id)));
    }

    @Test
    void idLengthLimitIs64() {
        Problem.ok(validate(withId(twoLines(), "x".repeat(64))));
        assertEquals(
                List.of(new Problem("id", "must be at most 64 characters, got 65")),
                problems(withId(twoLines(), "x".repeat(65))));
    }

    @Test
    void rejectsAnEmptyCustomer() {
        assertEquals(
                List.of(new Problem("customer", "must not be empty")),
                problems(withCustomer(twoLines(), " ")));
    }

    /** Unicode's control category: C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F). */
    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f"})
    void rejectsControlCharactersInTheCustomer(String control) {
        assertEquals(
                List.of(new Problem("customer", "must not contain control characters")),
                problems(withCustomer(twoLines(), "Ada" + control + "Lovelace")));
    }

    /** The neighbours of the C1 block encode with the same lead byte (0xC2) and are letters. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\u00bf", "\u0100"})
    void acceptsCharactersBesideTheControlBlocks(String neighbour) {
        String customer = "Ada" + neighbour + "Lovelace";
        assertEquals(customer, Problem.ok(validate(withCustomer(twoLines(), customer))).customer());
    }

    @Test
    void regionIsTrimmedAndUpperCased() {
        assertEquals("US-CA", Problem.ok(validate(withRegion(twoLines(), " \tus-ca\n"))).region());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU", "EUDE", "EU_DE", "E1-DE", "EU-DEU"})
    void rejectsMalformedRegions(String region) {
        String normalised = region.toUpperCase();
        assertEquals(
                List.of(
                        new Problem(
                                "region",
                                "must look like EU-DE (two letters, a dash, two letters), got '"
                                        + normalised
                                        + "'")),
                problems(withRegion(twoLines(), region)));
    }

    @Test
    void rejectsUnknownRegions() {
        assertEquals(
                List.of(
                        new Problem(
                                "region",
                                "unknown region 'EU-XX'; known regions: EU-DE, EU-FR, EU-NL, US-CA,"
                                        + " US-NY, US-OR")),
                problems(withRegion(twoLines(), "eu-xx")));
    }

    @Test
    void rejectsAnOrderWithoutLines() {
        assertEquals(
                List.of(new Problem("lines", "must have at least one line")),
                problems(order(List.of())));
    }

    @Test
    void acceptsFiftyLinesAndRejectsFiftyOne() {
        List<Line> fifty =
                IntStream.range(0, 50)
                        .mapToObj(i -> line(String.format("PEN-%04d", i), 1, 100))
                        .toList();
        assertEquals(50, Problem.ok(validate(order(fifty))).lines().size());
        List<Line> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(line("PEN-0050", 1, 100));
        assertEquals(
                List.of(new Problem("lines", "must have at most 50 lines, got 51")),
                problems(order(fiftyOne)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"MUG0001", "MUG-001", "MU-00001", "MUG-00A1", "1UG-0001", "MÜG-0001", ""})
    void rejectsMalformedSkus(String sku) {
        assertEquals(
                List.of(
                        new Problem(
                                "lines[0].sku",
                                "must look like MUG-0001 (three letters, a dash, four digits), got"
                                        + " '"
                                        + sku
                                        + "'")),
                problems(order(List.of(line(sku, 1, 100)))));
    }

    @Test
    void rejectsDuplicateSkusAfterNormalising() {
        assertEquals(
                List.of(new Problem("lines[2].sku", "duplicate of lines[0].sku (MUG-0001)")),
                problems(
                        order(
                                List.of(
                                        line("MUG-0001", 1, 100),
                                        line("TEE-0002", 1, 100),
                                        line(" mug-0001", 1, 100)))));
    }

    @ParameterizedTest
    @CsvSource({"0", "10001", "4294967295"})
    void rejectsQuantitiesOutOfRange(long quantity) {
        assertEquals(
                List.of(
                        new Problem(
                                "lines[0].quantity",
                                "must be between 1 and 10000, got " + quantity)),
                problems(order(List.of(line("MUG-0001", quantity, 100)))));
    }

    @ParameterizedTest
    @CsvSource({"1", "10000"})
    void acceptsQuantityBounds(long quantity) {
        Problem.ok(validate(order(List.of(line("MUG-0001", quantity, 100)))));
    }

    @Test
    void checksUnitPriceBounds() {
        assertEquals(
                List.of(new Problem("lines[0].unit-price-cents", "must be greater than 0")),
                problems(order(List.of(line("MUG-0001", 1, 0)))));
        Problem.ok(validate(order(List.of(line("MUG-0001", 1, 10_000_000)))));
        assertEquals(
                List.of(
                        new Problem(
                                "lines[0].unit-price-cents",
                                "must be at most 10000000, got 10000001")),
                problems(order(List.of(line("MUG-0001", 1, 10_000_001)))));
        assertEquals(
                List.of(
                        new Problem(
                                "lines[0].unit-price-cents",
                                "must be at most 10000000, got 18446744073709551615")),
                problems(order(List.of(line("MUG-0001", 1, -1L)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "ABCDEFGHIJKLMNOPQRSTU", "SAVE-10", "SAVE 10", "", "ÜBER10"})
    void rejectsMalformedCoupons(String coupon) {
        assertEquals(
                List.of(
                        new Problem(
                                "coupon",
                                "must be 3 to 20 letters or digits, got '" + coupon + "'")),
                problems(withCoupon(twoLines(), Optional.of(coupon))));
    }

    @Test
    void reportsEveryProblemInFieldOrder() {
        Order bad =
                order(
                        "",
                        "",
                        "XX",
                        List.of(line("bad", 0, 0), line("BAD", 20000, 1)),
                        Optional.of("x"));
        assertEquals(
                List.of(
                        new Problem("id", "must not be empty"),
                        new Problem("customer", "must not be empty"),
                        new Problem(
                                "region",
                                "must look like EU-DE (two letters, a dash, two letters), got"
                                        + " 'XX'"),
                        new Problem(
                                "lines[0].sku",
                                "must look like MUG-0001 (three letters, a dash, four digits), got"
                                        + " 'BAD'"),
                        new Problem("lines[0].quantity", "must be between 1 and 10000, got 0"),
                        new Problem("lines[0].unit-price-cents", "must be greater than 0"),
                        new Problem(
                                "lines[1].sku",
                                "must look like MUG-0001 (three letters, a dash, four digits), got"
                                        + " 'BAD'"),
                        new Problem("lines[1].quantity", "must be between 1 and 10000, got 20000"),
                        new Problem("coupon", "must be 3 to 20 letters or digits, got 'X'")),
                problems(bad));
    }

    @Test
    void repeatedCallsOnOneInstanceGiveTheSameAnswer() {
        Order bad = order(List.of(line("MUG-0001", 0, 100)));
        List<Problem> first = problems(bad);
        for (int i = 0; i < 200; i++) {
            assertEquals(first, problems(bad));
            Problem.ok(validate(twoLines()));
        }
        assertEquals(1, validation.liveInstanceSets(), "one pooled instance served every call");
    }
}
