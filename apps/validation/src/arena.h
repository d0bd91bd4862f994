/*
 * Memory of one export call. The host lowers the arguments through cabi_realloc and the
 * export builds its result with arena_alloc; cabi_post_* then frees all of it at once, so a
 * call leaves nothing behind however many strings it touched.
 *
 * This relies on the module making no WASI call: in the componentized build the WASI adapter
 * keeps its state in memory it takes through cabi_realloc, which arena_free_all would free. So
 * no stdio output here (vsnprintf into a buffer is fine); the Rust guests free by ownership
 * instead and may log.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

void *arena_alloc(size_t size, size_t align);
void arena_free_all(void);

#endif
