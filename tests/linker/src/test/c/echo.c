// Callee for the linker tests: implements world test:abi/callee, exporting interface
// test:abi/echo@0.1.0 by hand-written canonical ABI glue.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align; // malloc's 16-byte alignment covers every canonical ABI alignment
    // Never a dangling pointer for size 0: the callee free()s what it is given.
    return realloc(old, new_size ? new_size : 1);
}

static uint8_t ret_area[16] __attribute__((aligned(8)));

// reverse: func(s: string) -> string
EXPORT("test:abi/echo@0.1.0#reverse")
uint8_t *echo_reverse(uint8_t *s, size_t len) {
    uint8_t *out = malloc(len ? len : 1);
    // Reverse by UTF-8 code point so the result stays valid UTF-8.
    size_t i = 0;
    while (i < len) {
        size_t n = 1;
        while (i + n < len && (s[i + n] & 0xC0) == 0x80) n++;
        memcpy(out + len - i - n, s + i, n);
        i += n;
    }
    free(s);
    ((uint32_t *)ret_area)[0] = (uint32_t)(uintptr_t)out;
    ((uint32_t *)ret_area)[1] = (uint32_t)len;
    return ret_area;
}

EXPORT("cabi_post_test:abi/echo@0.1.0#reverse")
void echo_reverse_post(uint8_t *ret) {
    free((void *)(uintptr_t)((uint32_t *)ret)[0]);
}

// record item { name: string, price: u64, qty: u32 }: name @0 (8), price @8, qty @16; size 24
// total: func(items: list<item>) -> result<u64, string>
// result<u64,string>: disc @0, payload @8 (u64 or ptr,len); size 16
EXPORT("test:abi/echo@0.1.0#total")
uint8_t *echo_total(uint8_t *items, size_t count) {
    uint64_t sum = 0;
    for (size_t i = 0; i < count; i++) {
        uint8_t *item = items + 24 * i;
        uint32_t qty = *(uint32_t *)(item + 16);
        if (qty == 0) {
            uint32_t name_len = *(uint32_t *)(item + 4);
            const char *prefix = "zero quantity for ";
            size_t plen = strlen(prefix);
            char *msg = malloc(plen + name_len);
            memcpy(msg, prefix, plen);
            memcpy(msg + plen, (void *)(uintptr_t)*(uint32_t *)item, name_len);
            ret_area[0] = 1;
            *(uint32_t *)(ret_area + 8) = (uint32_t)(uintptr_t)msg;
            *(uint32_t *)(ret_area + 12) = (uint32_t)(plen + name_len);
            return ret_area;
        }
        sum += *(uint64_t *)(item + 8) * qty;
    }
    for (size_t i = 0; i < count; i++) {
        free((void *)(uintptr_t)*(uint32_t *)(items + 24 * i));
    }
    free(items);
    ret_area[0] = 0;
    *(uint64_t *)(ret_area + 8) = sum;
    return ret_area;
}

EXPORT("cabi_post_test:abi/echo@0.1.0#total")
void echo_total_post(uint8_t *ret) {
    if (ret[0] == 1) {
        free((void *)(uintptr_t)*(uint32_t *)(ret + 8));
    }
}

// bytes: func(b: list<u8>) -> list<u8>, reversed in place
EXPORT("test:abi/echo@0.1.0#bytes")
uint8_t *echo_bytes(uint8_t *b, size_t len) {
    for (size_t i = 0; i < len / 2; i++) {
        uint8_t t = b[i];
        b[i] = b[len - 1 - i];
        b[len - 1 - i] = t;
    }
    ((uint32_t *)ret_area)[0] = (uint32_t)(uintptr_t)b;
    ((uint32_t *)ret_area)[1] = (uint32_t)len;
    return ret_area;
}

// spill: func(a..q: 17 x u32) -> u64: 17 flat params, so they arrive as a pointer to a tuple
EXPORT("test:abi/echo@0.1.0#spill")
uint64_t echo_spill(uint32_t *args) {
    uint64_t sum = 0;
    for (int i = 0; i < 17; i++) sum += args[i];
    free(args);
    return sum;
}

// fail: func() -> u32
EXPORT("test:abi/echo@0.1.0#fail")
uint32_t echo_fail(void) {
    __builtin_trap();
}
