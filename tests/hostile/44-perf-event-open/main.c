/* perf_event_open (hardware counters and kernel profiling, side channels and kernel bugs): not on the run allowlist: SV (perf_event_open). */
#define _GNU_SOURCE
#include <linux/perf_event.h>
#include <string.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    struct perf_event_attr a;
    memset(&a, 0, sizeof(a));
    a.size = sizeof(a);
    a.type = PERF_TYPE_HARDWARE;
    a.config = PERF_COUNT_HW_INSTRUCTIONS;
    long r = syscall(SYS_perf_event_open, &a, 0L, -1L, -1L, 0L);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
