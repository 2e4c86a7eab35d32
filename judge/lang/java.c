/*
 * Java 17, Debian's OpenJDK. javac writes classes into a folder; the run starts class Main from it.
 * The JVM reserves far more address space than it uses (heap, code cache, class space), so its
 * memory is capped by the control group's resident memory. The heap starts small and has no -Xmx
 * of the problem's limit: a program past the limit is then killed by the control group (MLE), not
 * stopped by an OutOfMemoryError (which would read as RE); the heap grows only when a collection
 * frees too little, so a program within the limit stays within it. It
 * starts slowly (class loading, the JIT's threads count as CPU time), hence the time multiplier.
 * Serial GC and one "processor" keep its thread count, and so its start-up CPU, small.
 */
#include <errno.h>

#include "lang.h"
#include "policy.h"

#define JDK "/usr/lib/jvm/java-17-openjdk-amd64"

static const struct policy_rule java_syscalls[] = {
    /* The JVM reads user.name and user.home from the password database at start: glibc's NSS
     * tries nscd's socket. Refused, the JVM goes on with "?"; a program's own sockets fail too. */
    {"socket", "refused: the JVM's user lookup tries nscd", EACCES},
    {"statfs", "the JVM asks what file system /tmp is (for its shared-memory performance file)", 0},
    {"fstatfs", "as statfs, of an open descriptor", 0},
    {"prctl",
     "the JVM names its threads (PR_SET_NAME); with no_new_privs set, no option "
     "gains a right",
     0},
    {"socketpair", "NIO's file dispatcher keeps a connected pair of its own; it reaches nothing",
     0},
    {NULL, NULL, 0},
};

const struct lang lang_java = {
    .id = "java",
    .name = "Java 17 (OpenJDK)",
    .exts = (const char *const[]){".java", NULL},
    .source_name = "Main.java",
    .driver_source = "Solution.java",
    .compile =
        (const char *const[]){JDK "/bin/javac", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1",
                              "-J-XX:-UsePerfData", "-J-XX:ActiveProcessorCount=1", "-J-Xmx512m",
                              "-encoding", "UTF-8", "-nowarn", "-d", "{out}", "{sources}", NULL},
    .compile_env = (const char *const[]){"LD_LIBRARY_PATH=" JDK "/lib", NULL},
    .compile_out_dir = true,
    .run = (const char *const[]){JDK "/bin/java", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                                 "-XX:ActiveProcessorCount=1", "-Xss64m", "-Xms8m", "-cp", "{out}",
                                 "Main", NULL},
    /*
     * The launcher finds libjli.so by $ORIGIN, which glibc resolves through /proc/self/exe: the
     * sandbox has no /proc, so the folder is named. (Not lib/server: that would make the
     * launcher exec itself again, a forbidden second execve.)
     */
    .run_env = (const char *const[]){"LD_LIBRARY_PATH=" JDK "/lib", "LC_ALL=C.UTF-8", NULL},
    .version = (const char *const[]){JDK "/bin/java", "-version", NULL},
    .toolchain = JDK "/bin/javac",
    /* lib/jvm.cfg and lib/security/ are links into /etc/java-17-openjdk. */
    .paths = (const char *const[]){JDK, "/etc/java-17-openjdk", "/usr/lib/x86_64-linux-gnu", NULL},
    .selftest = {"public class Main {\n    public static void main(String[] a) {\n"
                 "        System.out.println(\"judged \" + 6 * 7);\n    }\n}\n",
                 "judged 42\n"},
    .syscalls = java_syscalls,
    .processes = 64,
    .compile_processes = 64,
    .memory_rss = true,
    .time_factor_pct = 200,
    .time_extra_ms = 1000,
    .submissions = true,
};
