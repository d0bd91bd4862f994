//! The hops wiring's entry: `POST /hops/orders` checks the body is an order, publishes it to the
//! first channel and answers 202 with the order id. World `acme:orders-app/hops-ingress@0.1.0`.

// The shared modules serve every guest; the ingress uses their HTTP and order-reading parts.
#![allow(dead_code)]

#[path = "../../orchestrator/guest/common/abi.rs"]
mod abi;
#[path = "../../orchestrator/guest/common/json.rs"]
mod json;
#[path = "../../orchestrator/guest/common/orders.rs"]
mod orders;
#[path = "../../orchestrator/guest/common/orders_json.rs"]
mod orders_json;
#[path = "../../orchestrator/guest/common/spin_config.rs"]
mod spin_config;
#[path = "../../orchestrator/guest/common/spin_http.rs"]
mod spin_http;
#[path = "../../orchestrator/guest/common/spin_redis.rs"]
mod spin_redis;

use json::Value;
use spin_http::{Method, Request, Response};

pub fn handle(request: Request) -> Response {
    if request.method != Method::Post {
        return Response::method_not_allowed();
    }
    let (redis_address, channel) = match (spin_config::get("redis_address"), spin_config::get("next_channel")) {
        (Ok(address), Ok(channel)) => (address, channel),
        (Err(reason), _) | (_, Err(reason)) => return Response::error(500, "configuration", &reason),
    };
    let order = match orders_json::order_from_json(&request.body) {
        Ok(order) => order,
        Err(error) => return Response::bad_request(&error),
    };
    // Pub/sub is at-most-once: 202 only means the first relay's channel took the message.
    match spin_redis::publish(&redis_address, &channel, orders_json::order_to_json(&order).to_json().as_bytes()) {
        Ok(()) => Response::json(202, &Value::object(vec![("orderId", Value::text(&order.id))])),
        Err(reason) => Response::error(502, "order-not-published", &reason),
    }
}
