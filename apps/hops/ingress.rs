//! The hops wiring's entry: `POST /hops/orders` checks the body is an order, publishes it to the
//! first channel and answers 202 with the order id. World `acme:orders-app/hops-ingress@0.1.0`.

use bindings::fermyon::spin::http_types::Method;
use bindings::fermyon::spin::inbound_http::{Guest, Request, Response};
use shared::json::Value;
use shared::{http, orders_json, spin};

struct Ingress;

impl Guest for Ingress {
    fn handle_request(request: Request) -> Response {
        if request.method != Method::Post {
            return http::method_not_allowed();
        }
        let (redis_address, channel) = match (spin::variable("redis_address"), spin::variable("next_channel")) {
            (Ok(address), Ok(channel)) => (address, channel),
            (Err(reason), _) | (_, Err(reason)) => return http::error(500, "configuration", &reason),
        };
        let order = match orders_json::order_from_json(request.body.as_deref().unwrap_or_default()) {
            Ok(order) => order,
            Err(error) => return http::bad_request(&error),
        };
        // Pub/sub is at-most-once: 202 only means the first relay's channel took the message.
        match spin::publish(&redis_address, &channel, orders_json::order_to_json(&order).to_json().as_bytes()) {
            Ok(()) => http::json(202, &Value::object(vec![("orderId", Value::text(&order.id))])),
            Err(reason) => http::error(502, "order-not-published", &reason),
        }
    }
}

bindings::export_hops_ingress!(Ingress);
