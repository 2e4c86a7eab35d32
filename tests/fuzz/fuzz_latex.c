/*
 * fuzz_latex: the LaTeX statement converter, latex_to_markdown.
 *
 * The input is the statement's source, given in a buffer of its exact size so that reading past
 * it is caught. Besides memory safety the harness checks what the conversion must always do:
 *   - it ends (no input loops) and returns 0 or -EFBIG, never anything else;
 *   - with a cap, the output never passes it;
 *   - the output holds no NUL (the statement is a C string from there on).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "latex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *tex = malloc(size ? size : 1);
    if (!tex)
        fuzz_die("out of memory");
    memcpy(tex, data, size);
    size_t cap = 4 * size + 64;
    char *out = NULL;
    struct diag warnings = DIAG_INIT;
    int rc = latex_to_markdown(tex, size, cap, &out, &warnings);
    if (rc != 0 && rc != -EFBIG && rc != -ENOMEM)
        fuzz_fail("unexpected result %d", rc);
    if (rc == 0) {
        size_t n = strlen(out);
        if (n > cap)
            fuzz_fail("output of %zu bytes past the cap of %zu", n, cap);
        free(out);
    } else if (out) {
        fuzz_fail("out-parameter set on failure");
    }
    diag_release(&warnings);
    free(tex);
    return 0;
}
