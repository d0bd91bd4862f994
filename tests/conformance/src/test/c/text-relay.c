/*
 * World conformance:echo/text-relay: every text export calls the same function of the imported
 * text interface (see structured-relay.c for how forwarding works). pending-allocations adds this
 * module's live allocations to the callee's, so a host that skips post-return on either side of
 * an import call shows up.
 */
#include "cabi.h"

#define IMPORT(fn) __attribute__((import_module("conformance:echo/text@0.1.0"), import_name(fn)))
#define T(fn) FUNC("text", fn)

typedef int32_t i32;

IMPORT("reverse") extern void reverse_import(i32, i32, void *);
IMPORT("concat") extern void concat_import(i32, i32, i32, i32, void *);
IMPORT("count-code-points") extern i32 count_code_points_import(i32, i32);
IMPORT("reverse-bytes") extern void reverse_bytes_import(i32, i32, void *);
IMPORT("split") extern void split_import(i32, i32, i32, void *);
IMPORT("join") extern void join_import(i32, i32, i32, i32, void *);
IMPORT("reverse-all") extern void reverse_all_import(i32, i32, void *);
IMPORT("pending-allocations") extern i32 pending_allocations_import(void);

/* Every text result in memory is a (pointer, length) pair. */
static void *area(void) { return galloc(8); }

EXPORT(T("reverse")) void *reverse(i32 p, i32 l) { void *r = area(); reverse_import(p, l, r); return r; }
EXPORT(T("concat")) void *concat(i32 a, i32 b, i32 c, i32 d) { void *r = area(); concat_import(a, b, c, d, r); return r; }
EXPORT(T("count-code-points")) i32 count_code_points(i32 p, i32 l) { return count_code_points_import(p, l); }
EXPORT(T("reverse-bytes")) void *reverse_bytes(i32 p, i32 l) { void *r = area(); reverse_bytes_import(p, l, r); return r; }
EXPORT(T("split")) void *split(i32 p, i32 l, i32 sep) { void *r = area(); split_import(p, l, sep, r); return r; }
EXPORT(T("join")) void *join(i32 a, i32 b, i32 c, i32 d) { void *r = area(); join_import(a, b, c, d, r); return r; }
EXPORT(T("reverse-all")) void *reverse_all(i32 p, i32 l) { void *r = area(); reverse_all_import(p, l, r); return r; }
EXPORT(T("pending-allocations")) i32 pending_allocations(void) {
    return (i32) live_allocations() + pending_allocations_import();
}

#define POST_AREA(fn, cname) EXPORT(POST("text", fn)) void cname##_post(void *r) { (void) r; release_all(); }
POST_AREA("reverse", reverse)
POST_AREA("concat", concat)
POST_AREA("reverse-bytes", reverse_bytes)
POST_AREA("split", split)
POST_AREA("join", join)
POST_AREA("reverse-all", reverse_all)
EXPORT(POST("text", "count-code-points")) void count_code_points_post(i32 r) { (void) r; release_all(); }
