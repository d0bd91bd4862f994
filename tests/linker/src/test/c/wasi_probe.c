// Implements world test:abi/wasi-world: each export tries one WASI capability and reports what
// it got, so the tests can see what the host granted.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXPORT(name) __attribute__((export_name(name)))

extern char **environ;

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align; // malloc's 16-byte alignment covers every canonical ABI alignment
    return realloc(old, new_size ? new_size : 1);
}

// now: func() -> s64: seconds since the epoch, or -errno
EXPORT("test:abi/probe@0.1.0#now")
int64_t probe_now(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) return -errno;
    return ts.tv_sec;
}

// entropy: func() -> s32: 0, or -errno
EXPORT("test:abi/probe@0.1.0#entropy")
int32_t probe_entropy(void) {
    uint8_t buf[8];
    return getentropy(buf, sizeof buf) == 0 ? 0 : -errno;
}

// say: func(s: string): one line on stdout
EXPORT("test:abi/probe@0.1.0#say")
void probe_say(uint8_t *s, size_t len) {
    fwrite(s, 1, len, stdout);
    fputc('\n', stdout);
    fflush(stdout);
    free(s);
}

// environment: func() -> u32: number of environment variables
EXPORT("test:abi/probe@0.1.0#environment")
uint32_t probe_environment(void) {
    uint32_t n = 0;
    for (char **e = environ; e && *e; e++) n++;
    return n;
}

// open-file: func() -> s32: 0 if /etc/hostname could be opened, else -errno
EXPORT("test:abi/probe@0.1.0#open-file")
int32_t probe_open_file(void) {
    FILE *f = fopen("/etc/hostname", "r");
    if (!f) return -errno;
    fclose(f);
    return 0;
}

// quit: func(): exits the whole guest with status 3
EXPORT("test:abi/probe@0.1.0#quit")
void probe_quit(void) {
    exit(3);
}
