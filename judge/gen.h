/* gen: makes a package's test data from generators/generators.yaml (BAPCtools' format). */
#ifndef JUDGE_GEN_H
#define JUDGE_GEN_H

#include <stdbool.h>

#include "diag.h"
#include "judge.h"

/*
 * Does the package in folder `dir` make its test data with generators/generators.yaml?
 */
bool gen_wanted(const char *dir);

/*
 * Makes the test data of the package in folder `dir` as its generators/generators.yaml says,
 * writing the files under dir/data/ (the caller gives a folder it may write: a stored copy, never
 * an author's own; a file that holds what was made already is left alone, others are replaced by
 * a rename). Programs (generators in C, C++ or Python, and the solutions that write the answers)
 * run in the sandbox slot of `env`, under limits of their own. What was made is kept in
 * `cache_dir`/generated-HASH, HASH being the content of generators/, submissions/ and the manual
 * cases' files: the same package again copies it instead of running anything. Entries judged
 * does not support are warned about in `warnings`, naming the entry; failures go to `errors`
 * naming the test case. Returns 0 (0 with errors added: the package is invalid), or a negative
 * errno when generation itself could not run. Not thread-safe for one slot; distinct slots and
 * folders may run at once.
 */
int gen_package(const struct judge_env *env, const char *dir, const char *cache_dir,
                struct diag *errors, struct diag *warnings);

#endif
