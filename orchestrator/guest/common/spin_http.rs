//! The exported `fermyon:spin/inbound-http` interface. The guest crate provides
//! `fn handle(request: Request) -> Response`.

use crate::abi::{self, AlignedBuffer};
use crate::json::Value;
use crate::orders_json::BodyError;

/// `http-types.method` discriminants.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
    Patch,
    Head,
    Options,
}

pub struct Request {
    pub method: Method,
    pub body: Vec<u8>,
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn json(status: u16, body: &Value) -> Response {
        Response {
            status,
            headers: vec![("content-type".to_string(), "application/json".to_string())],
            body: body.to_json().into_bytes(),
        }
    }

    /// An error answer: `{"error": kind, "reason": reason}`.
    pub fn error(status: u16, kind: &str, reason: &str) -> Response {
        Response::json(status, &Value::object(vec![("error", Value::text(kind)), ("reason", Value::text(reason))]))
    }

    /// 400 for a body that is not an order, saying where and why.
    pub fn bad_request(error: &BodyError) -> Response {
        match error {
            BodyError::NotJson(parse) => Response::error(400, "not-json", &parse.to_string()),
            BodyError::Malformed { field, reason } => Response::json(
                400,
                &Value::object(vec![
                    ("error", Value::text("malformed-order")),
                    ("field", Value::text(field)),
                    ("reason", Value::text(reason)),
                ]),
            ),
        }
    }

    pub fn method_not_allowed() -> Response {
        let mut response = Response::error(405, "method-not-allowed", "only POST is supported");
        response.headers.push(("allow".to_string(), "POST".to_string()));
        response
    }
}

/// The response handed to the host, kept alive until post-return (or the next request): the
/// 28-byte `response` record (status u16 @0; headers option disc @4, ptr @8, len @12; body
/// option disc @16, ptr @20, len @24), the header list it points to (tuple<string, string>:
/// 16 bytes each) and the `Response` owning the strings and body those point into.
#[allow(dead_code)] // the fields are only held, never read: the host reads them through pointers
struct LoweredResponse {
    record: AlignedBuffer,
    headers: AlignedBuffer,
    response: Response,
}

static mut LAST_RESPONSE: Option<LoweredResponse> = None;

unsafe fn take_header(addr: usize) -> (String, String) {
    (abi::take_string_at(addr), abi::take_string_at(addr + 8))
}

/// `handle-request: func(req: request) -> response`; the request flattens to 10 values
/// (method, uri, headers, params, body option). Every argument becomes ours and is freed once
/// read; the guests route on method and body only (Spin has matched the route already).
#[export_name = "fermyon:spin/inbound-http#handle-request"]
pub unsafe extern "C" fn handle_request(
    method: i32, uri_ptr: usize, uri_len: usize, headers_ptr: usize, headers_len: usize, params_ptr: usize,
    params_len: usize, body_disc: i32, body_ptr: usize, body_len: usize,
) -> usize {
    let method = match method {
        0 => Method::Get,
        1 => Method::Post,
        2 => Method::Put,
        3 => Method::Delete,
        4 => Method::Patch,
        5 => Method::Head,
        6 => Method::Options,
        other => panic!("invalid http method discriminant {}", other),
    };
    abi::take_string(uri_ptr, uri_len);
    abi::take_list(headers_ptr, headers_len, 16, 4, take_header);
    abi::take_list(params_ptr, params_len, 16, 4, take_header);
    let body = if body_disc == 1 { abi::take_bytes(body_ptr, body_len) } else { Vec::new() };
    let response = crate::handle(Request { method, body });
    lower_response(response)
}

/// Frees the last response once the host has copied it out.
#[export_name = "cabi_post_fermyon:spin/inbound-http#handle-request"]
pub unsafe extern "C" fn handle_request_post_return(_response: usize) {
    LAST_RESPONSE = None;
}

unsafe fn lower_response(response: Response) -> usize {
    let mut headers = AlignedBuffer::new(response.headers.len() * 16);
    for (i, (name, value)) in response.headers.iter().enumerate() {
        headers.put_str(i * 16, name);
        headers.put_str(i * 16 + 8, value);
    }
    let mut record = AlignedBuffer::new(28);
    record.put_u32(0, response.status as u32);
    record.put_u32(4, 1);
    record.put_u32(8, headers.addr() as u32);
    record.put_u32(12, response.headers.len() as u32);
    record.put_u32(16, 1);
    record.put_u32(20, response.body.as_ptr() as u32);
    record.put_u32(24, response.body.len() as u32);
    let addr = record.addr();
    LAST_RESPONSE = Some(LoweredResponse { record, headers, response });
    addr
}
