#include "verdict.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const struct verdict_info table[VERDICT_COUNT] = {
    {V_AC, "AC", "Accepted", true, false, false},
    {V_WA, "WA", "Wrong answer", true, false, false},
    {V_TLE, "TLE", "Time limit exceeded", true, false, false},
    {V_MLE, "MLE", "Memory limit exceeded", true, false, false},
    {V_OLE, "OLE", "Output limit exceeded", true, false, false},
    {V_RE, "RE", "Run-time error", true, false, false},
    /* The compiler refused it: no test runs, so nothing can follow. */
    {V_CE, "CE", "Compilation error", false, true, false},
    {V_SV, "SV", "Security violation", true, false, false},
    /* Never the submission's fault: it outranks what the program did, so that no verdict of a
     * judgement the judge broke is taken for the program's. */
    {V_IE, "IE", "Internal error", true, true, true},
};

const struct verdict_info *verdict_table(void)
{
    return table;
}

const struct verdict_info *verdict_info(enum verdict v)
{
    return (unsigned)v < VERDICT_COUNT ? &table[v] : &table[V_IE];
}

const char *verdict_code(enum verdict v)
{
    return verdict_info(v)->code;
}

int verdict_parse(const char *code, enum verdict *out)
{
    for (size_t i = 0; code && i < VERDICT_COUNT; i++) {
        if (!strcmp(code, table[i].code)) {
            *out = table[i].verdict;
            return 0;
        }
    }
    return -EINVAL;
}

void verdict_list(char *buf, size_t size)
{
    size_t n = 0;
    if (size)
        buf[0] = '\0';
    for (size_t i = 0; i < VERDICT_COUNT && n < size; i++) {
        int w = snprintf(buf + n, size - n, "%s%s", i ? ", " : "", table[i].code);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

enum verdict verdict_combine(enum verdict so_far, enum verdict test)
{
    if (verdict_info(so_far)->final)
        return so_far;
    if (verdict_info(test)->outranks || so_far == V_AC)
        return test;
    return so_far;
}
