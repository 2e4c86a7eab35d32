/* fuzz: helpers shared by the libFuzzer harnesses (a scratch folder, splitting an input). */
#ifndef TESTS_FUZZ_H
#define TESTS_FUZZ_H

#include <stddef.h>

/* Stops the run: a broken harness set-up is not a finding. */
__attribute__((noreturn, format(printf, 1, 2))) void fuzz_die(const char *fmt, ...);
/* A broken invariant: aborts, so that libFuzzer keeps the input as a crash. */
__attribute__((noreturn, format(printf, 1, 2))) void fuzz_fail(const char *fmt, ...);

/*
 * A fresh folder for this process, removed at exit: under $FUZZ_TMPDIR, else /dev/shm (memory,
 * so that thousands of runs a second do not touch the disk), else /tmp.
 */
const char *fuzz_scratch_make(const char *name);
/* Writes dir/rel anew (folders made on the way). */
void fuzz_write(const char *dir, const char *rel, const void *data, size_t len);

/*
 * Splits `data` at the byte `sep` into at most `max` parts (the last one takes the rest). Returns
 * how many there are; parts past it are left unset. A part is not NUL-terminated: use its length.
 */
struct fuzz_part {
    const char *p;
    size_t n;
};
size_t fuzz_split(const void *data, size_t size, char sep, struct fuzz_part *parts, size_t max);

#endif
