//! The imported `acme:orders/inventory@0.1.0` interface.

use crate::abi::AlignedBuffer;
use crate::orders::{PricedOrder, Rejection, Reservation};
use crate::orders_abi::{flat_option_string, take_reservation, take_result, lower_priced_lines};

#[link(wasm_import_module = "acme:orders/inventory@0.1.0")]
extern "C" {
    /// The priced order flattens to 15 values (11 i32 then 4 i64), within the 16 flat
    /// parameters; the result goes to the trailing return area (40 bytes, align 8).
    #[link_name = "reserve"]
    fn reserve_import(
        order_id_ptr: usize, order_id_len: usize, customer_ptr: usize, customer_len: usize,
        region_ptr: usize, region_len: usize, lines_ptr: usize, lines_len: usize, coupon_disc: i32,
        coupon_ptr: usize, coupon_len: usize, subtotal_cents: u64, discount_cents: u64, tax_cents: u64,
        total_cents: u64, result_area: usize,
    );
}

pub fn reserve(order: &PricedOrder) -> Result<Reservation, Rejection> {
    let lines = lower_priced_lines(&order.lines);
    let (coupon_disc, coupon_ptr, coupon_len) = flat_option_string(&order.coupon);
    let result_area = AlignedBuffer::new(40);
    unsafe {
        reserve_import(
            order.order_id.as_ptr() as usize, order.order_id.len(), order.customer.as_ptr() as usize,
            order.customer.len(), order.region.as_ptr() as usize, order.region.len(), lines.addr(),
            order.lines.len(), coupon_disc, coupon_ptr, coupon_len, order.subtotal_cents, order.discount_cents,
            order.tax_cents, order.total_cents, result_area.addr(),
        );
        take_result(result_area.addr(), 8, take_reservation)
    }
}
