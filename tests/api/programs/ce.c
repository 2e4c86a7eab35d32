/* Does not compile: an undeclared name. */
#include <stdio.h>
int main(void)
{
    printf("%d\n", undeclared_name);
    return 0;
}
