/* Reads every row, then deletes the rows that do not qualify from the array in place, shifting the
 * rest down each time: O(n^2) moves when most rows are dropped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char name[21];
    int age;
    char color[21];
    int grade;
} Student;

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    Student *s = malloc(sizeof(Student) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++)
        if (scanf("%20s %d %20s %d", s[i].name, &s[i].age, s[i].color, &s[i].grade) != 4)
            return 1;
    int len = n;
    for (int i = 0; i < len;) {
        int keep = (strcmp(s[i].color, "green") == 0 || strcmp(s[i].color, "red") == 0) && s[i].grade > 90;
        if (keep) {
            i++;
        } else {
            memmove(&s[i], &s[i + 1], sizeof(Student) * (size_t)(len - i - 1));
            len--;
        }
    }
    printf("%d\n", len);
    for (int i = 0; i < len; i++)
        printf("%s %d %s %d\n", s[i].name, s[i].age, s[i].color, s[i].grade);
    free(s);
    return 0;
}
