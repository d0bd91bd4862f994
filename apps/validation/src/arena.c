#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Each allocation is its own malloc block behind a header linking it to the previous one.
 * The header is 8 bytes and malloc aligns to at least 8, so payloads are 8-aligned: enough
 * for every canonical ABI type (the widest is u64). */
typedef struct block {
    struct block *prev;
    size_t size;
} block_t;

_Static_assert(sizeof(block_t) == 8, "header keeps the payload 8-aligned");

static block_t *last_block;

void *arena_alloc(size_t size, size_t align) {
    if (align > 8 || size > SIZE_MAX - sizeof(block_t)) {
        __builtin_trap();
    }
    block_t *block = malloc(sizeof(block_t) + size);
    if (block == NULL) {
        __builtin_trap();
    }
    block->prev = last_block;
    block->size = size;
    last_block = block;
    return block + 1;
}

void arena_free_all(void) {
    while (last_block != NULL) {
        block_t *prev = last_block->prev;
        free(last_block);
        last_block = prev;
    }
}

/* The canonical ABI allocator: (old_ptr, old_size, align, new_size) -> ptr. */
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    void *fresh = arena_alloc(new_size, align);
    if (old_ptr != NULL) {
        memcpy(fresh, old_ptr, old_size < new_size ? old_size : new_size);
    }
    return fresh;
}
