// The export of world acme:orders-app/inventory-component, flattened by hand.
//
// `reserve(priced-order) -> result<reservation, rejection>`: the priced order flattens to 15
// core values (order-id, customer, region, lines: ptr+len each; coupon: tag, ptr, len; four
// u64 amounts), under the 16-value limit, so it arrives as parameters; the result is returned
// through a pointer. AssemblyScript cannot spell `acme:inventory/inventory@0.1.0#reserve`, so the
// build renames `reserve` and `cabi_post_reserve` (apps/inventory/rename-exports.mjs).
import { PricedLine, PricedOrder, reserve as reserveStock } from "./inventory";
import { CallMemory, readString, writeString } from "./abi";

export { cabi_realloc } from "./abi";

/** `enum step { validate, price, reserve }` */
const STEP_RESERVE: u8 = 2;

// Canonical layouts (CanonicalABI.md): priced-line is 40 bytes, align 8
// (sku @0, quantity @8, unit-price-cents @16, line-total-cents @24, discount-cents @32);
// reserved-line is 16 bytes (sku @0, quantity @8, remaining @12); problem is 16 bytes
// (field @0, reason @8); result<reservation, rejection> is 40 bytes, align 8, discriminant
// @0 and payload @8 (reservation: order-id @0, reservation-id @8, lines @16, total-cents @24;
// rejection: step @0, problems @4).
const PRICED_LINE_SIZE: usize = 40;
const RESERVED_LINE_SIZE: usize = 16;
const PROBLEM_SIZE: usize = 16;
const RESULT_SIZE: usize = 40;
const PAYLOAD: usize = 8;

function readLines(ptr: usize, len: usize): PricedLine[] {
  const lines = new Array<PricedLine>();
  for (let i: usize = 0; i < len; i++) {
    const at = ptr + i * PRICED_LINE_SIZE;
    lines.push(
      new PricedLine(
        readString(load<u32>(at), load<u32>(at, 4)),
        load<u32>(at, 8),
        load<u64>(at, 16),
        load<u64>(at, 24),
        load<u64>(at, 32),
      ),
    );
  }
  return lines;
}

export function reserve(
  idPtr: usize, idLen: usize,
  customerPtr: usize, customerLen: usize,
  regionPtr: usize, regionLen: usize,
  linesPtr: usize, linesLen: usize,
  couponTag: u32, couponPtr: usize, couponLen: usize,
  subtotalCents: u64, discountCents: u64, taxCents: u64, totalCents: u64,
): usize {
  const order = new PricedOrder(
    readString(idPtr, idLen),
    readString(customerPtr, customerLen),
    readString(regionPtr, regionLen),
    readLines(linesPtr, linesLen),
    couponTag == 0 ? null : readString(couponPtr, couponLen),
    subtotalCents, discountCents, taxCents, totalCents,
  );
  const outcome = reserveStock(order);
  const result = CallMemory.alloc(RESULT_SIZE);
  const reservation = outcome.reservation;
  if (reservation != null) {
    store<u8>(result, 0);
    writeString(result + PAYLOAD, reservation.orderId);
    writeString(result + PAYLOAD + 8, reservation.reservationId);
    const lines = CallMemory.alloc(<usize>reservation.lines.length * RESERVED_LINE_SIZE);
    for (let i = 0; i < reservation.lines.length; i++) {
      const line = reservation.lines[i];
      const at = lines + <usize>i * RESERVED_LINE_SIZE;
      writeString(at, line.sku);
      store<u32>(at, line.quantity, 8);
      store<u32>(at, line.remaining, 12);
    }
    store<u32>(result + PAYLOAD, lines, 16);
    store<u32>(result + PAYLOAD, reservation.lines.length, 20);
    store<u64>(result + PAYLOAD, reservation.totalCents, 24);
  } else {
    store<u8>(result, 1);
    store<u8>(result + PAYLOAD, STEP_RESERVE);
    const problems = CallMemory.alloc(<usize>outcome.problems.length * PROBLEM_SIZE);
    for (let i = 0; i < outcome.problems.length; i++) {
      const at = problems + <usize>i * PROBLEM_SIZE;
      writeString(at, outcome.problems[i].field);
      writeString(at + 8, outcome.problems[i].reason);
    }
    store<u32>(result + PAYLOAD, problems, 4);
    store<u32>(result + PAYLOAD, outcome.problems.length, 8);
  }
  return result;
}

/** The host has copied the result out: free the call's arguments and result together. */
export function cabi_post_reserve(_result: usize): void {
  CallMemory.freeAll();
}
