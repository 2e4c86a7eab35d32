#include <math.h>
#include <stdio.h>
int main(void)
{
    double n;
    if (scanf("%lf", &n) != 1)
        return 1;
    printf("%.10f\n", sqrt(n)); /* within float_tolerance 1e-6 */
    return 0;
}
