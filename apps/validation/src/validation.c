#include "bindings.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The rules of apps/README.md. */
#define MAX_ID_CHARS 64
#define MAX_CUSTOMER_CHARS 100
#define MAX_LINES 50
#define MIN_QUANTITY 1
#define MAX_QUANTITY 10000
#define MAX_UNIT_PRICE_CENTS 10000000ULL
#define MIN_COUPON_CHARS 3
#define MAX_COUPON_CHARS 20

static const char *const KNOWN_REGIONS[] = {"EU-DE", "EU-FR", "EU-NL", "US-CA", "US-NY", "US-OR"};
#define KNOWN_REGION_COUNT (sizeof(KNOWN_REGIONS) / sizeof(KNOWN_REGIONS[0]))
#define KNOWN_REGION_LIST "EU-DE, EU-FR, EU-NL, US-CA, US-NY, US-OR"

typedef struct {
    orders_problem_t *items;
    size_t len;
    size_t capacity;
} problems_t;

static wit_string_t format(const char *fmt, va_list args) {
    va_list copy;
    va_copy(copy, args);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (len < 0) {
        __builtin_trap();
    }
    char *text = wit_alloc((size_t)len + 1, 1);
    vsnprintf(text, (size_t)len + 1, fmt, args);
    return (wit_string_t){text, (size_t)len};
}

static wit_string_t formatted(const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    wit_string_t text = format(fmt, args);
    va_end(args);
    return text;
}

static void add_problem(problems_t *problems, wit_string_t field, const char *reason_fmt, ...) {
    if (problems->len == problems->capacity) {
        size_t capacity = problems->capacity == 0 ? 8 : problems->capacity * 2;
        orders_problem_t *items = wit_alloc(capacity * sizeof(orders_problem_t), _Alignof(orders_problem_t));
        if (problems->len > 0) {
            memcpy(items, problems->items, problems->len * sizeof(orders_problem_t));
        }
        problems->items = items;
        problems->capacity = capacity;
    }
    va_list args;
    va_start(args, reason_fmt);
    problems->items[problems->len++] = (orders_problem_t){field, format(reason_fmt, args)};
    va_end(args);
}

static wit_string_t field_name(const char *name) {
    return (wit_string_t){(char *)name, strlen(name)};
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static wit_string_t trim(wit_string_t s) {
    while (s.len > 0 && is_space(s.ptr[0])) {
        s.ptr++;
        s.len--;
    }
    while (s.len > 0 && is_space(s.ptr[s.len - 1])) {
        s.len--;
    }
    return s;
}

static void upper_case(wit_string_t s) {
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] >= 'a' && s.ptr[i] <= 'z') {
            s.ptr[i] = (char)(s.ptr[i] - 'a' + 'A');
        }
    }
}

/* Strings arrive as valid UTF-8 (the canonical ABI guarantees it), so characters are the
 * bytes that do not continue a multi-byte sequence. */
