/* #include "/proc/self/environ" to print the compiler's (and so maybe the judge's) environment in diagnostics: there is no /proc in the root, and the compiler's environment is a fixed three variables anyway: CE. */
#include "/proc/self/environ"
int main(void) { return 0; }
