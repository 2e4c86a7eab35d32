/* lang: the languages the judge compiles, as a table of data. */
#ifndef JUDGE_LANG_H
#define JUDGE_LANG_H

#include <stdbool.h>

struct lang {
    const char *id;           /* "c", "cpp": what the API calls it */
    const char *name;         /* for people */
    const char *const *exts;  /* source file extensions, NULL-terminated */
    const char *compiler;     /* absolute path inside the sandbox */
    const char *const *flags; /* before the sources */
    const char *const *libs;  /* after them */
    /*
     * Host paths the compiler and the runtime need, NULL-terminated: the sandbox shows each
     * read-only at the same path (folders whole, the symbolic links on the way as links) and
     * nothing else of the host. A path missing on this host is skipped. docs/sandbox.md says
     * why each is there.
     */
    const char *const *paths;
    bool submissions; /* may candidates submit in it */
};

/* By API id; NULL if unknown. */
const struct lang *lang_by_id(const char *id);
/* By a source file's name; NULL if no language has its extension. */
const struct lang *lang_by_path(const char *path);
/* The table, NULL-terminated. */
const struct lang *const *lang_all(void);
/*
 * Every language's `paths`, each once, NULL-terminated: what a sandbox is given to show
 * (struct sandbox_config.paths). Returns a new array the caller frees (the strings are the
 * table's, borrowed), or NULL when out of memory. Thread-safe.
 */
const char **lang_sandbox_paths(void);

#endif
