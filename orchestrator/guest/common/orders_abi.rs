//! Canonical ABI layouts of the `acme:orders/types@0.1.0` records, lowered by hand: the readers
//! (`take_*`, for records the other side allocated for us) and writers (`lower_*`, `store_*`, for
//! records we lend the other side) of every Rust guest, importer (orchestrator, relays) or exporter
//! (pricing).
//!
//! Sizes and offsets (CanonicalABI.md: a record's fields are laid out in order, each at its own
//! alignment; string and list = (ptr u32, len u32), align 4; option/result/enum = u8
//! discriminant, then the payload at the payload's alignment):
//!   line           24 bytes, align 8: sku @0, quantity @8, unit-price-cents @16
//!   order          44 bytes, align 4: id @0, customer @8, region @16, lines @24, coupon @32 (disc, ptr @36, len @40)
//!   priced-line    40 bytes, align 8: sku @0, quantity @8, unit-price @16, line-total @24, discount @32
//!   priced-order   80 bytes, align 8: order-id @0, customer @8, region @16, lines @24, coupon @32,
//!                  subtotal @48, discount @56, tax @64, total @72
//!   reserved-line  16 bytes, align 4: sku @0, quantity @8, remaining @12
//!   reservation    32 bytes, align 8: order-id @0, reservation-id @8, lines @16, total-cents @24
//!   problem        16 bytes, align 4: field @0, reason @8
//!   rejection      12 bytes, align 4: step @0, problems @4
//!   result<order, rejection>        48 bytes, payload @4
//!   result<priced-order, rejection> 88 bytes, payload @8
//!   result<reservation, rejection>  40 bytes, payload @8

use crate::abi::{load_u32, load_u64, load_u8, take_list, take_list_at, take_string_at, AlignedBuffer};
use crate::orders::{Line, Order, PricedLine, PricedOrder, Problem, Rejection, Reservation, ReservedLine, Step};

const LINE_SIZE: usize = 24;
const PRICED_LINE_SIZE: usize = 40;
const RESERVED_LINE_SIZE: usize = 16;
const PROBLEM_SIZE: usize = 16;

/// A `result<T, rejection>` in memory: its size, where its payload starts (discriminant at 0),
/// and how to take its `ok` payload.
pub struct ResultLayout<T> {
    pub size: usize,
    pub payload_offset: usize,
    pub take_ok: unsafe fn(usize) -> T,
}

pub const ORDER_RESULT: ResultLayout<Order> = ResultLayout { size: 48, payload_offset: 4, take_ok: take_order };
pub const PRICED_ORDER_RESULT: ResultLayout<PricedOrder> =
    ResultLayout { size: 88, payload_offset: 8, take_ok: take_priced_order };
pub const RESERVATION_RESULT: ResultLayout<Reservation> =
    ResultLayout { size: 40, payload_offset: 8, take_ok: take_reservation };

/// The `lines` list of an order, lowered into Rust-owned memory for one import call; its strings
/// point into the order, which must outlive the call.
pub fn lower_lines(lines: &[Line]) -> AlignedBuffer {
    let mut buffer = AlignedBuffer::new(lines.len() * LINE_SIZE);
    for (i, line) in lines.iter().enumerate() {
        let at = i * LINE_SIZE;
        buffer.put_str(at, &line.sku);
        buffer.put_u32(at + 8, line.quantity);
        buffer.put_u64(at + 16, line.unit_price_cents);
    }
    buffer
}

pub fn lower_priced_lines(lines: &[PricedLine]) -> AlignedBuffer {
    let mut buffer = AlignedBuffer::new(lines.len() * PRICED_LINE_SIZE);
    for (i, line) in lines.iter().enumerate() {
        let at = i * PRICED_LINE_SIZE;
        buffer.put_str(at, &line.sku);
        buffer.put_u32(at + 8, line.quantity);
        buffer.put_u64(at + 16, line.unit_price_cents);
        buffer.put_u64(at + 24, line.line_total_cents);
        buffer.put_u64(at + 32, line.discount_cents);
    }
    buffer
}

pub fn lower_problems(problems: &[Problem]) -> AlignedBuffer {
    let mut buffer = AlignedBuffer::new(problems.len() * PROBLEM_SIZE);
    for (i, problem) in problems.iter().enumerate() {
        let at = i * PROBLEM_SIZE;
        buffer.put_str(at, &problem.field);
        buffer.put_str(at + 8, &problem.reason);
    }
    buffer
}

/// `none` is the zeroed discriminant an `AlignedBuffer` starts with.
fn store_option_string(buffer: &mut AlignedBuffer, at: usize, value: &Option<String>) {
    if let Some(text) = value {
        buffer.put_u8(at, 1);
        buffer.put_str(at + 4, text);
    }
}

