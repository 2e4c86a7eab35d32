/* #include "/dev/urandom": the preprocessor reads an endless file; the compile sandbox's limits (10 s CPU, 1 GiB, 1 MiB of diagnostics) stop it: CE, within those limits. */
#include "/dev/urandom"
int main(void) { return 0; }
