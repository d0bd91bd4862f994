// Stock reservation, all or nothing, against the stock table this component holds.
//
// Spin gives every request a fresh instance, so a reservation never changes the table seen
// by the next request; to keep every host (Spin, the JVM pool, Node) answering alike, a call
// never writes the table either: `remaining` is what the table would hold after this order.

import {
  PricedOrder,
  Problem,
  Rejection,
  Reservation,
  ReservedLine,
  ResultReservationRejection,
  Step,
} from "./bindings";

/** Units in stock per SKU: the catalogue of apps/README.md. */
const STOCK = new Map<string, u32>();
STOCK.set("MUG-0001", 120);
STOCK.set("TEE-0002", 80);
STOCK.set("CAP-0003", 40);
STOCK.set("BAG-0004", 15);
STOCK.set("PEN-0005", 500);
STOCK.set("STK-0006", 10000);
STOCK.set("BTL-0007", 0);

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`: the same order id always gets the same reservation id. */
function fnv1a64(text: string): u64 {
  const bytes = Uint8Array.wrap(String.UTF8.encode(text));
  let hash: u64 = 0xcbf29ce484222325;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= <u64>bytes[i];
    hash *= 0x100000001b3;
  }
  return hash;
}

export function reservationId(orderId: string): string {
  return "RSV-" + fnv1a64(orderId).toString(16).padStart(16, "0").toUpperCase();
}

/** `reserve: func(order: priced-order) -> result<reservation, rejection>` */
export function reserve(order: PricedOrder): ResultReservationRejection {
  const problems = new Array<Problem>();
  if (order.lines.length == 0) {
    problems.push(new Problem("lines", "nothing to reserve: the order has no lines"));
  }
  // Units this order takes per SKU so far, so two lines of one SKU draw on the same stock.
  const taken = new Map<string, u64>();
  const reserved = new Array<ReservedLine>();
  for (let i = 0; i < order.lines.length; i++) {
    const line = order.lines[i];
    if (!STOCK.has(line.sku)) {
      problems.push(new Problem(`lines[${i}].sku`, `unknown SKU '${line.sku}'`));
      continue;
    }
    const inStock = <u64>STOCK.get(line.sku);
    const before: u64 = taken.has(line.sku) ? taken.get(line.sku) : 0;
    const after = before + <u64>line.quantity;
    taken.set(line.sku, after);
    if (after > inStock) {
      problems.push(
        new Problem(
          `lines[${i}].quantity`,
          `only ${inStock - min(before, inStock)} units of ${line.sku} left in stock, ${line.quantity} requested`,
        ),
      );
      continue;
    }
    reserved.push(new ReservedLine(line.sku, line.quantity, <u32>(inStock - after)));
  }
  if (problems.length > 0) {
    return ResultReservationRejection.err(new Rejection(Step.Reserve, problems));
  }
  return ResultReservationRejection.ok(
    new Reservation(order.orderId, reservationId(order.orderId), reserved, order.totalCents),
  );
}
