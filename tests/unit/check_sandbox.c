/*
 * The sandbox, in every memory mode this machine offers: cgroup v2 and v1 where a controller is
 * writable (a mode that is not is reported and skipped, since it cannot be tested here) and the
 * rlimit fallback, which always can. A host whose memory controller is v1 runs the cgroup2 cases
 * in a guest: tests/cgroup2/run.sh (CK_RUN_CASE=cgroup2 there).
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "helpers.h"
#include "lang.h"
#include "sandbox.h"

static sandbox *sb;
static char *work;
static enum cgroup_mode mode;

/* cpu_ms and wall_ms are multiplied by CHECK_SANDBOX_TIME_SCALE (default 1): an emulated guest
 * (tests/cgroup2) charges the emulation's own cost as the program's time. */
static struct sandbox_limits limits = {
    .cpu_ms = 300,
    .wall_ms = 1500,
    .memory_kb = 64 << 10,
    .stdout_max = 1 << 16,
    .stderr_max = 1 << 16,
    .processes = 8,
    .file_size = 1 << 20,
};

static void setup(void)
{
    /* The judge's own signal handling, which must not reach a run. */
    signal(SIGPIPE, SIG_IGN);
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigprocmask(SIG_BLOCK, &term, NULL);
    work = helper_tmpdir();
    /* The toolchains' paths, as judged gives them. */
    const char **paths = lang_sandbox_paths();
    ck_assert_ptr_nonnull(paths);
    struct sandbox_config cfg = {.workdir = work, .slots = 1, .cgroup = mode, .paths = paths};
    int rc = sandbox_open(&cfg, &sb);
    free(paths);
    ck_assert_msg(rc == 0, "sandbox_open: %s", strerror(-rc));
}

/* The same sandbox with a peer for its slot, as judged opens it for interactive problems. */
static void setup_peers(void)
{
    signal(SIGPIPE, SIG_IGN);
    work = helper_tmpdir();
    const char **paths = lang_sandbox_paths();
    ck_assert_ptr_nonnull(paths);
    struct sandbox_config cfg = {
        .workdir = work, .slots = 1, .cgroup = mode, .paths = paths, .peers = true};
    int rc = sandbox_open(&cfg, &sb);
    free(paths);
    ck_assert_msg(rc == 0, "sandbox_open: %s", strerror(-rc));
}

static void teardown(void)
{
    sandbox_close(sb);
    fs_remove_tree(work);
    free(work);
}

/* Compiles `code` on the host into the slot's /box/prog. */
static void program(const char *code)
{
    char *src = fs_join(work, "p.c"), *exe = fs_join(sandbox_box_dir(sb, 0), "prog"), *cmd = NULL;
    ck_assert_int_eq(fs_write(src, code, strlen(code), 0644), 0);
    ck_assert_int_ge(asprintf(&cmd, "gcc -O1 -static -w -o %s %s -lpthread", exe, src), 0);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    free(src);
    free(exe);
}

static void run_as(struct sandbox_result *r, const char *data_dir, bool self_exe)
{
    const char *const argv[] = {"/box/prog", NULL};
    struct sandbox_cmd cmd = {.slot = 0,
                              .policy = POLICY_RUN,
                              .argv = argv,
                              .stdin_fd = -1,
                              .data_dir = data_dir,
                              .self_exe = self_exe,
                              .limits = limits};
    ck_assert_int_eq(sandbox_exec(sb, &cmd, r), 0);
}

static void run_with_data(struct sandbox_result *r, const char *data_dir)
{
    run_as(r, data_dir, false);
}

static void run(struct sandbox_result *r)
{
    run_with_data(r, NULL);
}

