//! The imported `acme:orders/pricing@0.1.0` interface.

use crate::abi::AlignedBuffer;
use crate::orders::{Order, PricedOrder, Rejection};
use crate::orders_abi::{flat_option_string, take_priced_order, take_result, lower_lines};

#[link(wasm_import_module = "acme:orders/pricing@0.1.0")]
extern "C" {
    /// The order flattens to 11 values; the result goes to the trailing return area
    /// (88 bytes, align 8).
    #[link_name = "price"]
    fn price_import(
        id_ptr: usize, id_len: usize, customer_ptr: usize, customer_len: usize, region_ptr: usize,
        region_len: usize, lines_ptr: usize, lines_len: usize, coupon_disc: i32, coupon_ptr: usize,
        coupon_len: usize, result_area: usize,
    );
}

pub fn price(order: &Order) -> Result<PricedOrder, Rejection> {
    let lines = lower_lines(&order.lines);
    let (coupon_disc, coupon_ptr, coupon_len) = flat_option_string(&order.coupon);
    let result_area = AlignedBuffer::new(88);
    unsafe {
        price_import(
            order.id.as_ptr() as usize, order.id.len(), order.customer.as_ptr() as usize, order.customer.len(),
            order.region.as_ptr() as usize, order.region.len(), lines.addr(), order.lines.len(), coupon_disc,
            coupon_ptr, coupon_len, result_area.addr(),
        );
        take_result(result_area.addr(), 8, take_priced_order)
    }
}
