//! The imported `acme:orders/validation@0.1.0` interface.

use crate::abi::AlignedBuffer;
use crate::orders::{Order, Rejection};
use crate::orders_abi::{flat_option_string, take_order, take_result, lower_lines};

#[link(wasm_import_module = "acme:orders/validation@0.1.0")]
extern "C" {
    /// The order flattens to 11 values; the result does not fit one flat value, so it is
    /// written to the trailing return area (48 bytes, align 4).
    #[link_name = "validate"]
    fn validate_import(
        id_ptr: usize, id_len: usize, customer_ptr: usize, customer_len: usize, region_ptr: usize,
        region_len: usize, lines_ptr: usize, lines_len: usize, coupon_disc: i32, coupon_ptr: usize,
        coupon_len: usize, result_area: usize,
    );
}

pub fn validate(order: &Order) -> Result<Order, Rejection> {
    let lines = lower_lines(&order.lines);
    let (coupon_disc, coupon_ptr, coupon_len) = flat_option_string(&order.coupon);
    let result_area = AlignedBuffer::new(48);
    unsafe {
        validate_import(
            order.id.as_ptr() as usize, order.id.len(), order.customer.as_ptr() as usize, order.customer.len(),
            order.region.as_ptr() as usize, order.region.len(), lines.addr(), order.lines.len(), coupon_disc,
            coupon_ptr, coupon_len, result_area.addr(),
        );
        take_result(result_area.addr(), 4, take_order)
    }
}