START_TEST(test_exit_code_and_output)
{
    program("#include <stdio.h>\nint main(void){puts(\"hi\");fputs(\"err\",stderr);return 3;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_int_eq(r.exit_code, 3);
    ck_assert_str_eq(strbuf_str(&r.out), "hi\n");
    ck_assert_str_eq(strbuf_str(&r.err), "err");
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_output_cap)
{
    program("#include <stdio.h>\nint main(void){for(;;)putchar('x');}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_OUTPUT_LIMIT);
    ck_assert_uint_eq(r.out.len, limits.stdout_max);
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_cpu_limit_in_ms)
{
    program("int main(void){volatile unsigned long x=0;for(;;)x++;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_CPU_LIMIT);
    ck_assert_uint_gt(r.cpu_ms, limits.cpu_ms);
    /* Stopped well before RLIMIT_CPU's backstop (the next whole second, and one more). */
    ck_assert_uint_lt(r.cpu_ms, limits.cpu_ms + 700);
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_wall_limit)
{
    program("#include <unistd.h>\nint main(void){sleep(100);return 0;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_WALL_LIMIT);
    ck_assert_uint_ge(r.wall_ms, limits.wall_ms);
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_forbidden_syscall_named)
{
    program("#include <sys/socket.h>\nint main(void){return socket(AF_INET,SOCK_STREAM,0);}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_SYSCALL);
    ck_assert_str_eq(r.syscall, "socket");
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_fork_refused_threads_allowed)
{
    program("#include <pthread.h>\n#include <unistd.h>\nstatic void*f(void*a){return a;}\n"
            "int main(void){pthread_t t;if(pthread_create(&t,0,f,0))return 9;pthread_join(t,0);"
            "fork();return 0;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_SYSCALL);
    ck_assert_str_eq(r.syscall, "clone");
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_memory_limit)
{
    program("#include <stdlib.h>\n#include <string.h>\nint main(void){for(;;){char*p=malloc(1<<20);"
            "if(!p)return 1;memset(p,1,1<<20);}}");
    /* Faulting 64 MiB in costs the kernel's page zeroing, which a busy host makes slow: the CPU
     * limit is set far above what the memory limit lets it use, so that only memory can stop it. */
    const char *const argv[] = {"/box/prog", NULL};
    struct sandbox_cmd cmd = {
        .slot = 0, .policy = POLICY_RUN, .argv = argv, .stdin_fd = -1, .limits = limits};
    cmd.limits.cpu_ms = 5000;
    cmd.limits.wall_ms = 20000;
    struct sandbox_result r;
    ck_assert_int_eq(sandbox_exec(sb, &cmd, &r), 0);
    ck_assert_int_eq(r.status, SANDBOX_MEMORY_LIMIT);
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_environment_and_identity)
{
    program("#include <stdio.h>\n#include <unistd.h>\nextern char**environ;\nint main(void){"
            "printf(\"%d %d %d %d\",environ[0]==0,getuid()>=60000,getpid(),"
            "access(\"/etc/passwd\",F_OK));return 0;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_str_eq(strbuf_str(&r.out), "1 1 1 -1");
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_missing_program_is_judge_error)
{
    const char *const argv[] = {"/box/nothing", NULL};
    struct sandbox_cmd cmd = {
        .slot = 0, .policy = POLICY_RUN, .argv = argv, .stdin_fd = -1, .limits = limits};
    struct sandbox_result r;
    ck_assert_int_eq(sandbox_exec(sb, &cmd, &r), -ENOENT);
    ck_assert_int_eq(r.failed_step, SANDBOX_STEP_EXEC);
    ck_assert_str_eq(sandbox_step_name(r.failed_step), "executing the program");
    ck_assert_str_eq(r.syscall, ""); /* a step is not a system call */
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_data_dir_read_only)
{
    char *data = fs_join(work, "data");
    helper_write(data, "f", "hello");
    ck_assert_int_eq(chmod(data, 0777), 0); /* so that only the read-only mount says no */
    program("#include <errno.h>\n#include <stdio.h>\nint main(void){char b[16]={0};"
            "FILE*f=fopen(\"/data/f\",\"r\");if(f)fgets(b,sizeof b,f);"
            "FILE*g=fopen(\"/data/x\",\"w\");printf(\"%d %s %d\",!!f,b,g?0:errno);return 0;}");
    struct sandbox_result r;
    run_with_data(&r, data);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_str_eq(strbuf_str(&r.out), "1 hello 30"); /* EROFS */
    sandbox_result_release(&r);
    /* The next run has an empty /data again (in the read-only root). */
    run(&r);
    ck_assert_str_eq(strbuf_str(&r.out), "0  30");
    sandbox_result_release(&r);
    free(data);
}
END_TEST

START_TEST(test_default_signal_handling)
{
    program("#include <signal.h>\n#include <stdio.h>\nint main(void){struct sigaction a;"
            "sigset_t m;sigaction(SIGPIPE,0,&a);sigprocmask(SIG_BLOCK,0,&m);"
            "printf(\"%d %d\",a.sa_handler==SIG_DFL,sigismember(&m,SIGTERM));return 0;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_str_eq(strbuf_str(&r.out), "1 0");
    sandbox_result_release(&r);
}
END_TEST

/* The slot's zygote, killed from outside, is replaced at the next run. */
START_TEST(test_zygote_replaced)
{
    program("int main(void){return 5;}");
    char path[64];
    snprintf(path, sizeof(path), "/proc/self/task/%d/children", (int)getpid());
    FILE *f = fopen(path, "re");
    ck_assert_ptr_nonnull(f);
    int pid = 0;
    ck_assert_int_eq(fscanf(f, "%d", &pid), 1);
    fclose(f);
    ck_assert_int_eq(kill(pid, SIGKILL), 0);
    /* Until it is a zombie: its socket is closed then. */
    snprintf(path, sizeof(path), "/proc/%d/stat", pid);
    char state = 0;
    for (int i = 0; i < 1000 && state != 'Z'; i++) {
        f = fopen(path, "re");
        if (!f || fscanf(f, "%*d %*s %c", &state) != 1)
            state = 0;
        if (f)
            fclose(f);
        usleep(1000);
    }
    ck_assert_int_eq(state, 'Z');
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_int_eq(r.exit_code, 5);
    sandbox_result_release(&r);
}
END_TEST

/*
 * A run that asks for /proc/self/exe (a compiler that finds its files through it) sees that link,
 * to its own argv[0], read-only, and nothing else of /proc; the next run of the slot, which does
 * not ask, sees none of it.
 */
START_TEST(test_self_exe_link_only)
{
    program("#include <errno.h>\n#include <stdio.h>\n#include <unistd.h>\n#include <dirent.h>\n"
            "#include <fcntl.h>\nint main(void){char b[256];ssize_t n=readlink(\"/proc/self/exe\","
            "b,sizeof b-1);b[n<0?0:n]=0;printf(\"exe %s\\n\",b);"
            "printf(\"cpuinfo %d\\n\",access(\"/proc/cpuinfo\",F_OK)==0);"
            "printf(\"write %d\\n\",open(\"/proc/x\",O_WRONLY|O_CREAT,0644)<0&&errno==EROFS);"
            "int k=0;DIR*d=opendir(\"/proc\");struct dirent*e;while(d&&(e=readdir(d)))"
            "k+=e->d_name[0]!='.';printf(\"entries %d\\n\",k);return 0;}");
    struct sandbox_result r;
    run_as(&r, NULL, true);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_str_eq(strbuf_str(&r.out), "exe /box/prog\ncpuinfo 0\nwrite 1\nentries 1\n");
    sandbox_result_release(&r);
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_str_eq(strbuf_str(&r.out), "exe \ncpuinfo 0\nwrite 1\nentries 0\n");
    sandbox_result_release(&r);
}
END_TEST

/*
 * The root is an allowlist: the toolchains' folders are there, the rest of the host is not, and
 * /usr holds only what the language table names. Each line is "path 0|1", 1 when it exists.
 */
START_TEST(test_root_is_an_allowlist)
{
    program("#include <dirent.h>\n#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n"
            "int main(void){const char*p[]={\"/usr/include/stdio.h\",\"/usr/bin/gcc\","
            "\"/usr/bin/g++\",\"/usr/bin/as\",\"/usr/bin/ld\",\"/usr/lib/gcc\","
            "\"/lib64/ld-linux-x86-64.so.2\",\"/usr/local\",\"/usr/share/doc\",\"/usr/src\","
            "\"/usr/sbin\",\"/usr/bin/cat\",\"/usr/bin/sh\",\"/bin/sh\",\"/etc/passwd\",\"/opt\","
            "\"/srv\",\"/var\",\"/home\",\"/root\",\"/proc/self\",\"/proc/1\",\"/proc/cpuinfo\","
            "\"/sys\",\"/run\",0};"
            "for(int i=0;p[i];i++)printf(\"%s %d\\n\",p[i],access(p[i],F_OK)==0);"
            "DIR*d=opendir(\"/usr\");struct dirent*e;while(d&&(e=readdir(d)))"
            "if(e->d_name[0]!='.')printf(\"usr/%s\\n\",e->d_name);return 0;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    const char *out = strbuf_str(&r.out);
    static const char *const want[] = {"/usr/include/stdio.h 1\n",
                                       "/usr/bin/gcc 1\n",
                                       "/usr/bin/g++ 1\n",
                                       "/usr/bin/as 1\n",
                                       "/usr/bin/ld 1\n",
                                       "/usr/lib/gcc 1\n",
                                       "/lib64/ld-linux-x86-64.so.2 1\n",
                                       "/usr/local 0\n",
                                       "/usr/share/doc 0\n",
                                       "/usr/src 0\n",
                                       "/usr/sbin 0\n",
                                       "/usr/bin/cat 0\n",
                                       "/usr/bin/sh 0\n",
                                       "/bin/sh 0\n",
                                       "/etc/passwd 0\n",
                                       "/opt 0\n",
                                       "/srv 0\n",
                                       "/var 0\n",
                                       "/home 0\n",
                                       "/root 0\n",
                                       "/proc/self 0\n",
                                       "/proc/1 0\n",
                                       "/proc/cpuinfo 0\n",
                                       "/sys 0\n",
                                       "/run 0\n"};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(strstr(out, want[i]), "want '%.*s' in:\n%s", (int)strlen(want[i]) - 1,
                      want[i], out);
    /* /usr: bin, include, lib (gcc, the multiarch folder, runtimes), lib64 (the loader's link) and
     * share (only the runtimes' own folders there, e.g. Go's and Node's) alone. */
    for (const char *l = strstr(out, "\nusr/"); l; l = strstr(l + 1, "\nusr/")) {
        const char *name = l + 5;
        size_t n = strcspn(name, "\n");
        bool known = false;
        for (const char *const *k =
                 (const char *const[]){"bin", "include", "lib", "lib64", "libexec", "share", NULL};
             *k && !known; k++)
            known = strlen(*k) == n && !strncmp(name, *k, n);
        ck_assert_msg(known, "/usr/%.*s is shown", (int)n, name);
    }
    sandbox_result_release(&r);
}
END_TEST

/*** The control groups ***/

/* The slot groups of this process's sandbox (judged-PID/slot0; on v1 one per hierarchy). */
static char slot_dirs[2][PATH_MAX];
static int nslot_dirs;

static int find_slot_dir(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    if (type != FTW_D)
        return FTW_CONTINUE;
    char name[32];
    snprintf(name, sizeof(name), "judged-%d", (int)getpid());
    if (!strcmp(path + ftw->base, name)) {
        if (nslot_dirs < 2)
            snprintf(slot_dirs[nslot_dirs++], PATH_MAX, "%s/slot0", path);
        return FTW_SKIP_SUBTREE;
    }
    return ftw->level >= 8 ? FTW_SKIP_SUBTREE : FTW_CONTINUE;
}

static void find_slot_dirs(void)
{
    nslot_dirs = 0;
    nftw("/sys/fs/cgroup", find_slot_dir, 32, FTW_PHYS | FTW_ACTIONRETVAL);
    ck_assert_int_ge(nslot_dirs, 1);
}

/* The first line of dir/file, without its newline. */
static char *read_line(const char *dir, const char *file)
{
    char *p = fs_join(dir, file), buf[512] = "";
    FILE *f = fopen(p, "re");
    ck_assert_msg(f != NULL, "could not open '%s'", p);
    if (!fgets(buf, sizeof(buf), f))
        buf[0] = '\0';
    fclose(f);
    free(p);
    buf[strcspn(buf, "\n")] = '\0';
    return strdup(buf);
}

/* A run that stays within its limits is not taken for one that hit them. */
START_TEST(test_memory_within_limit)
{
    /* Through a volatile pointer: the compiler must not drop the stores, nor the allocation. */
    program("#include <stdlib.h>\nint main(void){volatile char*p=malloc(24<<20);if(!p)return 1;"
            "for(int i=0;i<(24<<20);i+=4096)p[i]=1;return p[4096]-1;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_int_eq(r.exit_code, 0);
    ck_assert_uint_ge(r.memory_kb, 24 << 10);
    ck_assert_uint_lt(r.memory_kb, limits.memory_kb);
    sandbox_result_release(&r);
}
END_TEST

/*
 * The page cache an earlier use of the slot left charged to its group (a compiler reading its
 * libraries) is not the next run's memory: a run that fails for another reason after it is not
 * taken for one that hit the memory limit. The file is read from disk into the cache by the first
 * run (dropped from the cache first), so its pages are charged to the slot's group.
 */
START_TEST(test_cache_of_earlier_use_not_charged)
{
    char *data = fs_join(work, "data");
    helper_write(data, "big", "");
    char *big = fs_join(data, "big");
    int fd = open(big, O_WRONLY | O_TRUNC);
    ck_assert_int_ge(fd, 0);
    static char chunk[1 << 20];
    memset(chunk, 'x', sizeof(chunk));
    for (int i = 0; i < 160; i++)
        ck_assert_int_eq(write(fd, chunk, sizeof(chunk)), (ssize_t)sizeof(chunk));
    ck_assert_int_eq(fsync(fd), 0);
    ck_assert_int_eq(posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED), 0);
    close(fd);
    program("#include <stdio.h>\nint main(void){static char b[1<<16];size_t n=0,k;"
            "FILE*f=fopen(\"/data/big\",\"r\");if(!f)return 2;"
            "while((k=fread(b,1,sizeof b,f))>0)n+=k;printf(\"%zu\",n>>20);return 0;}");
    const char *const argv[] = {"/box/prog", NULL};
    struct sandbox_cmd cmd = {.slot = 0,
                              .policy = POLICY_RUN,
                              .argv = argv,
                              .stdin_fd = -1,
                              .data_dir = data,
                              .limits = limits};
    cmd.limits.memory_kb = 512 << 10;
    cmd.limits.cpu_ms = 5000;
    cmd.limits.wall_ms = 20000;
    struct sandbox_result r;
    ck_assert_int_eq(sandbox_exec(sb, &cmd, &r), 0);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_str_eq(strbuf_str(&r.out), "160");
    sandbox_result_release(&r);
    /* 8 MiB of its own under a 64 MiB limit, then a failure that is not memory's. */
    program("#include <stdlib.h>\nint main(void){volatile char*p=malloc(8<<20);if(!p)return 1;"
            "for(int i=0;i<(8<<20);i+=4096)p[i]=1;return 3;}");
    run(&r);
    ck_assert_msg(r.status == SANDBOX_EXITED, "status %s", sandbox_status_name(r.status));
    ck_assert_int_eq(r.exit_code, 3);
    sandbox_result_release(&r);
    free(big);
    free(data);
}
END_TEST

/* sandbox_path_hidden, on folders made for it: inside, containing, through links, apart. */
START_TEST(test_path_hidden)
{
    char *dir = helper_tmpdir();
    helper_write(dir, "shown/sub/f", "x");
    helper_write(dir, "apart/f", "x");
    helper_write(dir, "files/one", "x");
    char *shown = fs_join(dir, "shown"), *sub = fs_join(dir, "shown/sub");
    char *apart = fs_join(dir, "apart"), *files = fs_join(dir, "files");
    char *one = fs_join(dir, "files/one"), *link = fs_join(dir, "link");
    char *filelink = fs_join(dir, "filelink"), *missing = fs_join(dir, "missing");
    ck_assert_int_eq(symlink(sub, link), 0);
    ck_assert_int_eq(symlink("files/one", filelink), 0);
    char real[4096], got[4096];
    ck_assert_ptr_nonnull(realpath(shown, real));

    const char *const paths[] = {shown, missing, filelink, NULL};
    got[0] = '\0';
    ck_assert_int_eq(sandbox_path_hidden(paths, apart, got, sizeof(got)), 0);
    ck_assert_str_eq(got, ""); /* untouched when hidden */
    /* Inside a shown folder, directly or through a link to it. */
    ck_assert_int_eq(sandbox_path_hidden(paths, sub, got, sizeof(got)), -EEXIST);
    ck_assert_str_eq(got, real);
    ck_assert_int_eq(sandbox_path_hidden(paths, link, got, sizeof(got)), -EEXIST);
    ck_assert_str_eq(got, real);
    ck_assert_int_eq(sandbox_path_hidden(paths, shown, got, sizeof(got)), -EEXIST);
    /* Containing one: the folder above, and / itself. */
    ck_assert_int_eq(sandbox_path_hidden(paths, dir, got, sizeof(got)), -EEXIST);
    ck_assert_int_eq(sandbox_path_hidden(paths, "/", got, sizeof(got)), -EEXIST);
    /* A shown link shows the file it leads to: that file's folder contains a shown path. */
    ck_assert_int_eq(sandbox_path_hidden(paths, files, got, sizeof(got)), -EEXIST);
    ck_assert_ptr_nonnull(realpath(one, real));
    ck_assert_str_eq(got, real);
    /* A name that only starts like a shown folder is apart from it. */
    char *shownx = fs_join(dir, "shownx");
    ck_assert_int_eq(mkdir(shownx, 0755), 0);
    ck_assert_int_eq(sandbox_path_hidden(paths, shownx, NULL, 0), 0);
    /* A folder not made yet: by where it would be. */
    ck_assert_int_eq(sandbox_path_hidden(paths, missing, got, sizeof(got)), 0);
    char *deep = fs_join(dir, "apart/no/such/");
    ck_assert_int_eq(sandbox_path_hidden(paths, deep, got, sizeof(got)), 0);
    free(deep);
    deep = fs_join(dir, "shown/sub/no/such");
    got[0] = '\0';
    ck_assert_int_eq(sandbox_path_hidden(paths, deep, got, sizeof(got)), -EEXIST);
    ck_assert_ptr_nonnull(realpath(shown, real));
    ck_assert_str_eq(got, real);
    free(deep);
    /* No paths: nothing is shown. */
    ck_assert_int_eq(sandbox_path_hidden(NULL, "/", got, sizeof(got)), 0);
    /* The toolchains' folders, as judged checks them. */
    const char **lp = lang_sandbox_paths();
    ck_assert_ptr_nonnull(lp);
    ck_assert_int_eq(sandbox_path_hidden(lp, "/usr/include/linux", got, sizeof(got)), -EEXIST);
    ck_assert_str_eq(got, "/usr/include");
    ck_assert_int_eq(sandbox_path_hidden(lp, "/usr", got, sizeof(got)), -EEXIST);
    ck_assert_int_eq(sandbox_path_hidden(lp, "/usr/lib/gcc/judged-none/data", got, sizeof(got)),
                     -EEXIST);
    ck_assert_str_eq(got, "/usr/lib/gcc");
    ck_assert_int_eq(sandbox_path_hidden(lp, apart, got, sizeof(got)), 0);
    if (access("/usr/local/share", F_OK) == 0)
        ck_assert_int_eq(sandbox_path_hidden(lp, "/usr/local/share", got, sizeof(got)), 0);
    free(lp);
    fs_remove_tree(dir);
    free(dir);
    free(shown);
    free(sub);
    free(apart);
    free(files);
    free(one);
    free(link);
    free(filelink);
    free(missing);
    free(shownx);
}
END_TEST

/* Threads beyond `processes` are refused (pids.max, or RLIMIT_NPROC without cgroups). */
START_TEST(test_processes_limited)
{
    program("#include <pthread.h>\n#include <stdio.h>\n#include <unistd.h>\n"
            "static void*f(void*a){for(;;)pause();return a;}\n"
            "int main(void){int n=0;pthread_t t;while(n<64&&!pthread_create(&t,0,f,0))n++;"
            "printf(\"%d\",n);return 0;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    int n = atoi(strbuf_str(&r.out));
    ck_assert_int_ge(n, 1);
    ck_assert_int_lt(n, (int)limits.processes); /* the main thread is one of them */
    sandbox_result_release(&r);
}
END_TEST

struct bg_run {
    struct sandbox_result r;
    int stdin_fd;
    int rc;
    _Atomic bool done;
};

static void *bg_exec(void *arg)
{
    struct bg_run *b = arg;
    const char *const argv[] = {"/box/prog", NULL};
    struct sandbox_cmd cmd = {
        .slot = 0, .policy = POLICY_RUN, .argv = argv, .stdin_fd = b->stdin_fd, .limits = limits};
    cmd.limits.wall_ms = 60000; /* it waits for the test, not for time */
    b->rc = sandbox_exec(sb, &cmd, &b->r);
    b->done = true;
    return NULL;
}

/* While it runs, the program is in its slot's group, the only process there. */
START_TEST(test_run_in_slot_group)
{
    program("#include <unistd.h>\nint main(void){char c;return (int)read(0,&c,1);}");
    find_slot_dirs();
    int in[2];
    ck_assert_int_eq(pipe2(in, O_CLOEXEC), 0);
    struct bg_run b = {.stdin_fd = in[0]};
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, bg_exec, &b), 0);
    /* Until the program shows up in the group (the run blocks on its stdin meanwhile). */
    char *procs = read_line(slot_dirs[0], "cgroup.procs");
    for (int i = 0; i < 30000 && !procs[0] && !b.done; i++) {
        usleep(1000);
        free(procs);
        procs = read_line(slot_dirs[0], "cgroup.procs");
    }
    ck_assert_msg(procs[0], "the run never appeared in %s (sandbox_exec: %d)", slot_dirs[0],
                  b.done ? b.rc : 0);
    char path[64];
    snprintf(path, sizeof(path), "/proc/%s/cgroup", procs);
    char *slot = strstr(slot_dirs[0], "/judged-"), line[PATH_MAX] = "";
    FILE *f = fopen(path, "re");
    ck_assert_ptr_nonnull(f);
    bool found = false;
    while (fgets(line, sizeof(line), f))
        found = found || strstr(line, slot);
    fclose(f);
    ck_assert_msg(found, "pid %s is not in %s", procs, slot);
    free(procs);
    close(in[1]);
    pthread_join(t, NULL);
    close(in[0]);
    ck_assert_int_eq(b.rc, 0);
    ck_assert_int_eq(b.r.status, SANDBOX_EXITED);
    ck_assert_int_eq(b.r.exit_code, 0);
    sandbox_result_release(&b.r);
}
END_TEST

/* Groups removed from outside between runs (judged-PID and its slot) are made again. */
START_TEST(test_slot_group_remade)
{
    program("int main(void){return 5;}");
    find_slot_dirs();
    for (int i = 0; i < nslot_dirs; i++) {
        ck_assert_int_eq(rmdir(slot_dirs[i]), 0);
        char *base = strdup(slot_dirs[i]);
        *strrchr(base, '/') = '\0';
        ck_assert_int_eq(rmdir(base), 0);
        free(base);
    }
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_int_eq(r.exit_code, 5);
    sandbox_result_release(&r);
    /* And the limits hold in the new groups (a CPU limit far above what the memory limit lets
     * it use, as in test_memory_limit: a busy host makes page zeroing slow). */
    program("#include <stdlib.h>\n#include <string.h>\nint main(void){for(;;){char*p=malloc(1<<20);"
            "if(!p)return 1;memset(p,1,1<<20);}}");
    const char *const argv[] = {"/box/prog", NULL};
    struct sandbox_cmd cmd = {
        .slot = 0, .policy = POLICY_RUN, .argv = argv, .stdin_fd = -1, .limits = limits};
    cmd.limits.cpu_ms = 5000;
    cmd.limits.wall_ms = 20000;
    ck_assert_int_eq(sandbox_exec(sb, &cmd, &r), 0);
    ck_assert_int_eq(r.status, SANDBOX_MEMORY_LIMIT);
    sandbox_result_release(&r);
}
END_TEST

/*
 * cgroup v2: judged lives in a leaf (no internal processes), its slots under judged-PID beside it
 * with memory and pids enabled, and a slot carries the run's limits.
 */
START_TEST(test_v2_layout)
{
    FILE *f = fopen("/proc/self/cgroup", "re");
    ck_assert_ptr_nonnull(f);
    char line[PATH_MAX] = "", own[PATH_MAX + 32] = "";
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, "0::", 3))
            snprintf(own, sizeof(own), "/sys/fs/cgroup%s", line + 3);
    fclose(f);
    own[strcspn(own, "\n")] = '\0';
    ck_assert_msg(own[0], "no cgroup2 line in /proc/self/cgroup");
    char *sub = read_line(own, "cgroup.subtree_control");
    bool root = !strcmp(own, "/sys/fs/cgroup/");
    ck_assert_msg(root || !sub[0], "judged's own group %s hands out '%s'", own, sub);
    free(sub);
    char *base = strdup(own);
    if (!root) {
        ck_assert_str_eq(strrchr(base, '/'), "/judged-leaf");
        *strrchr(base, '/') = '\0';
    }
    char name[32];
    snprintf(name, sizeof(name), "judged-%d", (int)getpid());
    char *judge = fs_join(base, name);
    sub = read_line(judge, "cgroup.subtree_control");
    ck_assert_msg(strstr(sub, "memory") && strstr(sub, "pids"), "%s enables '%s'", judge, sub);
    free(sub);

    program("int main(void){return 0;}");
    struct sandbox_result r;
    run(&r);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    sandbox_result_release(&r);
    char *slot = fs_join(judge, "slot0");
    char want[32];
    snprintf(want, sizeof(want), "%llu", (unsigned long long)limits.memory_kb * 1024);
    char *v = read_line(slot, "memory.max");
    ck_assert_str_eq(v, want);
    free(v);
    snprintf(want, sizeof(want), "%u", limits.processes);
    v = read_line(slot, "pids.max");
    ck_assert_str_eq(v, want);
    free(v);
    v = read_line(slot, "memory.oom.group");
    ck_assert_str_eq(v, "1");
    free(v);
    free(slot);
    free(judge);
    free(base);
}
END_TEST

/* Compiles `code` on the host into `slot`'s /box/NAME. */
static void program_in(int slot, const char *name, const char *code)
{
    char *src = fs_join(work, "p.c"), *exe = fs_join(sandbox_box_dir(sb, slot), name), *cmd = NULL;
    ck_assert_int_eq(fs_write(src, code, strlen(code), 0644), 0);
    ck_assert_int_ge(asprintf(&cmd, "gcc -O1 -static -w -o %s %s", exe, src), 0);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    free(src);
    free(exe);
}

struct peer_bg {
    struct sandbox_cmd cmd;
    struct sandbox_result r;
    int rc;
};

static void *peer_exec(void *arg)
{
    struct peer_bg *b = arg;
    b->rc = sandbox_exec(sb, &b->cmd, &b->r);
    return NULL;
}

/*
 * Two programs at once, in a slot and its peer, talking through pipes as an interactive problem's
 * submission and validator do: each run closes the pipe ends it was given, so that one's exit is
 * the other's end of file (else the reader would wait for its wall limit), and the peer runs as
 * another user.
 */
START_TEST(test_peer_pipes)
{
    int peer = sandbox_peer(sb, 0);
    ck_assert_int_eq(peer, 1);
    ck_assert_int_eq(sandbox_peer(sb, 1), -EINVAL);
    ck_assert_int_eq(sandbox_slots(sb), 1);
    /* The peer asks, reads the answer to its end of file and reports it. */
    program_in(peer, "prog",
               "#include <stdio.h>\n#include <unistd.h>\n"
               "int main(void){printf(\"7 %d\\n\",(int)getuid());fflush(stdout);"
               "char b[64];size_t n=fread(b,1,sizeof(b)-1,stdin);b[n]=0;"
               "fprintf(stderr,\"got %s\",b);return 42;}");
    /* The slot's program answers twice the number and tells its own uid. */
    program_in(0, "prog",
               "#include <stdio.h>\n#include <unistd.h>\n"
               "int main(void){int x,u;if(scanf(\"%d %d\",&x,&u)!=2)return 1;"
               "printf(\"%d %d\\n\",2*x,u!=(int)getuid());return 0;}");
    int to_peer[2], to_slot[2];
    ck_assert_int_eq(pipe(to_peer), 0);
    ck_assert_int_eq(pipe(to_slot), 0);
    const char *const argv[] = {"/box/prog", NULL};
    struct peer_bg b = {.cmd = {.slot = peer,
                                .policy = POLICY_RUN,
                                .argv = argv,
                                .stdin_fd = to_peer[0],
                                .stdout_fd = to_slot[1],
                                .close_fds = true,
                                .limits = limits}};
    b.cmd.limits.wall_ms = 20000; /* an end of file that never came would show as a wall limit */
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, peer_exec, &b), 0);
    struct sandbox_cmd cmd = {.slot = 0,
                              .policy = POLICY_RUN,
                              .argv = argv,
                              .stdin_fd = to_slot[0],
                              .stdout_fd = to_peer[1],
                              .close_fds = true,
                              .limits = b.cmd.limits};
    struct sandbox_result r;
    ck_assert_int_eq(sandbox_exec(sb, &cmd, &r), 0);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_int_eq(b.rc, 0);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_int_eq(r.exit_code, 0);
    ck_assert_uint_eq(r.out.len, 0); /* its stdout went to the peer */
    ck_assert_int_eq(b.r.status, SANDBOX_EXITED);
    ck_assert_int_eq(b.r.exit_code, 42);
    ck_assert_str_eq(strbuf_str(&b.r.err), "got 14 1\n");
    /* The descriptors given are closed: nothing of the pipes is left open here. */
    ck_assert_int_eq(fcntl(to_peer[0], F_GETFD), -1);
    ck_assert_int_eq(fcntl(to_slot[1], F_GETFD), -1);
    sandbox_result_release(&r);
    sandbox_result_release(&b.r);
}
END_TEST

START_TEST(test_no_peers)
{
    ck_assert_int_eq(sandbox_peer(sb, 0), -ENOTSUP);
}
END_TEST

static void add_mode(Suite *s, enum cgroup_mode m)
{
    cgroup_set *probe = NULL;
    if (m != CGROUP_NONE && cgroup_open(m, 1, &probe)) {
        printf("sandbox: %s not writable on this machine; its cases are skipped\n",
               cgroup_mode_name(m));
        return;
    }
    cgroup_close(probe);
    mode = m;
    TCase *tc = tcase_create(cgroup_mode_name(m));
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_exit_code_and_output);
    tcase_add_test(tc, test_output_cap);
    tcase_add_test(tc, test_cpu_limit_in_ms);
    tcase_add_test(tc, test_wall_limit);
    tcase_add_test(tc, test_forbidden_syscall_named);
    tcase_add_test(tc, test_fork_refused_threads_allowed);
    tcase_add_test(tc, test_memory_limit);
    tcase_add_test(tc, test_environment_and_identity);
    tcase_add_test(tc, test_missing_program_is_judge_error);
    tcase_add_test(tc, test_data_dir_read_only);
    tcase_add_test(tc, test_default_signal_handling);
    tcase_add_test(tc, test_zygote_replaced);
    tcase_add_test(tc, test_root_is_an_allowlist);
    tcase_add_test(tc, test_self_exe_link_only);
    tcase_add_test(tc, test_memory_within_limit);
    tcase_add_test(tc, test_cache_of_earlier_use_not_charged);
    tcase_add_test(tc, test_processes_limited);
    if (m != CGROUP_NONE) {
        tcase_add_test(tc, test_run_in_slot_group);
        tcase_add_test(tc, test_slot_group_remade);
    }
    if (m == CGROUP_V2)
        tcase_add_test(tc, test_v2_layout);
    tcase_add_test(tc, test_no_peers);
    suite_add_tcase(s, tc);
    TCase *pc = tcase_create(cgroup_mode_name(m));
    tcase_set_timeout(pc, 60);
    tcase_add_checked_fixture(pc, setup_peers, teardown);
    tcase_add_test(pc, test_peer_pipes);
    suite_add_tcase(s, pc);
}

int main(void)
{
    if (geteuid() != 0) {
        fprintf(stderr, "check_sandbox needs root\n");
        return EXIT_FAILURE;
    }
    const char *scale = getenv("CHECK_SANDBOX_TIME_SCALE");
    if (scale && atoi(scale) > 1) {
        limits.cpu_ms *= (unsigned)atoi(scale);
        limits.wall_ms *= (unsigned)atoi(scale);
    }
    int failed = 0;
    Suite *paths = suite_create("sandbox paths");
    TCase *tc = tcase_create("path_hidden");
    tcase_add_test(tc, test_path_hidden);
    suite_add_tcase(paths, tc);
    SRunner *psr = srunner_create(paths);
    srunner_run_all(psr, CK_NORMAL);
    failed += srunner_ntests_failed(psr);
    srunner_free(psr);
    const enum cgroup_mode modes[] = {CGROUP_V2, CGROUP_V1, CGROUP_NONE};
    for (size_t i = 0; i < 3; i++) {
        /* One runner per mode: the fixture reads `mode` in the forked test process. */
        Suite *s = suite_create("sandbox");
        add_mode(s, modes[i]);
        SRunner *sr = srunner_create(s);
        srunner_run_all(sr, CK_ENV); /* CK_VERBOSITY=verbose lists every test */
        failed += srunner_ntests_failed(sr);
        srunner_free(sr);
    }
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
