/* helpers: small fixtures shared by the unit tests (temporary folders and files). */
#ifndef TESTS_HELPERS_H
#define TESTS_HELPERS_H

#include <stddef.h>

/* A fresh folder under /tmp; the caller removes it with fs_remove_tree. */
char *helper_tmpdir(void);
/* Writes `text` to dir/rel, creating folders on the way. */
void helper_write(const char *dir, const char *rel, const char *text);
/* Runs every case of `s` (and frees it): EXIT_SUCCESS when none failed, for main() to return. */
struct Suite; /* check.h's; not included here (check_queue renames a name it clashes with) */
int helper_run(struct Suite *s);

#endif
