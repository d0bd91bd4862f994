//! The imported step interfaces: `acme:validation/validation`, `acme:pricing/pricing`, `acme:inventory/inventory`.
//!
//! Each step takes its record as flat parameters (at most 16, so no argument area) and writes
//! `result<T, rejection>` to a trailing return area (CanonicalABI.md: more than one flat result).
//! A guest links only the imports it calls.

use crate::abi::AlignedBuffer;
use crate::orders::{Order, PricedOrder, Rejection, Reservation};
use crate::orders_abi::{
    flat_option_string, lower_lines, lower_priced_lines, take_result, ResultLayout, ORDER_RESULT, PRICED_ORDER_RESULT,
    RESERVATION_RESULT,
};

/// An import `func(order: order) -> result<T, rejection>`: the order flattens to 11 values
/// (id, customer, region, lines: ptr+len each; coupon: disc, ptr, len), then the return area.
type OrderImport = unsafe extern "C" fn(
    usize, usize, usize, usize, usize, usize, usize, usize, i32, usize, usize, usize,
);

#[link(wasm_import_module = "acme:validation/validation@0.1.0")]
extern "C" {
    #[link_name = "validate"]
    fn validate_import(
        id_ptr: usize, id_len: usize, customer_ptr: usize, customer_len: usize, region_ptr: usize,
        region_len: usize, lines_ptr: usize, lines_len: usize, coupon_disc: i32, coupon_ptr: usize,
        coupon_len: usize, result_area: usize,
    );
}

#[link(wasm_import_module = "acme:pricing/pricing@0.1.0")]
extern "C" {
    #[link_name = "price"]
    fn price_import(
        id_ptr: usize, id_len: usize, customer_ptr: usize, customer_len: usize, region_ptr: usize,
        region_len: usize, lines_ptr: usize, lines_len: usize, coupon_disc: i32, coupon_ptr: usize,
        coupon_len: usize, result_area: usize,
    );
}

#[link(wasm_import_module = "acme:inventory/inventory@0.1.0")]
extern "C" {
    /// The priced order flattens to 15 values: the order's 11, then its 4 u64 amounts.
    #[link_name = "reserve"]
    fn reserve_import(
        order_id_ptr: usize, order_id_len: usize, customer_ptr: usize, customer_len: usize,
        region_ptr: usize, region_len: usize, lines_ptr: usize, lines_len: usize, coupon_disc: i32,
        coupon_ptr: usize, coupon_len: usize, subtotal_cents: u64, discount_cents: u64, tax_cents: u64,
        total_cents: u64, result_area: usize,
    );
}

pub fn validate(order: &Order) -> Result<Order, Rejection> {
    call_with_order(validate_import, order, &ORDER_RESULT)
}

pub fn price(order: &Order) -> Result<PricedOrder, Rejection> {
    call_with_order(price_import, order, &PRICED_ORDER_RESULT)
}

pub fn reserve(order: &PricedOrder) -> Result<Reservation, Rejection> {
    let lines = lower_priced_lines(&order.lines);
    let (coupon_disc, coupon_ptr, coupon_len) = flat_option_string(&order.coupon);
    let result_area = AlignedBuffer::new(RESERVATION_RESULT.size);
    unsafe {
        reserve_import(
            order.order_id.as_ptr() as usize, order.order_id.len(), order.customer.as_ptr() as usize,
            order.customer.len(), order.region.as_ptr() as usize, order.region.len(), lines.addr(),
            order.lines.len(), coupon_disc, coupon_ptr, coupon_len, order.subtotal_cents, order.discount_cents,
            order.tax_cents, order.total_cents, result_area.addr(),
        );
        take_result(result_area.addr(), &RESERVATION_RESULT)
    }
}

/// Lends the order's flat values (its lines lowered for the call) to `import` and takes the result.
fn call_with_order<T>(import: OrderImport, order: &Order, result: &ResultLayout<T>) -> Result<T, Rejection> {
    let lines = lower_lines(&order.lines);
    let (coupon_disc, coupon_ptr, coupon_len) = flat_option_string(&order.coupon);
    let result_area = AlignedBuffer::new(result.size);
    unsafe {
        import(
            order.id.as_ptr() as usize, order.id.len(), order.customer.as_ptr() as usize, order.customer.len(),
            order.region.as_ptr() as usize, order.region.len(), lines.addr(), order.lines.len(), coupon_disc,
            coupon_ptr, coupon_len, result_area.addr(),
        );
        take_result(result_area.addr(), result)
    }
}
