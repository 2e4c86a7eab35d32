/* checker: the Kattis default output validator (token comparison with its flags). */
#ifndef JUDGE_CHECKER_H
#define JUDGE_CHECKER_H

/* Thread-safety: no shared state; any thread may call any function. */

#include <stdbool.h>
#include <stddef.h>

struct checker_flags {
    bool case_sensitive;
    bool space_change_sensitive;
    double abs_tol; /* < 0: not given */
    double rel_tol; /* < 0: not given */
};

/*
 * Parses the default validator's flags ("case_sensitive float_tolerance 1e-6"). An unknown flag or
 * a missing number is -EINVAL with the reason in `err`.
 */
int checker_parse(const char *args, struct checker_flags *out, char *err, size_t errsize);

/*
 * Compares a program's output with the judge's answer. Returns true when accepted; otherwise
 * `msg` says where they first differ ("token 3: expected '5', got '6'").
 */
bool checker_compare(const struct checker_flags *f, const char *out, size_t outlen, const char *ans,
                     size_t anslen, char *msg, size_t msgsize);

#endif
