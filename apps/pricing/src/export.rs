//! Canonical ABI glue for `price: func(order: order) -> result<priced-order, rejection>`.
//!
//! The order flattens to 11 core values (id, customer, region, lines: ptr+len each; coupon:
//! tag, ptr, len), so it arrives as parameters. The result is more than one value, so the
//! export returns a pointer to it: `RETURN_AREA`, laid out as CanonicalABI.md specifies
//! (discriminant at 0, payload at 8 because priced-order holds u64s).
//!
//! Ownership: the host lowers the arguments through `cabi_realloc`, so they belong to this
//! module and are freed once copied. The result's strings and lists stay alive in `RETURNED`
//! until the host calls `cabi_post_…`, which drops them.

use std::alloc::{alloc, dealloc, realloc, Layout};
use std::mem::{align_of, size_of};

use crate::pricing::{self, Line, Order, PricedOrder, Problem};

#[repr(C)]
#[derive(Clone, Copy)]
struct RawStr {
    ptr: *const u8,
    len: usize,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct RawList<T> {
    ptr: *const T,
    len: usize,
}

#[repr(C)]
struct RawOptionStr {
    is_some: u8,
    value: RawStr,
}

#[repr(C)]
pub struct RawLine {
    sku: RawStr,
    quantity: u32,
    unit_price_cents: u64,
}

#[repr(C)]
struct RawPricedLine {
    sku: RawStr,
    quantity: u32,
    unit_price_cents: u64,
    line_total_cents: u64,
    discount_cents: u64,
}

#[repr(C)]
struct RawPricedOrder {
    order_id: RawStr,
    customer: RawStr,
    region: RawStr,
    lines: RawList<RawPricedLine>,
    coupon: RawOptionStr,
    subtotal_cents: u64,
    discount_cents: u64,
    tax_cents: u64,
    total_cents: u64,
}

#[repr(C)]
struct RawProblem {
    field: RawStr,
    reason: RawStr,
}

#[repr(C)]
struct RawRejection {
    step: u8,
    problems: RawList<RawProblem>,
}

#[repr(C)]
union RawPayload {
    ok: std::mem::ManuallyDrop<RawPricedOrder>,
    err: std::mem::ManuallyDrop<RawRejection>,
}

/// `result<priced-order, rejection>`.
#[repr(C)]
pub struct RawResult {
    is_err: u8,
    payload: RawPayload,
}

// The canonical layouts on wasm32 (sizes and alignments from CanonicalABI.md).
const _: () = assert!(size_of::<RawStr>() == 8 && align_of::<RawStr>() == 4);
const _: () = assert!(size_of::<RawOptionStr>() == 12);
const _: () = assert!(size_of::<RawLine>() == 24 && align_of::<RawLine>() == 8);
const _: () = assert!(size_of::<RawPricedLine>() == 40 && align_of::<RawPricedLine>() == 8);
const _: () = assert!(size_of::<RawPricedOrder>() == 80 && align_of::<RawPricedOrder>() == 8);
const _: () = assert!(size_of::<RawProblem>() == 16 && size_of::<RawRejection>() == 12);
const _: () = assert!(size_of::<RawResult>() == 88 && align_of::<RawResult>() == 8);

/// `enum step { validate, price, reserve }`
const STEP_PRICE: u8 = 1;

/// What a returned result points into, kept alive until post-return.
enum Returned {
    Priced(PricedOrder, Vec<RawPricedLine>),
    Rejected(Vec<Problem>, Vec<RawProblem>),
}

static mut RETURN_AREA: RawResult = RawResult {
    is_err: 0,
    payload: RawPayload { err: std::mem::ManuallyDrop::new(RawRejection { step: 0, problems: RawList { ptr: std::ptr::null(), len: 0 } }) },
};
static mut RETURNED: Option<Returned> = None;

#[no_mangle]
pub unsafe extern "C" fn cabi_realloc(old_ptr: *mut u8, old_size: usize, align: usize, new_size: usize) -> *mut u8 {
    if new_size == 0 {
        if old_size != 0 {
            dealloc(old_ptr, Layout::from_size_align_unchecked(old_size, align));
        }
        // A zero-sized value needs no storage, only a non-null, aligned address.
        return align as *mut u8;
    }
    let ptr = if old_size == 0 {
        alloc(Layout::from_size_align_unchecked(new_size, align))
    } else {
        realloc(old_ptr, Layout::from_size_align_unchecked(old_size, align), new_size)
    };
    if ptr.is_null() {
        std::process::abort();
    }
    ptr
}

/// Copies a lowered string out and frees it (it was allocated by `cabi_realloc`, align 1).
unsafe fn take_string(ptr: *mut u8, len: usize) -> String {
    if len == 0 {
        return String::new();
    }
    let text = String::from_utf8_lossy(std::slice::from_raw_parts(ptr, len)).into_owned();
    dealloc(ptr, Layout::from_size_align_unchecked(len, 1));
    text
}

unsafe fn take_lines(ptr: *mut RawLine, len: usize) -> Vec<Line> {
    if len == 0 {
        return Vec::new();
    }
    let lines = std::slice::from_raw_parts(ptr, len)
        .iter()
        .map(|raw| Line {
            sku: take_string(raw.sku.ptr as *mut u8, raw.sku.len),
            quantity: raw.quantity,
            unit_price_cents: raw.unit_price_cents,
        })
        .collect();
    dealloc(ptr as *mut u8, Layout::array::<RawLine>(len).unwrap());
    lines
}

fn raw_str(text: &str) -> RawStr {
    RawStr { ptr: text.as_ptr(), len: text.len() }
}

fn raw_list<T>(items: &[T]) -> RawList<T> {
    RawList { ptr: items.as_ptr(), len: items.len() }
}

fn raw_option(text: &Option<String>) -> RawOptionStr {
    match text {
        Some(text) => RawOptionStr { is_some: 1, value: raw_str(text) },
        None => RawOptionStr { is_some: 0, value: RawStr { ptr: std::ptr::null(), len: 0 } },
    }
}

fn lower_priced(order: &PricedOrder, lines: &[RawPricedLine]) -> RawResult {
    let raw = RawPricedOrder {
        order_id: raw_str(&order.order_id),
        customer: raw_str(&order.customer),
        region: raw_str(&order.region),
        lines: raw_list(lines),
        coupon: raw_option(&order.coupon),
        subtotal_cents: order.subtotal_cents,
        discount_cents: order.discount_cents,
        tax_cents: order.tax_cents,
        total_cents: order.total_cents,
    };
    RawResult { is_err: 0, payload: RawPayload { ok: std::mem::ManuallyDrop::new(raw) } }
}

fn lower_rejection(problems: &[RawProblem]) -> RawResult {
    let raw = RawRejection { step: STEP_PRICE, problems: raw_list(problems) };
    RawResult { is_err: 1, payload: RawPayload { err: std::mem::ManuallyDrop::new(raw) } }
}

#[export_name = "acme:orders/pricing@0.1.0#price"]
pub unsafe extern "C" fn export_price(
    id_ptr: *mut u8,
    id_len: usize,
    customer_ptr: *mut u8,
    customer_len: usize,
    region_ptr: *mut u8,
    region_len: usize,
    lines_ptr: *mut RawLine,
    lines_len: usize,
    coupon_tag: u32,
    coupon_ptr: *mut u8,
    coupon_len: usize,
) -> *const RawResult {
    let order = Order {
        id: take_string(id_ptr, id_len),
        customer: take_string(customer_ptr, customer_len),
        region: take_string(region_ptr, region_len),
        lines: take_lines(lines_ptr, lines_len),
        coupon: if coupon_tag == 0 { None } else { Some(take_string(coupon_ptr, coupon_len)) },
    };
    let returned = match pricing::price(order) {
        Ok(priced) => {
            let lines = priced
                .lines
                .iter()
                .map(|line| RawPricedLine {
                    sku: raw_str(&line.sku),
                    quantity: line.quantity,
                    unit_price_cents: line.unit_price_cents,
                    line_total_cents: line.line_total_cents,
                    discount_cents: line.discount_cents,
                })
                .collect();
            Returned::Priced(priced, lines)
        }
        Err(problems) => {
            let raw = problems.iter().map(|p| RawProblem { field: raw_str(&p.field), reason: raw_str(&p.reason) }).collect();
            Returned::Rejected(problems, raw)
        }
    };
    RETURN_AREA = match &returned {
        Returned::Priced(order, lines) => lower_priced(order, lines),
        Returned::Rejected(_, problems) => lower_rejection(problems),
    };
    // Moving a String or Vec does not move its heap buffer, so the pointers just lowered stay
    // valid while RETURNED keeps them alive, until post-return drops them.
    RETURNED = Some(returned);
    &RETURN_AREA
}

#[export_name = "cabi_post_acme:orders/pricing@0.1.0#price"]
pub unsafe extern "C" fn post_price(_result: *const RawResult) {
    RETURNED = None;
}
