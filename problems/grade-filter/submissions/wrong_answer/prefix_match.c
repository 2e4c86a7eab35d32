/* WRONG: compares only the first letters (strncmp), so "greenish" or "redwood" also match. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char name[21]; int age; char color[21]; int grade; } Student;

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    Student *s = malloc(sizeof(Student) * (size_t)(n > 0 ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        Student t;
        if (scanf("%20s %d %20s %d", t.name, &t.age, t.color, &t.grade) != 4) return 1;
        int colour = strncmp(t.color, "green", 5) == 0 || strncmp(t.color, "red", 3) == 0;
        if (colour && t.grade > 90) s[k++] = t;
    }
    printf("%d\n", k);
    for (int i = 0; i < k; i++) printf("%s %d %s %d\n", s[i].name, s[i].age, s[i].color, s[i].grade);
    free(s);
    return 0;
}
