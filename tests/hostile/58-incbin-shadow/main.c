/* .incbin "/etc/shadow" through top-level asm, to embed the host's password hashes in the program: the assembler runs in the minimal root without /etc, so it fails: CE. */
__asm__(".section .rodata\n.globl shadow\nshadow:\n.incbin \"/etc/shadow\"\n.byte 0\n.text\n");
extern const char shadow[];
#include <stdio.h>
int main(void) { puts(shadow); return 0; }
