//! How an order ended, as the HTTP answer of the orchestrated wiring and as the event both
//! wirings publish on the events channel (same JSON, so the two wirings can be compared).

use crate::json::Value;
use bindings::acme::orders::types::{PricedOrder, Rejection, Reservation};
use crate::orders_json::priced_order_members;

pub enum Outcome {
    Completed { priced: PricedOrder, reservation: Reservation },
    Rejected { order_id: String, rejection: Rejection },
}

impl Outcome {
    pub fn status(&self) -> u16 {
        match self {
            Outcome::Completed { .. } => 200,
            Outcome::Rejected { .. } => 422,
        }
    }

    fn event_name(&self) -> &'static str {
        match self {
            Outcome::Completed { .. } => "order-completed",
            Outcome::Rejected { .. } => "order-rejected",
        }
    }

    fn members(&self) -> Vec<(&'static str, Value)> {
        match self {
            Outcome::Completed { priced, reservation } => {
                let lines = reservation
                    .lines
                    .iter()
                    .map(|line| {
                        Value::object(vec![
                            ("sku", Value::text(&line.sku)),
                            ("quantity", Value::uint(line.quantity as u64)),
                            ("remaining", Value::uint(line.remaining as u64)),
                        ])
                    })
                    .collect();
                let mut members = priced_order_members(priced);
                members.push((
                    "reservation",
                    Value::object(vec![
                        ("id", Value::text(&reservation.reservation_id)),
                        ("lines", Value::Array(lines)),
                        ("totalCents", Value::uint(reservation.total_cents)),
                    ]),
                ));
                members
            }
            Outcome::Rejected { order_id, rejection } => {
                let problems = rejection
                    .problems
                    .iter()
                    .map(|p| Value::object(vec![("field", Value::text(&p.field)), ("reason", Value::text(&p.reason))]))
                    .collect();
                vec![
                    ("orderId", Value::text(order_id)),
                    ("step", Value::text(rejection.step.name())),
                    ("problems", Value::Array(problems)),
                ]
            }
        }
    }

    /// The HTTP response body of the orchestrated wiring.
    pub fn body(&self) -> Value {
        Value::object(self.members())
    }

    /// The event published on the events channel: the body with an `event` member first.
    pub fn event(&self) -> Value {
        let mut members = vec![("event", Value::text(self.event_name()))];
        members.extend(self.members());
        Value::object(members)
    }
}
