/*
 * Memory of one export call. The host lowers the arguments through cabi_realloc and the
 * export builds its result with arena_alloc; cabi_post_* then frees all of it at once, so a
 * call leaves nothing behind however many strings it touched.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

void *arena_alloc(size_t size, size_t align);
void arena_free_all(void);

#endif
