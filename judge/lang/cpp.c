/* C++: g++, gnu++20, linked statically. */
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
    .paths = (const char *const[]){"/usr/bin/g++", "/usr/bin/as", "/usr/bin/ld", "/usr/lib/gcc",
                                   "/usr/libexec/gcc", "/usr/include", "/usr/lib/x86_64-linux-gnu",
                                   NULL},
    .selftest =
        {"#include <iostream>\nint main() { std::cout << \"judged \" << 6 * 7 << '\\n'; }\n",
         "judged 42\n"},
    .processes = 16,
    .submissions = true,
    .native = true,
};
