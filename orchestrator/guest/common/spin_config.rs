//! The imported `fermyon:spin/config` interface: the component's Spin variables.

use crate::abi::{load_u8, take_string_at, AlignedBuffer};

#[link(wasm_import_module = "fermyon:spin/config")]
extern "C" {
    /// key as (ptr, len), then the return area of `result<string, error>`: 16 bytes, align 4;
    /// disc @0, then the string @4 or the error variant @4 (disc @4, string @8).
    #[link_name = "get-config"]
    fn get_config_import(key_ptr: usize, key_len: usize, result_area: usize);
}

/// The value of a Spin variable, or why it is not available.
pub fn get(key: &str) -> Result<String, String> {
    let area = AlignedBuffer::new(16);
    unsafe {
        get_config_import(key.as_ptr() as usize, key.len(), area.addr());
        let addr = area.addr();
        match load_u8(addr) {
            0 => Ok(take_string_at(addr + 4)),
            1 => {
                let case = match load_u8(addr + 4) {
                    0 => "provider",
                    1 => "invalid-key",
                    2 => "invalid-schema",
                    3 => "other",
                    other => panic!("invalid config error discriminant {}", other),
                };
                Err(format!("Spin variable '{}' is not available ({}: {})", key, case, take_string_at(addr + 8)))
            }
            other => panic!("invalid result discriminant {}", other),
        }
    }
}
