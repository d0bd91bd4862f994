//! Canonical ABI memory glue shared by every guest.
//!
//! `cabi_realloc` is a plain allocator: the WASI adapter may also use it for state that lives as
//! long as the instance, so nothing here frees memory in bulk. Memory the host allocates for us
//! (export arguments, import results) becomes ours: the `take_*` functions copy a value into an
//! owned Rust value and free exactly that allocation, as CanonicalABI.md expects of the owner.

use std::alloc::{alloc, dealloc, realloc, Layout};

#[no_mangle]
pub unsafe extern "C" fn cabi_realloc(old_ptr: usize, old_size: usize, align: usize, new_size: usize) -> usize {
    if old_size != 0 && new_size == 0 {
        free(old_ptr, old_size, align);
    }
    if new_size == 0 {
        // A zero-sized value needs an aligned address, never storage.
        return align;
    }
    let layout = match Layout::from_size_align(new_size, align) {
        Ok(layout) => layout,
        Err(_) => panic!("cabi_realloc: invalid alignment {}", align),
    };
    let ptr = if old_size == 0 {
        alloc(layout)
    } else {
        realloc(old_ptr as *mut u8, Layout::from_size_align_unchecked(old_size, align), new_size)
    };
    if ptr.is_null() {
        panic!("cabi_realloc: out of memory allocating {} bytes", new_size);
    }
    ptr as usize
}

/// Frees an allocation made through `cabi_realloc` whose ownership passed to this module.
pub unsafe fn free(ptr: usize, size: usize, align: usize) {
    if size != 0 {
        dealloc(ptr as *mut u8, Layout::from_size_align_unchecked(size, align));
    }
}

/// Takes ownership of `len` bytes at `ptr`: copies them out and frees them.
pub unsafe fn take_bytes(ptr: usize, len: usize) -> Vec<u8> {
    let bytes = std::slice::from_raw_parts(ptr as *const u8, len).to_vec();
    free(ptr, len, 1);
    bytes
}

/// Takes ownership of a string; the canonical ABI guarantees UTF-8, and a host that breaks that
/// promise gets replacement characters rather than a trap.
pub unsafe fn take_string(ptr: usize, len: usize) -> String {
    // An empty string owns no memory and its pointer may be anything, even 0: never read it.
    if len == 0 {
        return String::new();
    }
    let text = String::from_utf8_lossy(std::slice::from_raw_parts(ptr as *const u8, len)).into_owned();
    free(ptr, len, 1);
    text
}

/// Takes ownership of the `string` stored as (ptr, len) at `addr`.
pub unsafe fn take_string_at(addr: usize) -> String {
    take_string(load_u32(addr) as usize, load_u32(addr + 4) as usize)
}

/// Takes ownership of the `list<T>` stored as (ptr, len) at `addr`, taking each element with
/// `take` and then freeing the list's own memory.
pub unsafe fn take_list_at<T>(addr: usize, element_size: usize, align: usize, take: unsafe fn(usize) -> T) -> Vec<T> {
    take_list(load_u32(addr) as usize, load_u32(addr + 4) as usize, element_size, align, take)
}

/// Takes ownership of the `list<T>` of `len` elements at `ptr`.
pub unsafe fn take_list<T>(ptr: usize, len: usize, element_size: usize, align: usize, take: unsafe fn(usize) -> T) -> Vec<T> {
    let items = (0..len).map(|i| take(ptr + i * element_size)).collect();
    free(ptr, len * element_size, align);
    items
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

pub unsafe fn store_u8(addr: usize, value: u8) {
    *(addr as *mut u8) = value
}

pub unsafe fn store_u32(addr: usize, value: u32) {
    (addr as *mut u32).write_unaligned(value)
}

pub unsafe fn store_u64(addr: usize, value: u64) {
    (addr as *mut u64).write_unaligned(value)
}

/// Zeroed memory aligned to 8 bytes, owned by Rust: lists of records lowered for an import call or
/// an export's result, and return areas an import writes its result into (or an export returns).
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

    pub fn put_u8(&mut self, offset: usize, value: u8) {
        unsafe { store_u8(self.at(offset, 1), value) }
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

    /// Stores a (ptr, len) pair for a list of `len` elements lowered into `elements`.
    pub fn put_list(&mut self, offset: usize, elements: &AlignedBuffer, len: usize) {
        self.put_u32(offset, elements.addr() as u32);
        self.put_u32(offset + 4, len as u32);
    }
}
