/* Mistake: names kept in 16-byte fields and read with %15s, "names are short"; a name of 16
 * to 20 characters is cut, the rest of it is then read as the age, that read fails and the
 * rows from there on are lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char name[16]; int age; char color[21]; int grade; } Student;

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    Student *s = malloc(sizeof(Student) * (size_t)(n > 0 ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        Student t;
        if (scanf("%15s %d %20s %d", t.name, &t.age, t.color, &t.grade) != 4) break;
        int colour = strcmp(t.color, "green") == 0 || strcmp(t.color, "red") == 0;
        if (colour && t.grade > 90) s[k++] = t;
    }
    printf("%d\n", k);
    for (int i = 0; i < k; i++) printf("%s %d %s %d\n", s[i].name, s[i].age, s[i].color, s[i].grade);
    free(s);
    return 0;
}
