package dev.spinmixed.tests.app.components;

import static dev.spinmixed.tests.app.components.Orders.pricedLine;
import static dev.spinmixed.tests.app.components.Orders.pricedOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.spinmixed.contracts.WitResult;
import dev.spinmixed.contracts.acme.inventory.Inventory;
import dev.spinmixed.contracts.acme.orders.types.PricedLine;
import dev.spinmixed.contracts.acme.orders.types.PricedOrder;
import dev.spinmixed.contracts.acme.orders.types.Rejection;
import dev.spinmixed.contracts.acme.orders.types.Reservation;
import dev.spinmixed.contracts.acme.orders.types.ReservedLine;
import dev.spinmixed.linker.Composition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AssemblyScript inventory component on Chicory: {@code reserve(priced-order) ->
 * result<reservation, rejection>}.
 */
class InventoryComponentTest {

    private static Composition inventory;

    @BeforeAll
    static void load() {
        inventory = AppComponents.alone("inventory", "inventory-component");
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    /** Through the typed facade generated from apps/wit. */
    private static WitResult<Reservation, Rejection> reserve(PricedOrder pricedOrder) {
        return Inventory.exportedBy(inventory).reserve(pricedOrder);
    }

    private static List<Problem> problems(List<PricedLine> lines) {
        return Problem.of(reserve(pricedOrder("order-1", lines, 100)), "reserve");
    }

    /**
     * The documented reservation id: "RSV-" and the 64-bit FNV-1a hash of the order id's UTF-8
     * bytes.
     */
    private static String reservationId(String orderId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : orderId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return "RSV-" + String.format(Locale.ROOT, "%016X", hash);
    }

    @Test
    void reservesEveryLineAndReportsWhatRemains() {
        PricedOrder sent =
                pricedOrder(
                        "order-42",
                        List.of(pricedLine("MUG-0001", 2, 1250), pricedLine("TEE-0002", 1, 1999)),
                        5354);
        Reservation expected =
                new Reservation(
                        "order-42",
                        reservationId("order-42"),
                        List.of(
                                new ReservedLine("MUG-0001", 2L, 118L),
                                new ReservedLine("TEE-0002", 1L, 79L)),
                        5354L);
        assertEquals(expected, Problem.ok(reserve(sent)));
    }

    @Test
    void reservationIdIsDeterministicPerOrder() {
        WitResult<Reservation, Rejection> first =
                reserve(pricedOrder("order-1", List.of(pricedLine("PEN-0005", 1, 100)), 100));
        WitResult<Reservation, Rejection> again =
                reserve(pricedOrder("order-1", List.of(pricedLine("PEN-0005", 3, 100)), 300));
        WitResult<Reservation, Rejection> other =
                reserve(pricedOrder("order-2", List.of(pricedLine("PEN-0005", 1, 100)), 100));
        assertEquals(Problem.ok(first).reservationId(), Problem.ok(again).reservationId());
        assertNotEquals(Problem.ok(first).reservationId(), Problem.ok(other).reservationId());
    }

    @Test
    void nonAsciiOrderIdsHashTheirUtf8Bytes() {
        Reservation reservation =
                Problem.ok(
                        reserve(
                                pricedOrder(
                                        "commande-été-😀",
                                        List.of(pricedLine("CAP-0003", 1, 100)),
                                        100)));
        assertEquals("commande-été-😀", reservation.orderId());
        assertEquals(reservationId("commande-été-😀"), reservation.reservationId());
    }

    @ParameterizedTest(name = "{0}: {1} in stock")
    @CsvSource({
        "MUG-0001, 120",
        "TEE-0002, 80",
        "CAP-0003, 40",
        "BAG-0004, 15",
        "PEN-0005, 500",
        "STK-0006, 10000"
    })
    void takesTheWholeStockOfEachSku(String sku, long stock) {
        Reservation reservation =
                Problem.ok(
                        reserve(pricedOrder("order-1", List.of(pricedLine(sku, stock, 1)), stock)));
        assertEquals(List.of(new ReservedLine(sku, stock, 0L)), reservation.lines());
        assertEquals(
                List.of(
                        new Problem(
                                "lines[0].quantity",
                                "only "
                                        + stock
                                        + " units of "
                                        + sku
                                        + " left in stock, "
                                        + (stock + 1)
                                        + " requested")),
                problems(List.of(pricedLine(sku, stock + 1, 1))));
    }

    @Test
    void soldOutSkuIsShort() {
        assertEquals(
                List.of(
                        new Problem(
                                "lines[0].quantity",
                                "only 0 units of BTL-0007 left in stock, 1 requested")),
                problems(List.of(pricedLine("BTL-0007", 1, 900))));
    }

    @Test
    void hugeQuantityIsShortNotAnOverflow() {
        assertEquals(
                List.of(
                        new Problem(
                                "lines[0].quantity",
                                "only 10000 units of STK-0006 left in stock, 4294967295"
                                        + " requested")),
                problems(List.of(pricedLine("STK-0006", 4294967295L, 1))));
    }

    @Test
    void linesOfOneSkuDrawOnTheSameStock() {
        Reservation reservation =
                Problem.ok(
                        reserve(
                                pricedOrder(
                                        "order-1",
                                        List.of(
                                                pricedLine("BAG-0004", 10, 100),
                                                pricedLine("BAG-0004", 5, 100)),
                                        1500)));
        assertEquals(
                List.of(
                        new ReservedLine("BAG-0004", 10L, 5L),
                        new ReservedLine("BAG-0004", 5L, 0L)),
                reservation.lines());
        assertEquals(
                List.of(
                        new Problem(
                                "lines[1].quantity",
                                "only 5 units of BAG-0004 left in stock, 6 requested")),
                problems(List.of(pricedLine("BAG-0004", 10, 100), pricedLine("BAG-0004", 6, 100))));
    }

    @Test
    void unknownSkuRejectsTheWholeOrder() {
        assertEquals(
                List.of(new Problem("lines[1].sku", "unknown SKU 'ZZZ-9999'")),
                problems(List.of(pricedLine("MUG-0001", 1, 100), pricedLine("ZZZ-9999", 1, 100))));
    }

    @Test
    void reportsEveryProblem() {
        assertEquals(
                List.of(
                        new Problem("lines[0].sku", "unknown SKU 'mug-0001'"),
                        new Problem(
                                "lines[1].quantity",
                                "only 0 units of BTL-0007 left in stock, 2 requested"),
                        new Problem("lines[3].sku", "unknown SKU ''")),
                problems(
                        List.of(
                                pricedLine("mug-0001", 1, 100),
                                pricedLine("BTL-0007", 2, 100),
                                pricedLine("PEN-0005", 1, 100),
                                pricedLine("", 1, 100))));
    }

    @Test
    void nothingToReserveWithoutLines() {
        assertEquals(
                List.of(new Problem("lines", "nothing to reserve: the order has no lines")),
                problems(List.of()));
    }

    @Test
    void aReservationDoesNotChangeTheStockSeenByTheNextCall() {
        for (int i = 0; i < 20; i++) {
            Reservation reservation =
                    Problem.ok(
                            reserve(
                                    pricedOrder(
                                            "order-" + i,
                                            List.of(pricedLine("BAG-0004", 15, 100)),
                                            1500)));
            assertEquals(List.of(new ReservedLine("BAG-0004", 15L, 0L)), reservation.lines());
        }
        assertEquals(1, inventory.liveInstanceSets(), "one pooled instance served every call");
    }
}
