/*
 * Rust, Debian's rustc (no cargo, no crates). Linked statically (crt-static) by gcc named by its
 * path, as /usr/bin/cc is an alternatives link into /etc: the binary needs nothing of the root.
 * rustc keeps no cache unless asked (no incremental folder, no cargo): its temporary files go to
 * the slot's /tmp, emptied before every run, so nothing is shared between submissions.
 * rustc 1.63 (Debian 12) reads /proc/self/exe to find its sysroot even when --sysroot names it
 * (and panics without it): compiling shows that one link, to /usr/bin/rustc, in a /proc of the
 * run's own that holds nothing else (compile_self_exe). The sysroot is still named, so that
 * nothing else depends on where the link points.
 */
#include "lang.h"

const struct lang lang_rust = {
    .id = "rust",
    .name = "Rust (rustc, 2021)",
    .exts = (const char *const[]){".rs", NULL},
    .source_name = "solution.rs",
    .driver_source = "solution.rs",
    .driver_main = "main.rs",
    .compile =
        (const char *const[]){"/usr/bin/rustc", "--sysroot", "/usr", "--edition=2021", "-O", "-C",
                              "target-feature=+crt-static", "-C", "linker=/usr/bin/gcc", "--cfg",
                              "online_judge", "-o", "{out}", "{main}", NULL},
    .compile_env = (const char *const[]){"HOME=/tmp", NULL},
    .compile_self_exe = true,
    .run = (const char *const[]){"{out}", NULL},
    .version = (const char *const[]){"/usr/bin/rustc", "--version", NULL},
    .toolchain = "/usr/bin/rustc",
    .paths = (const char *const[]){"/usr/bin/rustc", "/usr/lib/rustlib", "/usr/bin/gcc",
                                   "/usr/bin/ld", "/usr/lib/gcc", "/usr/libexec/gcc",
                                   "/usr/lib/x86_64-linux-gnu", NULL},
    .selftest = {"fn main() {\n    println!(\"judged {}\", 6 * 7);\n}\n", "judged 42\n"},
    .processes = 16,
    .compile_processes = 32,
    .submissions = true,
    .native = true,
};
