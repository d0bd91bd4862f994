//! The records of `acme:orders/types@0.1.0` as Rust values, and their JSON form on the wire
//! (HTTP bodies and Redis messages; documented in apps/README-orders-api.md).

use crate::json::{self, Value};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub sku: String,
    pub quantity: u32,
    pub unit_price_cents: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub id: String,
    pub customer: String,
    pub region: String,
    pub lines: Vec<Line>,
    pub coupon: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PricedLine {
    pub sku: String,
    pub quantity: u32,
    pub unit_price_cents: u64,
    pub line_total_cents: u64,
    pub discount_cents: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PricedOrder {
    pub order_id: String,
    pub customer: String,
    pub region: String,
    pub lines: Vec<PricedLine>,
    pub coupon: Option<String>,
    pub subtotal_cents: u64,
    pub discount_cents: u64,
    pub tax_cents: u64,
    pub total_cents: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReservedLine {
    pub sku: String,
    pub quantity: u32,
    pub remaining: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reservation {
    pub order_id: String,
    pub reservation_id: String,
    pub lines: Vec<ReservedLine>,
    pub total_cents: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    Validate,
    Price,
    Reserve,
}

impl Step {
    pub fn name(self) -> &'static str {
        match self {
            Step::Validate => "validate",
            Step::Price => "price",
            Step::Reserve => "reserve",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub field: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub step: Step,
    pub problems: Vec<Problem>,
}

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
pub struct Fields<'a> {
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

    pub fn array(&self, key: &str) -> Result<&'a [Value], BodyError> {
        match self.required(key)? {
            Value::Array(items) => Ok(items),
            other => Err(malformed(self.path_of(key), &format!("expected an array, found {}", other.kind()))),
        }
    }
}

fn display_path(path: &str) -> String {
    if path.is_empty() {
        "$".to_string()
    } else {
        path.to_string()
    }
}

pub fn parse(bytes: &[u8]) -> Result<Value, BodyError> {
    json::parse(bytes).map_err(BodyError::NotJson)
}

/// Reads an order: `{"id","customer","region","lines":[{"sku","quantity","unitPriceCents"}],"coupon"?}`.
pub fn order_from_json(bytes: &[u8]) -> Result<Order, BodyError> {
    let value = parse(bytes)?;
    let fields = Fields::of(&value, "", &["id", "customer", "region", "lines", "coupon"])?;
    let id = fields.string("id")?;
    let customer = fields.string("customer")?;
    let region = fields.string("region")?;
    let mut lines = Vec::new();
    for (i, item) in fields.array("lines")?.iter().enumerate() {
        let line = Fields::of(item, &format!("lines[{}]", i), &["sku", "quantity", "unitPriceCents"])?;
        lines.push(Line {
            sku: line.string("sku")?,
            quantity: line.u32("quantity")?,
            unit_price_cents: line.u64("unitPriceCents")?,
        });
    }
    Ok(Order {
        id,
        customer,
        region,
        lines,
        coupon: fields.optional_string("coupon")?,
    })
}

pub fn optional_text(value: &Option<String>) -> Value {
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
