/* gcc_paths: what gcc and g++ need of the host, for the languages that compile with them. */
#ifndef JUDGE_LANG_GCC_PATHS_H
#define JUDGE_LANG_GCC_PATHS_H

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
#error "judge/lang/gcc_paths.h: name this architecture's multiarch folder and dynamic loader"
#endif

/*
 * What gcc compiles and links a static C program with (traced with strace -f): the assembler and
 * the linker it finds on PATH (/usr/bin), cc1, collect2, lto-wrapper, the LTO plugin, crtbegin.o
 * and libgcc under /usr/lib/gcc (or /usr/libexec/gcc elsewhere), the headers, libc.a, libm.a and
 * the crt*.o start files in the multiarch folder, which also holds the shared libraries gcc's own
 * programs load (libbfd, libz, libzstd, libisl, libmpc, libmpfr, libgmp, libc), and the loader
 * that loads them. A program it makes is static and needs none of it. g++ adds only its driver:
 * cc1plus, libstdc++.a and its headers are in the same folders.
 */
#define GCC_PATHS                                                                                  \
    "/usr/bin/as", "/usr/bin/ld", "/usr/lib/gcc", "/usr/libexec/gcc", "/usr/include",              \
        "/usr/lib/" MULTIARCH, "/lib/" MULTIARCH, LOADER

#endif
