// Caller for the linker tests: implements world test:abi/caller. Imports test:abi/echo@0.1.0
// (served by echo.c or by Java) and test:abi/notes@0.1.0 (served by Java); exports
// test:abi/front@0.1.0.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

IMPORT("test:abi/echo@0.1.0", "reverse") void echo_reverse(const uint8_t *s, size_t len, uint32_t *ret);
IMPORT("test:abi/echo@0.1.0", "total") void echo_total(const uint8_t *items, size_t count, uint8_t *ret);
IMPORT("test:abi/echo@0.1.0", "fail") uint32_t echo_fail(void);
// note: func(msg: string) -> option<string>
IMPORT("test:abi/notes@0.1.0", "note") void notes_note(const uint8_t *s, size_t len, uint32_t *ret);

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align; // malloc's 16-byte alignment covers every canonical ABI alignment
    // Never a dangling pointer for size 0: the callee free()s what it is given.
    return realloc(old, new_size ? new_size : 1);
}

static uint32_t ret_area[4];

// shout: func(s: string) -> string: reverse through the import, then upper-case ASCII
EXPORT("test:abi/front@0.1.0#shout")
uint32_t *front_shout(uint8_t *s, size_t len) {
    uint32_t got[2];
    echo_reverse(s, len, got);
    free(s);
    uint8_t *out = (uint8_t *)(uintptr_t)got[0];
    for (uint32_t i = 0; i < got[1]; i++) {
        if (out[i] >= 'a' && out[i] <= 'z') out[i] -= 32;
    }
    ret_area[0] = got[0];
    ret_area[1] = got[1];
    return ret_area;
}

EXPORT("cabi_post_test:abi/front@0.1.0#shout")
void front_shout_post(uint32_t *ret) {
    free((void *)(uintptr_t)ret[0]);
}

// order-total: func(items: list<item>) -> result<u64, string>: forwarded to the import as is
EXPORT("test:abi/front@0.1.0#order-total")
uint8_t *front_order_total(uint8_t *items, size_t count) {
    static uint8_t result[16] __attribute__((aligned(8)));
    echo_total(items, count, result);
    return result;
}

// annotate: func(s: string) -> string: "note: <some>" or "no note"
EXPORT("test:abi/front@0.1.0#annotate")
uint32_t *front_annotate(uint8_t *s, size_t len) {
    uint32_t got[3];
    notes_note(s, len, got);
    const char *prefix = "note: ";
    size_t plen = strlen(prefix);
    if ((got[0] & 0xFF) == 1) {
        char *out = malloc(plen + got[2]);
        memcpy(out, prefix, plen);
        memcpy(out + plen, (void *)(uintptr_t)got[1], got[2]);
        ret_area[0] = (uint32_t)(uintptr_t)out;
        ret_area[1] = (uint32_t)(plen + got[2]);
    } else {
        ret_area[0] = (uint32_t)(uintptr_t)"no note";
        ret_area[1] = 7;
    }
    return ret_area;
}

// fail-through: func() -> u32: calls echo.fail, which traps in the callee
EXPORT("test:abi/front@0.1.0#fail-through")
uint32_t front_fail_through(void) {
    return echo_fail();
}
