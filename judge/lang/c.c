/* C: gcc, gnu17, linked statically. */
#include "gcc_paths.h"
#include "lang.h"

/*
 * Static linking: a static binary starts without the loader's work (0.15 ms a run here) and needs
 * nothing from the root but itself.
 */
const struct lang lang_c = {
    .id = "c",
    .name = "C (gcc, gnu17)",
    .exts = (const char *const[]){".c", NULL},
    /* No name of its own: a submitted file keeps its name (diagnostics point at it). */
    .compile = (const char *const[]){"/usr/bin/gcc", "-std=gnu17", "-O2", "-pipe", "-static",
                                     "-DONLINE_JUDGE", "-I/box/src", "-o", "{out}", "{sources}",
                                     "-lm", NULL},
    .run = (const char *const[]){"{out}", NULL},
    .version = (const char *const[]){"/usr/bin/gcc", "--version", NULL},
    .toolchain = "/usr/bin/gcc",
    .paths = (const char *const[]){"/usr/bin/gcc", GCC_PATHS, NULL},
    .selftest = {"#include <stdio.h>\nint main(void) { printf(\"judged %d\\n\", 6 * 7); }\n",
                 "judged 42\n"},
    .processes = 16,
    .submissions = true,
    .native = true,
};
