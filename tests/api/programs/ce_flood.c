/* A few hundred bytes that make megabytes of diagnostics: 10^4 errors, each with its macro notes.
 */
#define A 1 = 2;
#define B A A A A A A A A A A
#define C B B B B B B B B B B
#define D C C C C C C C C C C
#define E D D D D D D D D D D
int main(void)
{
    E
}
