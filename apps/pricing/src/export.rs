//! Canonical ABI glue for `price: func(order: order) -> result<priced-order, rejection>`.
//!
//! The order flattens to 11 core values (id, customer, region, lines: ptr+len each; coupon:
//! tag, ptr, len), so it arrives as parameters. The result is more than one value, so the
//! export returns a pointer to it: a return area laid out as `PRICED_ORDER_RESULT`.
//!
//! Ownership: the host lowers the arguments through `cabi_realloc`, so they belong to this
//! module and are freed once copied. The result's strings and lists stay alive in `RETURNED`
//! until the host calls `cabi_post_…`, which drops them.

use crate::abi::{take_string, AlignedBuffer};
use crate::orders::{Order, PricedOrder, Rejection, Step};
use crate::orders_abi::{
    lower_priced_lines, lower_problems, store_priced_order, store_rejection, take_lines, PRICED_ORDER_RESULT,
};
use crate::pricing;

/// A returned result and everything it points into, kept alive until post-return.
struct Returned {
    _area: AlignedBuffer,
    _list: AlignedBuffer,
    _value: Result<PricedOrder, Rejection>,
}

static mut RETURNED: Option<Returned> = None;

#[export_name = "acme:pricing/pricing@0.1.0#price"]
pub unsafe extern "C" fn export_price(
    id_ptr: usize,
    id_len: usize,
    customer_ptr: usize,
    customer_len: usize,
    region_ptr: usize,
    region_len: usize,
    lines_ptr: usize,
    lines_len: usize,
    coupon_tag: u32,
    coupon_ptr: usize,
    coupon_len: usize,
) -> usize {
    let order = Order {
        id: take_string(id_ptr, id_len),
        customer: take_string(customer_ptr, customer_len),
        region: take_string(region_ptr, region_len),
        lines: take_lines(lines_ptr, lines_len),
        coupon: if coupon_tag == 0 { None } else { Some(take_string(coupon_ptr, coupon_len)) },
    };
    let layout = PRICED_ORDER_RESULT;
    let mut area = AlignedBuffer::new(layout.size);
    let (list, value) = match pricing::price(order) {
        Ok(priced) => {
            let lines = lower_priced_lines(&priced.lines);
            store_priced_order(&mut area, layout.payload_offset, &priced, &lines);
            (lines, Ok(priced))
        }
        Err(problems) => {
            let rejection = Rejection { step: Step::Price, problems };
            let problems = lower_problems(&rejection.problems);
            area.put_u8(0, 1); // the result's discriminant: err
            store_rejection(&mut area, layout.payload_offset, &rejection, &problems);
            (problems, Err(rejection))
        }
    };
    let addr = area.addr();
    // Moving a String, Vec or buffer does not move its heap memory, so the pointers just lowered
    // stay valid while RETURNED keeps them alive, until post-return drops them.
    RETURNED = Some(Returned { _area: area, _list: list, _value: value });
    addr
}

#[export_name = "cabi_post_acme:pricing/pricing@0.1.0#price"]
pub unsafe extern "C" fn post_price(_result: usize) {
    RETURNED = None;
}
