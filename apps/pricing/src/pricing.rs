//! Line totals, volume discounts, coupons and tax by region, all in integer cents.
//!
//! Every amount is a u64 and every step is checked: an order whose totals do not fit is
//! rejected with the field that overflowed instead of wrapping around.
//!
//! The steps stay separate functions (`#[inline(never)]`): inlined into `price`, they made one wasm
//! function too large for HotSpot's C2 once Chicory compiles it to a JVM method.

use bindings::acme::orders::types::{Line, Order, PricedLine, PricedOrder, Problem};

/// Tax rates in basis points (1/100 of a percent), per region code; all below 10000.
const TAX_RATES: [(&str, u64); 6] = [
    ("EU-DE", 1900),
    ("EU-FR", 2000),
    ("EU-NL", 2100),
    ("US-CA", 725),
    ("US-NY", 400),
    ("US-OR", 0),
];

/// Volume discount of a line, in percent, by the quantity ordered on that line.
fn volume_discount_percent(quantity: u32) -> u64 {
    match quantity {
        100.. => 10,
        10..=99 => 5,
        _ => 0,
    }
}

enum Coupon {
    /// 10% off the amount after volume discounts, from 5000 cents.
    Save10,
    /// 500 cents off, from 2000 cents after volume discounts.
    Welcome5,
    /// 15% off the amount after volume discounts, from 50 units in the order.
    Bulk15,
}

const KNOWN_COUPONS: &str = "SAVE10, WELCOME5, BULK15";
const SAVE10_MIN_CENTS: u64 = 5000;
const WELCOME5_MIN_CENTS: u64 = 2000;
const WELCOME5_OFF_CENTS: u64 = 500;
const BULK15_MIN_UNITS: u64 = 50;

impl Coupon {
    fn parse(code: &str) -> Option<Coupon> {
        match code {
            "SAVE10" => Some(Coupon::Save10),
            "WELCOME5" => Some(Coupon::Welcome5),
            "BULK15" => Some(Coupon::Bulk15),
            _ => None,
        }
    }

    /// The discount on `after_volume` cents, or why the order does not qualify.
    #[inline(never)]
    fn discount(&self, after_volume: u64, units: u64) -> Result<u64, String> {
        match self {
            Coupon::Save10 if after_volume >= SAVE10_MIN_CENTS => Ok(percent_of(after_volume, 10)),
            Coupon::Save10 => Err(format!(
                "SAVE10 needs at least {} cents after volume discounts, got {}",
                SAVE10_MIN_CENTS, after_volume
            )),
            Coupon::Welcome5 if after_volume >= WELCOME5_MIN_CENTS => Ok(WELCOME5_OFF_CENTS),
            Coupon::Welcome5 => Err(format!(
                "WELCOME5 needs at least {} cents after volume discounts, got {}",
                WELCOME5_MIN_CENTS, after_volume
            )),
            Coupon::Bulk15 if units >= BULK15_MIN_UNITS => Ok(percent_of(after_volume, 15)),
            Coupon::Bulk15 => Err(format!("BULK15 needs at least {} units, got {}", BULK15_MIN_UNITS, units)),
        }
    }
}

fn problem(field: &str, reason: String) -> Problem {
    Problem { field: field.to_string(), reason }
}

/// `amount * percent / 100`, rounded down; fits in a u64 because percent <= 100.
fn percent_of(amount: u64, percent: u64) -> u64 {
    (u128::from(amount) * u128::from(percent) / 100) as u64
}

/// Tax rounded half up to the cent; every rate is below 100%, so the tax fits in a u64.
fn tax_of(taxable: u64, basis_points: u64) -> u64 {
    ((u128::from(taxable) * u128::from(basis_points) + 5000) / 10000) as u64
}

#[inline(never)]
fn tax_rate(region: &str) -> Option<u64> {
    TAX_RATES.iter().find(|(code, _)| *code == region).map(|(_, rate)| *rate)
}

/// Prices each line; a line whose total overflows becomes a problem instead.
#[inline(never)]
fn price_lines(lines: Vec<Line>, problems: &mut Vec<Problem>) -> Vec<PricedLine> {
    let mut priced = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        match line.unit_price_cents.checked_mul(u64::from(line.quantity)) {
            Some(total) => priced.push(PricedLine {
                discount_cents: percent_of(total, volume_discount_percent(line.quantity)),
                line_total_cents: total,
                sku: line.sku,
                quantity: line.quantity,
                unit_price_cents: line.unit_price_cents,
            }),
            None => problems.push(problem(
                &format!("lines[{}]", i),
                format!(
                    "line total overflows: {} x {} cents exceeds {}",
                    line.quantity,
                    line.unit_price_cents,
                    u64::MAX
                ),
            )),
        }
    }
    priced
}

/// Prices the order, or lists every problem that prevents it.
pub fn price(order: Order) -> Result<PricedOrder, Vec<Problem>> {
    let mut problems = Vec::new();
    let rate = tax_rate(&order.region);
    if rate.is_none() {
        let known: Vec<&str> = TAX_RATES.iter().map(|(code, _)| *code).collect();
        problems.push(problem(
            "region",
            format!("no tax rate for region '{}'; known regions: {}", order.region, known.join(", ")),
        ));
    }
    let coupon = order.coupon.as_deref().map(|code| (code, Coupon::parse(code)));
    if let Some((code, None)) = coupon {
        problems.push(problem("coupon", format!("unknown coupon '{}'; known coupons: {}", code, KNOWN_COUPONS)));
    }
    let line_count = order.lines.len();
    let lines = price_lines(order.lines, &mut problems);
    let subtotal = lines.iter().try_fold(0u64, |sum, line| sum.checked_add(line.line_total_cents));
    if lines.len() == line_count && subtotal.is_none() {
        problems.push(problem("subtotal-cents", format!("sum of line totals exceeds {}", u64::MAX)));
    }
    let (subtotal, rate) = match (subtotal, rate) {
        (Some(subtotal), Some(rate)) if problems.is_empty() => (subtotal, rate),
        _ => return Err(problems),
    };

    // Each line discount is at most its line total, so these sums stay within the subtotal.
    let volume_discount: u64 = lines.iter().map(|line| line.discount_cents).sum();
    let after_volume = subtotal - volume_discount;
    let units: u64 = lines.iter().map(|line| u64::from(line.quantity)).sum();
    let coupon_off = match coupon {
        Some((_, Some(coupon))) => coupon
            .discount(after_volume, units)
            .map_err(|reason| vec![problem("coupon", reason)])?,
        _ => 0,
    };
    let discount = volume_discount + coupon_off;
    let taxable = subtotal - discount;
    let tax = tax_of(taxable, rate);
    let total = taxable.checked_add(tax).ok_or_else(|| {
        vec![problem("total-cents", format!("{} cents plus {} cents tax exceeds {}", taxable, tax, u64::MAX))]
    })?;
    Ok(PricedOrder {
        order_id: order.id,
        customer: order.customer,
        region: order.region,
        lines,
        coupon: order.coupon,
        subtotal_cents: subtotal,
        discount_cents: discount,
        tax_cents: tax,
        total_cents: total,
    })
}
