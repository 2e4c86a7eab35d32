#include "lang.h"

#include <stdlib.h>
#include <string.h>

/*
 * Where the host keeps this architecture's libraries (Debian's multiarch folder) and the dynamic
 * loader dynamically linked programs name: gcc, as and ld are such programs.
 */
#if defined(__x86_64__)
#define MULTIARCH "x86_64-linux-gnu"
#define LOADER    "/lib64/ld-linux-x86-64.so.2"
#elif defined(__aarch64__)
#define MULTIARCH "aarch64-linux-gnu"
#define LOADER    "/lib/ld-linux-aarch64.so.1"
#else
#error "judge/lang.c: name this architecture's multiarch folder and dynamic loader"
#endif

static const char *const c_exts[] = {".c", NULL};
static const char *const c_flags[] = {"-std=gnu17",     "-O2", "-pipe", "-static",
                                      "-DONLINE_JUDGE", NULL};
static const char *const cpp_exts[] = {".cpp", ".cc", ".cxx", ".c++", ".C", NULL};
static const char *const cpp_flags[] = {"-std=gnu++20",   "-O2", "-pipe", "-static",
                                        "-DONLINE_JUDGE", NULL};
static const char *const libm[] = {"-lm", NULL};

/*
 * What gcc compiles and links a static C program with (traced with strace -f): the driver, the
 * assembler and the linker it finds on PATH (/usr/bin), cc1, collect2, lto-wrapper, the LTO
 * plugin, crtbegin.o and libgcc under /usr/lib/gcc (or /usr/libexec/gcc elsewhere), the headers,
 * libc.a, libm.a and the crt*.o start files in the multiarch folder, which also holds the shared
 * libraries gcc's own programs load (libbfd, libz, libzstd, libisl, libmpc, libmpfr, libgmp,
 * libc), and the loader that loads them. A program it makes is static and needs none of it.
 */
#define GCC_PATHS                                                                                  \
    "/usr/bin/as", "/usr/bin/ld", "/usr/lib/gcc", "/usr/libexec/gcc", "/usr/include",              \
        "/usr/lib/" MULTIARCH, "/lib/" MULTIARCH, LOADER
static const char *const c_paths[] = {"/usr/bin/gcc", GCC_PATHS, NULL};
/* g++ adds only its driver: cc1plus, libstdc++.a and its headers are in the folders above. */
static const char *const cpp_paths[] = {"/usr/bin/g++", GCC_PATHS, NULL};

/*
 * Static linking: a static binary starts without the loader's work (0.15 ms a run here) and needs
 * nothing from the root but itself.
 */
static const struct lang langs[] = {
    {.id = "c",
     .name = "C (gcc, gnu17)",
     .exts = c_exts,
     .compiler = "/usr/bin/gcc",
     .flags = c_flags,
     .libs = libm,
     .paths = c_paths,
     .submissions = true},
    {.id = "cpp",
     .name = "C++ (g++, gnu++20)",
     .exts = cpp_exts,
     .compiler = "/usr/bin/g++",
     .flags = cpp_flags,
     .libs = libm,
     .paths = cpp_paths,
     .submissions = true},
};

static const struct lang *const table[] = {&langs[0], &langs[1], NULL};

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
