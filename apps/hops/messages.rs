//! The hops wiring's Redis messages: the order (on the validate and price channels) and the
//! priced order (on the reserve channel), in the same JSON as the HTTP API.

use crate::json::Value;
use crate::orders::{optional_text, parse, priced_order_members, BodyError, Fields, Order, PricedLine, PricedOrder};

pub fn order_to_json(order: &Order) -> Value {
    let lines = order
        .lines
        .iter()
        .map(|line| {
            Value::object(vec![
                ("sku", Value::text(&line.sku)),
                ("quantity", Value::uint(line.quantity as u64)),
                ("unitPriceCents", Value::uint(line.unit_price_cents)),
            ])
        })
        .collect();
    Value::object(vec![
        ("id", Value::text(&order.id)),
        ("customer", Value::text(&order.customer)),
        ("region", Value::text(&order.region)),
        ("lines", Value::Array(lines)),
        ("coupon", optional_text(&order.coupon)),
    ])
}

const PRICED_ORDER_FIELDS: [&str; 9] =
    ["orderId", "customer", "region", "lines", "coupon", "subtotalCents", "discountCents", "taxCents", "totalCents"];

pub fn priced_order_to_json(order: &PricedOrder) -> Value {
    Value::object(priced_order_members(order))
}

pub fn priced_order_from_json(bytes: &[u8]) -> Result<PricedOrder, BodyError> {
    let value = parse(bytes)?;
    let fields = Fields::of(&value, "", &PRICED_ORDER_FIELDS)?;
    let order_id = fields.string("orderId")?;
    let customer = fields.string("customer")?;
    let region = fields.string("region")?;
    let mut lines = Vec::new();
    for (i, item) in fields.array("lines")?.iter().enumerate() {
        let line = Fields::of(
            item,
            &format!("lines[{}]", i),
            &["sku", "quantity", "unitPriceCents", "lineTotalCents", "discountCents"],
        )?;
        lines.push(PricedLine {
            sku: line.string("sku")?,
            quantity: line.u32("quantity")?,
            unit_price_cents: line.u64("unitPriceCents")?,
            line_total_cents: line.u64("lineTotalCents")?,
            discount_cents: line.u64("discountCents")?,
        });
    }
    Ok(PricedOrder {
        order_id,
        customer,
        region,
        lines,
        coupon: fields.optional_string("coupon")?,
        subtotal_cents: fields.u64("subtotalCents")?,
        discount_cents: fields.u64("discountCents")?,
        tax_cents: fields.u64("taxCents")?,
        total_cents: fields.u64("totalCents")?,
    })
}
