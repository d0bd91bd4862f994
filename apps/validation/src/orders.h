/*
 * The acme:orders@0.1.0 types in their canonical ABI memory layout (wasm32).
 *
 * On wasm32 a C struct of these members lays out exactly as the component model's
 * CanonicalABI.md does (string/list = ptr,len of 4 bytes each; u64 aligned to 8; a
 * variant's payload aligned to its widest case), so the host's lowered values can be read
 * and the result written through plain structs. The static asserts pin every offset.
 */
#ifndef ORDERS_H
#define ORDERS_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *ptr;
    size_t len;
} str_t;

typedef struct {
    uint8_t is_some;
    str_t value;
} option_str_t;

typedef struct {
    str_t sku;
    uint32_t quantity;
    uint64_t unit_price_cents;
} line_t;

typedef struct {
    line_t *ptr;
    size_t len;
} line_list_t;

typedef struct {
    str_t id;
    str_t customer;
    str_t region;
    line_list_t lines;
    option_str_t coupon;
} order_t;

typedef struct {
    str_t field;
    str_t reason;
} problem_t;

typedef struct {
    problem_t *ptr;
    size_t len;
} problem_list_t;

/* enum step */
enum { STEP_VALIDATE = 0, STEP_PRICE = 1, STEP_RESERVE = 2 };

typedef struct {
    uint8_t step;
    problem_list_t problems;
} rejection_t;

/* result<order, rejection> */
typedef struct {
    uint8_t is_err;
    union {
        order_t ok;
        rejection_t err;
    } val;
} order_result_t;

static_assert(sizeof(str_t) == 8 && _Alignof(str_t) == 4, "string layout");
static_assert(sizeof(option_str_t) == 12 && offsetof(option_str_t, value) == 4, "option<string> layout");
static_assert(sizeof(line_t) == 24 && _Alignof(line_t) == 8, "line size/align");
static_assert(offsetof(line_t, quantity) == 8 && offsetof(line_t, unit_price_cents) == 16, "line fields");
static_assert(sizeof(order_t) == 44 && _Alignof(order_t) == 4, "order size/align");
static_assert(offsetof(order_t, region) == 16 && offsetof(order_t, lines) == 24 && offsetof(order_t, coupon) == 32,
              "order fields");
static_assert(sizeof(problem_t) == 16, "problem layout");
static_assert(sizeof(rejection_t) == 12 && offsetof(rejection_t, problems) == 4, "rejection layout");
static_assert(sizeof(order_result_t) == 48 && offsetof(order_result_t, val) == 4, "result<order, rejection> layout");

#endif
