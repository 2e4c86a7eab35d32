/* .incbin "/dev/zero" to make the assembler copy an endless file into the object: gas refuses a file it cannot size ("unable to include"), and had it read on, the compile limits (256 MiB files, 1 GiB, 10 s) would stop it: CE. */
__asm__(".section .rodata\n.globl zeros\nzeros:\n.incbin \"/dev/zero\"\n.text\n");
extern const char zeros[];
int main(void) { return zeros[0]; }
