/*
 * The registry of languages: the records live in judge/lang/<id>.c, one file each; this table is
 * the only place that lists them. Availability and the version probe look at the host.
 */
#define _GNU_SOURCE
#include "lang.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fsutil.h"

extern const struct lang lang_c, lang_cpp, lang_python, lang_java, lang_javascript, lang_go,
    lang_rust;

static const struct lang *const table[] = {
    &lang_c, &lang_cpp, &lang_python, &lang_java, &lang_javascript, &lang_go, &lang_rust, NULL,
};

_Static_assert(sizeof(table) / sizeof(table[0]) == LANG_COUNT + 1,
               "LANG_COUNT must be the number of records of the registry");

const struct lang *lang_by_id(const char *id)
{
    for (size_t i = 0; id && table[i]; i++)
        if (!strcmp(table[i]->id, id))
            return table[i];
    return NULL;
}

const struct lang *lang_by_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return NULL;
    for (size_t i = 0; table[i]; i++)
        for (const char *const *e = table[i]->exts; *e; e++)
            if (!strcmp(*e, dot))
                return table[i];
    return NULL;
}

const struct lang *const *lang_all(void)
{
    return table;
}

const char **lang_sandbox_paths(void)
{
    size_t max = 1;
    for (size_t i = 0; table[i]; i++)
        for (const char *const *p = table[i]->paths; p && *p; p++)
            max++;
    const char **out = calloc(max, sizeof(*out));
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; table[i]; i++) {
        for (const char *const *p = table[i]->paths; p && *p; p++) {
            size_t k = 0;
            while (k < n && strcmp(out[k], *p))
                k++;
            if (k == n)
                out[n++] = *p;
        }
    }
    return out;
}

void lang_list_ids(char *buf, size_t size)
{
    size_t len = 0;
    if (size)
        buf[0] = '\0';
    for (size_t i = 0; table[i] && len < size; i++)
        if (table[i]->submissions)
            len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "", table[i]->id);
}

int lang_index(const struct lang *lang)
{
    for (int i = 0; lang && table[i]; i++)
        if (table[i] == lang)
            return i;
    return -1;
}

/* Is `id` in the comma-separated list `list`? */
static bool listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, id, n))
            return true;
        p = end ? end + 1 : NULL;
    }
    return false;
}

bool lang_available(const struct lang *lang)
{
    if (!lang || listed(getenv("JUDGED_HIDE_LANGS"), lang->id))
        return false;
    return access(lang->toolchain, X_OK) == 0;
}

/*** The version probes ***/

#define VERSION_MAX 128

static char versions[LANG_COUNT][VERSION_MAX];
static pthread_once_t probed = PTHREAD_ONCE_INIT;

/* Runs `argv` with stdout and stderr into a pipe (java -version writes to stderr); its first line.
 */
static void probe(const char *const *argv, char *out, size_t size)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    static char *const env[] = {"PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=/tmp", NULL};
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, env);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    size_t len = 0;
    char buf[1024];
    ssize_t n;
    while (!rc && (n = read(fds[0], buf + len, sizeof(buf) - 1 - len)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        len += (size_t)n;
        if (len == sizeof(buf) - 1)
            break;
    }
    close(fds[0]);
    if (rc)
        return;
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    buf[len] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    snprintf(out, size, "%s", buf);
}

static void probe_all(void)
{
    for (size_t i = 0; table[i]; i++)
        if (access(table[i]->toolchain, X_OK) == 0)
            probe(table[i]->version, versions[i], VERSION_MAX);
}

const char *lang_version(const struct lang *lang)
{
    int i = lang_index(lang);
    if (i < 0)
        return "";
    pthread_once(&probed, probe_all);
    return versions[i];
}

unsigned lang_time_limit_ms(const struct lang *lang, unsigned ms)
{
    unsigned pct = lang && lang->time_factor_pct ? lang->time_factor_pct : 100;
    unsigned long long t = (unsigned long long)ms * pct / 100 + (lang ? lang->time_extra_ms : 0);
    return t > 3600000u ? 3600000u : (unsigned)t;
}

int lang_write_source(const char *dir, const char *lang, const char *source, char *path,
                      size_t size)
{
    const struct lang *l = lang_by_id(lang);
    if (!l)
        return -EINVAL;
    int rc = fs_mkdirs(dir, 0700);
    if (rc)
        return rc;
    snprintf(path, size, "%s/main%s", dir, l->exts[0]);
    return fs_write(path, source, strlen(source), 0600);
}
