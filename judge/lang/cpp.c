/* C++: g++, gnu++20, linked statically. */
#include "gcc_paths.h"
#include "lang.h"

const struct lang lang_cpp = {
    .id = "cpp",
    .name = "C++ (g++, gnu++20)",
    .exts = (const char *const[]){".cpp", ".cc", ".cxx", ".c++", ".C", NULL},
    /* A submitted file keeps its name; beside a driver (include/cpp/) it is solution.cpp. */
    .driver_source = "solution.cpp",
    .compile = (const char *const[]){"/usr/bin/g++", "-std=gnu++20", "-O2", "-pipe", "-static",
                                     "-DONLINE_JUDGE", "-I/box/src", "-o", "{out}", "{sources}",
                                     "-lm", NULL},
    .run = (const char *const[]){"{out}", NULL},
    .version = (const char *const[]){"/usr/bin/g++", "--version", NULL},
    .toolchain = "/usr/bin/g++",
    .paths = (const char *const[]){"/usr/bin/g++", GCC_PATHS, NULL},
    .selftest =
        {"#include <iostream>\nint main() { std::cout << \"judged \" << 6 * 7 << '\\n'; }\n",
         "judged 42\n"},
    .processes = 16,
    .submissions = true,
    .native = true,
};
