//! The imported `fermyon:spin/redis` interface (only `publish` is used).

#[link(wasm_import_module = "fermyon:spin/redis")]
extern "C" {
    /// address, channel, payload as (ptr, len) each, then the 2-byte return area of
    /// `result<_, error>`.
    #[link_name = "publish"]
    fn publish_import(
        address_ptr: usize, address_len: usize, channel_ptr: usize, channel_len: usize, payload_ptr: usize,
        payload_len: usize, result_area: usize,
    );
}

/// Publishes a message; `Err` names the channel (never the address, which may hold a password).
pub fn publish(address: &str, channel: &str, payload: &[u8]) -> Result<(), String> {
    let mut result = [0u8; 2];
    unsafe {
        publish_import(
            address.as_ptr() as usize, address.len(), channel.as_ptr() as usize, channel.len(),
            payload.as_ptr() as usize, payload.len(), result.as_mut_ptr() as usize,
        );
    }
    match result[0] {
        0 => Ok(()),
        1 => Err(format!("Redis refused or failed to publish to channel '{}'", channel)),
        other => panic!("invalid result discriminant {}", other),
    }
}
