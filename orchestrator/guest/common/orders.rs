//! The records of `acme:orders/types@0.1.0` (apps/wit/deps/orders/types.wit) as Rust values, shared by every
//! Rust guest: their JSON form is in `orders_json`, their canonical ABI layout in `orders_abi`.

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
