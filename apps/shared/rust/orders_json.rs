//! The JSON form of the `acme:orders` records on the wire: HTTP bodies and the hops wiring's Redis
//! messages (the order on the validate and price channels, the priced order on the reserve
//! channel); documented in apps/README-orders-api.md.

use crate::json::{self, Value};
use bindings::acme::orders::types::{Line, Order, PricedLine, PricedOrder};
use std::fmt;

/// Why a body or message could not be read as an order.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyError {
    NotJson(json::ParseError),
    /// Valid JSON, but not an order: `field` is a JSON path such as `lines[1].quantity`.
    Malformed { field: String, reason: String },
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            BodyError::NotJson(error) => write!(f, "not JSON: {}", error),
            BodyError::Malformed { field, reason } => write!(f, "{}: {}", field, reason),
        }
    }
}

fn malformed(field: String, reason: &str) -> BodyError {
    BodyError::Malformed { field, reason: reason.to_string() }
}

/// Reads the members of one JSON object, naming every problem by its JSON path.
struct Fields<'a> {
    path: String,
    members: &'a [(String, Value)],
}

impl<'a> Fields<'a> {
    pub fn of(value: &'a Value, path: &str, allowed: &[&str]) -> Result<Fields<'a>, BodyError> {
        let members = match value {
            Value::Object(members) => members,
            other => return Err(malformed(display_path(path), &format!("expected an object, found {}", other.kind()))),
        };
        let fields = Fields { path: path.to_string(), members };
        if let Some((key, _)) = members.iter().find(|(key, _)| !allowed.contains(&key.as_str())) {
            return Err(malformed(fields.path_of(key), "unknown field"));
        }
        Ok(fields)
    }

    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{}", self.path, key)
        }
    }

    /// The member's value; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Value::Null)
    }

    fn required(&self, key: &str) -> Result<&'a Value, BodyError> {
        self.get(key).ok_or_else(|| malformed(self.path_of(key), "is required"))
    }

    pub fn string(&self, key: &str) -> Result<String, BodyError> {
        self.as_string(key, self.required(key)?)
    }

    pub fn optional_string(&self, key: &str) -> Result<Option<String>, BodyError> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => self.as_string(key, value).map(Some),
        }
    }

    fn as_string(&self, key: &str, value: &Value) -> Result<String, BodyError> {
        match value {
            Value::String(s) => Ok(s.clone()),
            other => Err(malformed(self.path_of(key), &format!("expected a string, found {}", other.kind()))),
        }
    }

    fn unsigned(&self, key: &str, max: u64) -> Result<u64, BodyError> {
        let reason = format!("expected an integer from 0 to {}", max);
        match self.required(key)? {
            Value::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => match text.parse::<u64>() {
                Ok(n) if n <= max => Ok(n),
                _ => Err(malformed(self.path_of(key), &reason)),
            },
            _ => Err(malformed(self.path_of(key), &reason)),
        }
    }

    pub fn u32(&self, key: &str) -> Result<u32, BodyError> {
        self.unsigned(key, u32::MAX as u64).map(|n| n as u32)
    }

    pub fn u64(&self, key: &str) -> Result<u64, BodyError> {
        self.unsigned(key, u64::MAX)
    }

    /// The array `key` of objects, each read by `read` from its `allowed` members.
    pub fn objects<T>(
        &self,
        key: &str,
        allowed: &[&str],
        read: impl Fn(&Fields) -> Result<T, BodyError>,
    ) -> Result<Vec<T>, BodyError> {
        let items = match self.required(key)? {
            Value::Array(items) => items,
            other => return Err(malformed(self.path_of(key), &format!("expected an array, found {}", other.kind()))),
        };
        let path = self.path_of(key);
        items.iter().enumerate().map(|(i, item)| read(&Fields::of(item, &format!("{}[{}]", path, i), allowed)?)).collect()
    }
}

fn display_path(path: &str) -> String {
    if path.is_empty() {
        "$".to_string()
    } else {
        path.to_string()
    }
}

fn parse(bytes: &[u8]) -> Result<Value, BodyError> {
    json::parse(bytes).map_err(BodyError::NotJson)
}

/// Reads an order: `{"id","customer","region","lines":[{"sku","quantity","unitPriceCents"}],"coupon"?}`.
pub fn order_from_json(bytes: &[u8]) -> Result<Order, BodyError> {
    let value = parse(bytes)?;
    let fields = Fields::of(&value, "", &["id", "customer", "region", "lines", "coupon"])?;
    let id = fields.string("id")?;
    let customer = fields.string("customer")?;
    let region = fields.string("region")?;
    let lines = fields.objects("lines", &["sku", "quantity", "unitPriceCents"], |line| {
        Ok(Line { sku: line.string("sku")?, quantity: line.u32("quantity")?, unit_price_cents: line.u64("unitPriceCents")? })
    })?;
    Ok(Order {
        id,
        customer,
        region,
        lines,
        coupon: fields.optional_string("coupon")?,
    })
}

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

fn optional_text(value: &Option<String>) -> Value {
    match value {
        Some(text) => Value::text(text),
        None => Value::Null,
    }
}

/// The members of a priced order, so the completed outcome can extend them.
pub fn priced_order_members(order: &PricedOrder) -> Vec<(&'static str, Value)> {
    let lines = order
        .lines
        .iter()
        .map(|line| {
            Value::object(vec![
                ("sku", Value::text(&line.sku)),
                ("quantity", Value::uint(line.quantity as u64)),
                ("unitPriceCents", Value::uint(line.unit_price_cents)),
                ("lineTotalCents", Value::uint(line.line_total_cents)),
                ("discountCents", Value::uint(line.discount_cents)),
            ])
        })
        .collect();
    vec![
        ("orderId", Value::text(&order.order_id)),
        ("customer", Value::text(&order.customer)),
        ("region", Value::text(&order.region)),
        ("lines", Value::Array(lines)),
        ("coupon", optional_text(&order.coupon)),
        ("subtotalCents", Value::uint(order.subtotal_cents)),
        ("discountCents", Value::uint(order.discount_cents)),
        ("taxCents", Value::uint(order.tax_cents)),
        ("totalCents", Value::uint(order.total_cents)),
    ]
}

pub fn priced_order_to_json(order: &PricedOrder) -> Value {
    Value::object(priced_order_members(order))
}

const PRICED_ORDER_FIELDS: [&str; 9] =
    ["orderId", "customer", "region", "lines", "coupon", "subtotalCents", "discountCents", "taxCents", "totalCents"];

pub fn priced_order_from_json(bytes: &[u8]) -> Result<PricedOrder, BodyError> {
    let value = parse(bytes)?;
    let fields = Fields::of(&value, "", &PRICED_ORDER_FIELDS)?;
    let order_id = fields.string("orderId")?;
    let customer = fields.string("customer")?;
    let region = fields.string("region")?;
    let allowed = ["sku", "quantity", "unitPriceCents", "lineTotalCents", "discountCents"];
    let lines = fields.objects("lines", &allowed, |line| {
        Ok(PricedLine {
            sku: line.string("sku")?,
            quantity: line.u32("quantity")?,
            unit_price_cents: line.u64("unitPriceCents")?,
            line_total_cents: line.u64("lineTotalCents")?,
            discount_cents: line.u64("discountCents")?,
        })
    })?;
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
