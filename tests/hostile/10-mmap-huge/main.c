/* Huge mmap: 1 TiB of anonymous NORESERVE memory is only address space (mmap is allowed), but touching it page by page charges the memory cgroup, which OOM-kills the run at 64 MiB: MLE. */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
    size_t size = 1ull << 40;
    char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
        size = 16ull << 30;
        p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
    }
    if (p == MAP_FAILED) {
        puts("mmap failed");
        return 0;
    }
    for (size_t off = 0; off < size; off += 4096)
        p[off] = 1;
    puts("ESCAPED: touched all of it");
    return 0;
}
