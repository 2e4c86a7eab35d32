/* bpf(BPF_PROG_LOAD) (eBPF is a large kernel attack surface): bpf is not on the run allowlist: SV (bpf). */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <string.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    union bpf_attr a;
    memset(&a, 0, sizeof(a));
    struct bpf_insn prog[2] = {{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0},
                               {.code = BPF_JMP | BPF_EXIT}};
    a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
    a.insns = (unsigned long)prog;
    a.insn_cnt = 2;
    a.license = (unsigned long)"GPL";
    long r = syscall(SYS_bpf, BPF_PROG_LOAD, &a, sizeof(a));
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
