/* Compile-time read of /etc/passwd through #include, to see it in the diagnostics: the compiler runs in the same minimal root with no /etc, so the include fails: CE (and no line of it may reach the output). */
#include "/etc/passwd"
int main(void) { return 0; }