static size_t char_count(wit_string_t s) {
    size_t count = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (((unsigned char)s.ptr[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

/* Unicode's control category: C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F, which
 * UTF-8 encodes as 0xC2 followed by 0x80-0x9F). */
static bool has_control_char(wit_string_t s) {
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c < 0x20 || c == 0x7F) {
            return true;
        }
        if (c == 0xC2 && i + 1 < s.len && (unsigned char)s.ptr[i + 1] >= 0x80 && (unsigned char)s.ptr[i + 1] <= 0x9F) {
            return true;
        }
    }
    return false;
}

static bool equals(wit_string_t a, wit_string_t b) {
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

__attribute__((noinline)) static void check_id(orders_order_t *order, problems_t *problems) {
    order->id = trim(order->id);
    wit_string_t id = order->id;
    if (id.len == 0) {
        add_problem(problems, field_name("id"), "must not be empty");
        return;
    }
    if (char_count(id) > MAX_ID_CHARS) {
        add_problem(problems, field_name("id"), "must be at most %d characters, got %zu", MAX_ID_CHARS,
                    char_count(id));
    }
    for (size_t i = 0; i < id.len; i++) {
        char c = id.ptr[i];
        if (!(is_upper(c) || (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '_')) {
            add_problem(problems, field_name("id"), "may contain only letters, digits, '-' and '_'");
            return;
        }
    }
}

__attribute__((noinline)) static void check_customer(orders_order_t *order, problems_t *problems) {
    order->customer = trim(order->customer);
    wit_string_t customer = order->customer;
    if (customer.len == 0) {
        add_problem(problems, field_name("customer"), "must not be empty");
        return;
    }
    if (char_count(customer) > MAX_CUSTOMER_CHARS) {
        add_problem(problems, field_name("customer"), "must be at most %d characters, got %zu",
                    MAX_CUSTOMER_CHARS, char_count(customer));
    }
    if (has_control_char(customer)) {
        add_problem(problems, field_name("customer"), "must not contain control characters");
    }
}

/* Region codes look like `EU-DE`: an area, a dash, a country or state. */
static bool is_region_format(wit_string_t r) {
    return r.len == 5 && is_upper(r.ptr[0]) && is_upper(r.ptr[1]) && r.ptr[2] == '-' && is_upper(r.ptr[3]) &&
           is_upper(r.ptr[4]);
}

__attribute__((noinline)) static void check_region(orders_order_t *order, problems_t *problems) {
    order->region = trim(order->region);
    upper_case(order->region);
    wit_string_t region = order->region;
    if (!is_region_format(region)) {
        add_problem(problems, field_name("region"),
                    "must look like EU-DE (two letters, a dash, two letters), got '%.*s'", (int)region.len,
                    region.ptr);
        return;
    }
    for (size_t i = 0; i < KNOWN_REGION_COUNT; i++) {
        if (equals(region, field_name(KNOWN_REGIONS[i]))) {
            return;
        }
    }
    add_problem(problems, field_name("region"), "unknown region '%.*s'; known regions: " KNOWN_REGION_LIST,
                (int)region.len, region.ptr);
}

/* SKUs look like `MUG-0001`: three letters, a dash, four digits. */
static bool is_sku_format(wit_string_t s) {
    if (s.len != 8 || s.ptr[3] != '-') {
        return false;
    }
    for (size_t i = 0; i < 3; i++) {
        if (!is_upper(s.ptr[i])) {
            return false;
        }
    }
    for (size_t i = 4; i < 8; i++) {
        if (!is_digit(s.ptr[i])) {
            return false;
        }
    }
    return true;
}

__attribute__((noinline)) static void check_lines(orders_order_t *order, problems_t *problems) {
    wit_list_orders_line_t lines = order->lines;
    if (lines.len == 0) {
        add_problem(problems, field_name("lines"), "must have at least one line");
        return;
    }
    if (lines.len > MAX_LINES) {
        add_problem(problems, field_name("lines"), "must have at most %d lines, got %zu", MAX_LINES, lines.len);
    }
    for (size_t i = 0; i < lines.len; i++) {
        orders_line_t *line = &lines.ptr[i];
        line->sku = trim(line->sku);
        upper_case(line->sku);
        if (!is_sku_format(line->sku)) {
            add_problem(problems, formatted("lines[%zu].sku", i),
                        "must look like MUG-0001 (three letters, a dash, four digits), got '%.*s'",
                        (int)line->sku.len, line->sku.ptr);
        } else {
            for (size_t j = 0; j < i; j++) {
                if (equals(line->sku, lines.ptr[j].sku)) {
                    add_problem(problems, formatted("lines[%zu].sku", i), "duplicate of lines[%zu].sku (%.*s)", j,
                                (int)line->sku.len, line->sku.ptr);
                    break;
                }
            }
        }
        if (line->quantity < MIN_QUANTITY || line->quantity > MAX_QUANTITY) {
            add_problem(problems, formatted("lines[%zu].quantity", i), "must be between %d and %d, got %u",
                        MIN_QUANTITY, MAX_QUANTITY, line->quantity);
        }
        if (line->unit_price_cents == 0) {
            add_problem(problems, formatted("lines[%zu].unit-price-cents", i), "must be greater than 0");
        } else if (line->unit_price_cents > MAX_UNIT_PRICE_CENTS) {
            add_problem(problems, formatted("lines[%zu].unit-price-cents", i), "must be at most %llu, got %llu",
                        MAX_UNIT_PRICE_CENTS, (unsigned long long)line->unit_price_cents);
        }
    }
}

__attribute__((noinline)) static void check_coupon(orders_order_t *order, problems_t *problems) {
    if (!order->coupon.is_some) {
        return;
    }
    order->coupon.val = trim(order->coupon.val);
    upper_case(order->coupon.val);
    wit_string_t coupon = order->coupon.val;
    bool alphanumeric = true;
    for (size_t i = 0; i < coupon.len; i++) {
        alphanumeric = alphanumeric && (is_upper(coupon.ptr[i]) || is_digit(coupon.ptr[i]));
    }
    if (!alphanumeric || coupon.len < MIN_COUPON_CHARS || coupon.len > MAX_COUPON_CHARS) {
        add_problem(problems, field_name("coupon"), "must be %d to %d letters or digits, got '%.*s'",
                    MIN_COUPON_CHARS, MAX_COUPON_CHARS, (int)coupon.len, coupon.ptr);
    }
}

/* The export of world acme:orders-app/validation-component: checks the order and normalises it in
 * place (trimmed id, customer, SKUs and coupon; upper-cased region, SKUs and coupon); answers the
 * normalised order, or a rejection listing every problem found. Allocates only with wit_alloc,
 * which post-return frees with the arguments.
 *
 * The checks stay separate functions (noinline): inlined into one, the export became a JVM method
 * too large for HotSpot's C2 when Chicory compiles it (see apps/build/build-guest.sh). */
void exports_validation_validate(orders_order_t *order, wit_result_orders_order_orders_rejection_t *out) {
    problems_t problems = {0};
    check_id(order, &problems);
    check_customer(order, &problems);
    check_region(order, &problems);
    check_lines(order, &problems);
    check_coupon(order, &problems);
    if (problems.len == 0) {
        out->is_err = 0;
        out->val.ok = *order;
    } else {
        out->is_err = 1;
        out->val.err = (orders_rejection_t){ORDERS_STEP_VALIDATE, {problems.items, problems.len}};
    }
}