/// Stores the priced order at `at`: its strings point into `order`, its lines into `lines` (from
/// `lower_priced_lines`); both must outlive the buffer's use.
pub fn store_priced_order(buffer: &mut AlignedBuffer, at: usize, order: &PricedOrder, lines: &AlignedBuffer) {
    buffer.put_str(at, &order.order_id);
    buffer.put_str(at + 8, &order.customer);
    buffer.put_str(at + 16, &order.region);
    buffer.put_list(at + 24, lines, order.lines.len());
    store_option_string(buffer, at + 32, &order.coupon);
    buffer.put_u64(at + 48, order.subtotal_cents);
    buffer.put_u64(at + 56, order.discount_cents);
    buffer.put_u64(at + 64, order.tax_cents);
    buffer.put_u64(at + 72, order.total_cents);
}

/// Stores the rejection at `at`: its problems lowered into `problems` (from `lower_problems`).
pub fn store_rejection(buffer: &mut AlignedBuffer, at: usize, rejection: &Rejection, problems: &AlignedBuffer) {
    let step = match rejection.step {
        Step::Validate => 0,
        Step::Price => 1,
        Step::Reserve => 2,
    };
    buffer.put_u8(at, step);
    buffer.put_list(at + 4, problems, rejection.problems.len());
}

/// The flat (disc, ptr, len) of an `option<string>` parameter.
pub fn flat_option_string(value: &Option<String>) -> (i32, usize, usize) {
    match value {
        Some(text) => (1, text.as_ptr() as usize, text.len()),
        None => (0, 0, 0),
    }
}

unsafe fn take_option_string(addr: usize) -> Option<String> {
    match load_u8(addr) {
        0 => None,
        1 => Some(take_string_at(addr + 4)),
        other => panic!("invalid option discriminant {}", other),
    }
}

unsafe fn take_line(addr: usize) -> Line {
    Line { sku: take_string_at(addr), quantity: load_u32(addr + 8), unit_price_cents: load_u64(addr + 16) }
}

/// Takes ownership of the `list<line>` of `len` lines at `ptr` (a flat `lines` parameter).
pub unsafe fn take_lines(ptr: usize, len: usize) -> Vec<Line> {
    take_list(ptr, len, LINE_SIZE, 8, take_line)
}

pub unsafe fn take_order(addr: usize) -> Order {
    Order {
        id: take_string_at(addr),
        customer: take_string_at(addr + 8),
        region: take_string_at(addr + 16),
        lines: take_list_at(addr + 24, LINE_SIZE, 8, take_line),
        coupon: take_option_string(addr + 32),
    }
}

unsafe fn take_priced_line(addr: usize) -> PricedLine {
    PricedLine {
        sku: take_string_at(addr),
        quantity: load_u32(addr + 8),
        unit_price_cents: load_u64(addr + 16),
        line_total_cents: load_u64(addr + 24),
        discount_cents: load_u64(addr + 32),
    }
}

pub unsafe fn take_priced_order(addr: usize) -> PricedOrder {
    PricedOrder {
        order_id: take_string_at(addr),
        customer: take_string_at(addr + 8),
        region: take_string_at(addr + 16),
        lines: take_list_at(addr + 24, PRICED_LINE_SIZE, 8, take_priced_line),
        coupon: take_option_string(addr + 32),
        subtotal_cents: load_u64(addr + 48),
        discount_cents: load_u64(addr + 56),
        tax_cents: load_u64(addr + 64),
        total_cents: load_u64(addr + 72),
    }
}

unsafe fn take_reserved_line(addr: usize) -> ReservedLine {
    ReservedLine { sku: take_string_at(addr), quantity: load_u32(addr + 8), remaining: load_u32(addr + 12) }
}

pub unsafe fn take_reservation(addr: usize) -> Reservation {
    Reservation {
        order_id: take_string_at(addr),
        reservation_id: take_string_at(addr + 8),
        lines: take_list_at(addr + 16, RESERVED_LINE_SIZE, 4, take_reserved_line),
        total_cents: load_u64(addr + 24),
    }
}

unsafe fn take_problem(addr: usize) -> Problem {
    Problem { field: take_string_at(addr), reason: take_string_at(addr + 8) }
}

unsafe fn take_rejection(addr: usize) -> Rejection {
    let step = match load_u8(addr) {
        0 => Step::Validate,
        1 => Step::Price,
        2 => Step::Reserve,
        other => panic!("invalid step discriminant {}", other),
    };
    Rejection { step, problems: take_list_at(addr + 4, PROBLEM_SIZE, 4, take_problem) }
}

/// Takes a `result<T, rejection>` laid out as `layout` says; strings and lists in it were
/// allocated for us by the callee and are freed once copied.
pub unsafe fn take_result<T>(addr: usize, layout: &ResultLayout<T>) -> Result<T, Rejection> {
    match load_u8(addr) {
        0 => Ok((layout.take_ok)(addr + layout.payload_offset)),
        1 => Err(take_rejection(addr + layout.payload_offset)),
        other => panic!("invalid result discriminant {}", other),
    }
}
