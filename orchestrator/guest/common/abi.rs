//! Canonical ABI memory glue shared by every guest.
//!
//! Memory that crosses the component boundary (the arguments the host lowers into us, the
//! results an imported function writes back, the response we hand out) is allocated through
//! `cabi_realloc` and tracked as "call memory". A guest copies what it needs into owned Rust
//! values straight away and then calls `release_call_memory`, so nothing of one call survives
//! into the next and no call depends on the host ever calling a post-return function.

use std::alloc::{alloc, dealloc, realloc, Layout};

/// Allocations handed out through `cabi_realloc` that have not been released yet.
static mut CALL_ALLOCATIONS: Vec<(usize, Layout)> = Vec::new();

/// The canonical ABI allocator the host uses to write into this module's memory.
#[no_mangle]
pub unsafe extern "C" fn cabi_realloc(old_ptr: usize, old_size: usize, align: usize, new_size: usize) -> usize {
    let old_layout = if old_size == 0 { None } else { Some(forget_allocation(old_ptr)) };
    if new_size == 0 {
        if let Some(layout) = old_layout {
            dealloc(old_ptr as *mut u8, layout);
        }
        // A zero-sized value needs an aligned address, never storage.
        return align;
    }
    let layout = match Layout::from_size_align(new_size, align) {
        Ok(layout) => layout,
        Err(_) => panic!("cabi_realloc: invalid alignment {}", align),
    };
    let ptr = match old_layout {
        None => alloc(layout),
        Some(old) => realloc(old_ptr as *mut u8, old, new_size),
    };
    if ptr.is_null() {
        panic!("cabi_realloc: out of memory allocating {} bytes", new_size);
    }
    CALL_ALLOCATIONS.push((ptr as usize, layout));
    ptr as usize
}

/// Stops tracking an allocation and returns its layout.
unsafe fn forget_allocation(ptr: usize) -> Layout {
    match CALL_ALLOCATIONS.iter().position(|(p, _)| *p == ptr) {
        Some(index) => CALL_ALLOCATIONS.swap_remove(index).1,
        None => panic!("cabi_realloc: {:#x} was not allocated by cabi_realloc", ptr),
    }
}

/// Frees every allocation made through `cabi_realloc` so far.
pub fn release_call_memory() {
    unsafe {
        for (ptr, layout) in CALL_ALLOCATIONS.drain(..) {
            dealloc(ptr as *mut u8, layout);
        }
    }
}

/// Copies bytes into call memory, for values handed back to the host.
pub fn copy_to_call_memory(bytes: &[u8]) -> usize {
    unsafe {
        let ptr = cabi_realloc(0, 0, 1, bytes.len());
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr as *mut u8, bytes.len());
        ptr
    }
}

/// Allocates zeroed, aligned call memory (e.g. for a list of records handed to the host).
pub fn allocate_call_memory(size: usize, align: usize) -> usize {
    unsafe {
        let ptr = cabi_realloc(0, 0, align, size);
        std::ptr::write_bytes(ptr as *mut u8, 0, size);
        ptr
    }
}

pub unsafe fn load_u8(addr: usize) -> u8 {
    *(addr as *const u8)
}

pub unsafe fn load_u32(addr: usize) -> u32 {
    (addr as *const u32).read_unaligned()
}

pub unsafe fn load_u64(addr: usize) -> u64 {
    (addr as *const u64).read_unaligned()
}

pub unsafe fn store_u16(addr: usize, value: u16) {
    (addr as *mut u16).write_unaligned(value)
}

pub unsafe fn store_u32(addr: usize, value: u32) {
    (addr as *mut u32).write_unaligned(value)
}

pub unsafe fn store_u64(addr: usize, value: u64) {
    (addr as *mut u64).write_unaligned(value)
}

/// Copies `len` bytes at `ptr` out of linear memory.
pub unsafe fn bytes_at(ptr: usize, len: usize) -> Vec<u8> {
    std::slice::from_raw_parts(ptr as *const u8, len).to_vec()
}

/// Copies a string out of linear memory; the canonical ABI guarantees UTF-8, and a host that
/// breaks that promise gets replacement characters rather than a trap.
pub unsafe fn string_at(ptr: usize, len: usize) -> String {
    String::from_utf8_lossy(std::slice::from_raw_parts(ptr as *const u8, len)).into_owned()
}

/// Loads a `string` stored as (ptr, len) at `addr`.
pub unsafe fn load_string(addr: usize) -> String {
    string_at(load_u32(addr) as usize, load_u32(addr + 4) as usize)
}

/// Zeroed memory aligned to 8 bytes, owned by Rust: lists of records lowered for an import call
/// and return areas an import writes its result into.
pub struct AlignedBuffer {
    words: Vec<u64>,
}

impl AlignedBuffer {
    pub fn new(size: usize) -> AlignedBuffer {
        AlignedBuffer { words: vec![0; (size + 7) / 8] }
    }

    pub fn addr(&self) -> usize {
        self.words.as_ptr() as usize
    }

    fn at(&mut self, offset: usize, width: usize) -> usize {
        assert!(offset + width <= self.words.len() * 8, "AlignedBuffer: write past the end");
        self.words.as_mut_ptr() as usize + offset
    }

    pub fn put_u32(&mut self, offset: usize, value: u32) {
        unsafe { store_u32(self.at(offset, 4), value) }
    }

    pub fn put_u64(&mut self, offset: usize, value: u64) {
        unsafe { store_u64(self.at(offset, 8), value) }
    }

    /// Stores a (ptr, len) pair for a string that must outlive the import call.
    pub fn put_str(&mut self, offset: usize, value: &str) {
        self.put_u32(offset, value.as_ptr() as u32);
        self.put_u32(offset + 4, value.len() as u32);
    }
}
