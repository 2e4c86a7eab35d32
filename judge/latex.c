/*
 * LaTeX statements to Markdown. A single pass over the source with a cursor: text is copied with
 * Markdown's special characters escaped, commands are looked up in a table that says how many
 * arguments they take and what they become, environments in another. Groups and arguments are
 * converted recursively, with the depth capped so that no input can exhaust the stack; every
 * step advances the cursor, so no input can loop. Math is copied, not interpreted.
 */
#define _GNU_SOURCE
#include "latex.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

#define DEPTH_MAX 64

enum list_kind { L_NONE, L_ITEMIZE, L_ENUMERATE, L_DESCRIPTION };

struct conv {
    const char *s;
    size_t len, pos;
    struct strbuf out;
    struct diag *warnings;
    char warned[64][32]; /* names already warned about, so each is said once */
    size_t nwarned;
    int depth;
    enum list_kind list[DEPTH_MAX];
    int nlist;
    bool in_table;
    int rc;
};

static void put(struct conv *c, const char *s, size_t n)
{
    if (!c->rc)
        c->rc = strbuf_add(&c->out, s, n);
}

static void puts_(struct conv *c, const char *s)
{
    put(c, s, strlen(s));
}

/* Ends the current line if it holds anything. */
static void newline(struct conv *c)
{
    if (c->out.len && c->out.buf[c->out.len - 1] != '\n')
        puts_(c, "\n");
}

/* Ends the paragraph: a blank line, unless there is one already. */
static void paragraph(struct conv *c)
{
    newline(c);
    if (c->out.len >= 2 &&
        !(c->out.buf[c->out.len - 1] == '\n' && c->out.buf[c->out.len - 2] == '\n'))
        puts_(c, "\n");
}

static void warn_once(struct conv *c, const char *what, const char *name, size_t n)
{
    char key[32];
    snprintf(key, sizeof(key), "%.*s", (int)(n < 30 ? n : 30), name);
    for (size_t i = 0; i < c->nwarned; i++)
        if (!strcmp(c->warned[i], key))
            return;
    if (c->nwarned < sizeof(c->warned) / sizeof(c->warned[0]))
        snprintf(c->warned[c->nwarned++], sizeof(c->warned[0]), "%s", key);
    if (c->warnings)
        diag_add(c->warnings, "LaTeX %s '%s' is not known: its text is kept as it is", what, key);
}

/* A character of running text, escaped where Markdown would read it as markup. */
static void text_char(struct conv *c, char ch)
{
    if (strchr("\\`*_[]<>#|!", ch)) {
        char e[2] = {'\\', ch};
        put(c, e, 2);
    } else {
        put(c, &ch, 1);
    }
}

/* Math as written, each punctuation character escaped: the renderer hands it on unchanged. */
static void math_text(struct conv *c, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '\n')
            ch = ' ';
        if (ispunct((unsigned char)ch)) {
            char e[2] = {'\\', ch};
            put(c, e, 2);
        } else {
            put(c, &ch, 1);
        }
    }
}

static bool at(const struct conv *c, const char *lit)
{
    size_t n = strlen(lit);
    return c->pos + n <= c->len && !memcmp(c->s + c->pos, lit, n);
}

static void skip_space(struct conv *c)
{
    while (c->pos < c->len &&
           (c->s[c->pos] == ' ' || c->s[c->pos] == '\t' ||
            (c->s[c->pos] == '\n' && !(c->pos + 1 < c->len && c->s[c->pos + 1] == '\n'))))
        c->pos++;
}

/* The extent of a {...} argument at the cursor (after spaces): its inside, the cursor moved past
 * it. A missing argument is empty. */
static bool arg_span(struct conv *c, size_t *from, size_t *to)
{
    skip_space(c);
    if (c->pos >= c->len || c->s[c->pos] != '{') {
        *from = *to = c->pos;
        return false;
    }
    int depth = 0;
    size_t start = c->pos + 1;
    for (; c->pos < c->len; c->pos++) {
        char ch = c->s[c->pos];
        if (ch == '\\') {
            c->pos++;
            continue;
        }
        if (ch == '{')
            depth++;
        else if (ch == '}' && --depth == 0)
            break;
    }
    *from = start;
    *to = c->pos < c->len ? c->pos : c->len;
    if (c->pos < c->len)
        c->pos++;
    return true;
}

/* Skips an optional [...] argument; its inside, if wanted. */
static void opt_span(struct conv *c, size_t *from, size_t *to)
{
    size_t save = c->pos;
    skip_space(c);
    if (c->pos < c->len && c->s[c->pos] == '[') {
        const char *end = memchr(c->s + c->pos, ']', c->len - c->pos);
        if (end) {
            if (from)
                *from = c->pos + 1;
            if (to)
                *to = (size_t)(end - c->s);
            c->pos = (size_t)(end - c->s) + 1;
            return;
        }
    }
    c->pos = save;
    if (from)
        *from = *to = save;
}

static void convert(struct conv *c, size_t end);

/* Converts s[from, to) as running text, then restores the cursor. */
static void convert_span(struct conv *c, size_t from, size_t to)
{
    if (c->depth >= DEPTH_MAX) {
        return;
    }
    size_t save = c->pos;
    c->depth++;
    c->pos = from;
    convert(c, to);
    c->depth--;
    c->pos = save;
}

static void convert_arg(struct conv *c)
{
    size_t a, b;
    arg_span(c, &a, &b);
    convert_span(c, a, b);
}

static void skip_arg(struct conv *c)
{
    size_t a, b;
    arg_span(c, &a, &b);
}

/* Copies s[from, to) verbatim, e.g. the inside of \texttt or a URL. */
static void raw(struct conv *c, size_t from, size_t to)
{
    put(c, c->s + from, to - from);
}

/*** Environments ***/

/* The position of \end{name} from the cursor on (nesting the same environment), or c->len. */
static size_t env_end(struct conv *c, const char *name, size_t *after)
{
    char open[80], close[80];
    snprintf(open, sizeof(open), "\\begin{%s}", name);
    snprintf(close, sizeof(close), "\\end{%s}", name);
    size_t no = strlen(open), nc = strlen(close);
    int depth = 1;
    for (size_t i = c->pos; i < c->len; i++) {
        if (c->s[i] != '\\')
            continue;
        if (i + no <= c->len && !memcmp(c->s + i, open, no))
            depth++;
        else if (i + nc <= c->len && !memcmp(c->s + i, close, nc) && --depth == 0) {
            *after = i + nc;
            return i;
        }
    }
    *after = c->len;
    return c->len;
}

static void env_list(struct conv *c, enum list_kind kind, size_t end)
{
    if (c->nlist == 0)
        paragraph(c); /* a top-level list starts a block of its own */
    if (c->nlist < DEPTH_MAX)
        c->list[c->nlist++] = kind;
    newline(c);
    convert_span(c, c->pos, end);
    newline(c);
    if (c->nlist > 0)
        c->nlist--;
    if (c->nlist == 0)
        paragraph(c);
}

/* A tabular: rows split at \\, cells at &, the first row the header (GFM wants one). */
static void env_tabular(struct conv *c, size_t end)
{
    skip_arg(c); /* the column spec */
    paragraph(c);
    size_t row = c->pos;
    int nrow = 0, ncols = 0;
    bool saved = c->in_table;
    c->in_table = true;
    while (row < end && !c->rc) {
        /* The row ends at the next \\ outside braces. */
        size_t k = row, stop = end;
        int depth = 0;
        for (; k + 1 < end; k++) {
            if (c->s[k] == '{')
                depth++;
            else if (c->s[k] == '}')
                depth--;
            else if (c->s[k] == '\\' && c->s[k + 1] == '\\' && depth == 0) {
                stop = k;
                break;
            } else if (c->s[k] == '\\') {
                k++;
            }
        }
        size_t next = stop < end ? stop + 2 : end;
        /* Cells: split at & outside braces, skipping \hline and \cline. */
        size_t cell = row;
        int cols = 0;
        bool any = false;
        for (size_t i = row; i <= stop; i++) {
            if (i < stop && c->s[i] == '\\' && i + 1 < stop) {
                i++;
                continue;
            }
            if (i < stop && c->s[i] == '{')
                depth++;
            else if (i < stop && c->s[i] == '}')
                depth--;
            if (i == stop || (c->s[i] == '&' && depth == 0)) {
                /* The cell's text, without rules */
                size_t a = cell, b = i;
                while (a < b && isspace((unsigned char)c->s[a]))
                    a++;
                while (a + 6 <= b &&
                       (!memcmp(c->s + a, "\\hline", 6) || !memcmp(c->s + a, "\\cline", 6))) {
                    a += 6;
                    if (c->s[a - 5] == 'c') {
                        size_t save = c->pos;
                        c->pos = a;
                        skip_arg(c);
                        a = c->pos;
                        c->pos = save;
                    }
                    while (a < b && isspace((unsigned char)c->s[a]))
                        a++;
                }
                while (b > a && isspace((unsigned char)c->s[b - 1]))
                    b--;
                if (a < b || cols > 0 || i < stop) {
                    puts_(c, cols == 0 ? "| " : " | ");
                    convert_span(c, a, b);
                    cols++;
                    any = true;
                }
                cell = i + 1;
            }
        }
        if (any) {
            puts_(c, " |\n");
            if (nrow == 0) {
                ncols = cols;
                for (int i = 0; i < ncols; i++)
                    puts_(c, i == 0 ? "| --- |" : " --- |");
                puts_(c, "\n");
            }
            nrow++;
        }
        row = next;
    }
    c->in_table = saved;
    paragraph(c);
}

static void env_code(struct conv *c, size_t end)
{
    paragraph(c);
    /* A fence longer than any run of backticks inside keeps the block whole. */
    size_t run = 0, longest = 0;
    for (size_t i = c->pos; i < end; i++) {
        run = c->s[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    char fence[64];
    size_t nf = longest + 1 < 3 ? 3 : longest + 1;
    if (nf > sizeof(fence) - 1)
        nf = sizeof(fence) - 1;
    memset(fence, '`', nf);
    fence[nf] = '\0';
    size_t a = c->pos;
    if (a < end && c->s[a] == '\n')
        a++;
    puts_(c, fence);
    puts_(c, "text\n");
    raw(c, a, end);
    newline(c);
    puts_(c, fence);
    puts_(c, "\n\n");
}

static void env_math(struct conv *c, size_t end)
{
    paragraph(c);
    puts_(c, "$$\n");
    math_text(c, c->s + c->pos, end - c->pos);
    puts_(c, "\n$$\n\n");
}

struct env_rule {
    const char *name;
    enum {
        E_TEXT,
        E_QUOTE,
        E_ITEMIZE,
        E_ENUMERATE,
        E_DESCRIPTION,
        E_TABULAR,
        E_CODE,
        E_MATH,
        E_DROP
    } how;
};

static const struct env_rule envs[] = {
    {"itemize", E_ITEMIZE},  {"enumerate", E_ENUMERATE}, {"description", E_DESCRIPTION},
    {"tabular", E_TABULAR},  {"tabular*", E_TABULAR},    {"array", E_MATH},
    {"verbatim", E_CODE},    {"lstlisting", E_CODE},     {"Verbatim", E_CODE},
    {"equation", E_MATH},    {"equation*", E_MATH},      {"align", E_MATH},
    {"align*", E_MATH},      {"eqnarray", E_MATH},       {"eqnarray*", E_MATH},
    {"displaymath", E_MATH}, {"gather*", E_MATH},        {"center", E_TEXT},
    {"flushleft", E_TEXT},   {"flushright", E_TEXT},     {"figure", E_TEXT},
    {"table", E_TEXT},       {"minipage", E_TEXT},       {"small", E_TEXT},
    {"quote", E_QUOTE},      {"quotation", E_QUOTE},     {"comment", E_DROP},
    {NULL, E_TEXT},
};

static void environment(struct conv *c)
{
    size_t a, b;
    arg_span(c, &a, &b);
    char name[64];
    snprintf(name, sizeof(name), "%.*s", (int)(b - a < 63 ? b - a : 63), c->s + a);
    const struct env_rule *rule = NULL;
    for (const struct env_rule *e = envs; e->name && !rule; e++)
        if (!strcmp(e->name, name))
            rule = e;
    if (!rule)
        warn_once(c, "environment", name, strlen(name));
    if (!strcmp(name, "figure") || !strcmp(name, "table") || !strcmp(name, "minipage"))
        opt_span(c, NULL, NULL);
    if (!strcmp(name, "minipage") || !strcmp(name, "tabular*"))
        skip_arg(c); /* a width */
    size_t after, end = env_end(c, name, &after);
    switch (rule ? rule->how : E_TEXT) {
    case E_ITEMIZE:
        env_list(c, L_ITEMIZE, end);
        break;
    case E_ENUMERATE:
        env_list(c, L_ENUMERATE, end);
        break;
    case E_DESCRIPTION:
        env_list(c, L_DESCRIPTION, end);
        break;
    case E_TABULAR:
        env_tabular(c, end);
        break;
    case E_CODE:
        env_code(c, end);
        break;
    case E_MATH:
        env_math(c, end);
        break;
    case E_QUOTE: {
        paragraph(c);
        size_t mark = c->out.len;
        convert_span(c, c->pos, end);
        /* Prefix each line the quote wrote with "> ". */
        struct strbuf q = STRBUF_INIT(0);
        const char *body = c->out.buf ? c->out.buf + mark : "";
        size_t n = c->out.len - mark;
        bool bol = true;
        for (size_t i = 0; i < n && !c->rc; i++) {
            if (bol)
                c->rc = strbuf_addstr(&q, "> ");
            if (!c->rc)
                c->rc = strbuf_add(&q, body + i, 1);
            bol = body[i] == '\n';
        }
        c->out.len = mark;
        if (c->out.buf)
            c->out.buf[mark] = '\0';
        put(c, q.buf ? q.buf : "", q.len);
        strbuf_release(&q);
        paragraph(c);
        break;
    }
    case E_DROP:
        break;
    case E_TEXT:
        convert_span(c, c->pos, end);
        break;
    }
    c->pos = after;
}

/*** Commands ***/

enum cmd_how {
    C_DROP,      /* nothing, its arguments skipped */
    C_TEXT,      /* its last argument as text */
    C_EMPH,      /* *arg* */
    C_BOLD,      /* **arg** */
    C_CODE,      /* `arg` */
    C_HEAD1,     /* # arg */
    C_HEAD2,     /* ## arg */
    C_HEAD3,     /* ### arg */
    C_HEAD4,     /* #### arg */
    C_PARA,      /* **arg** and a space */
    C_URL,       /* <arg> */
    C_HREF,      /* [text](url) */
    C_SYMBOL,    /* a fixed text */
    C_ITEM,      /* a list item */
    C_IMAGE,     /* a picture: its file named in italics */
    C_ILLUSTRATE /* \illustration{width}{file}{caption} */
};

struct cmd_rule {
    const char *name;
    enum cmd_how how;
    int args;           /* arguments skipped before the one used (C_DROP: all skipped) */
    const char *symbol; /* C_SYMBOL */
};

static const struct cmd_rule cmds[] = {
    {"problemname", C_HEAD1, 0, NULL},
    {"section", C_HEAD2, 0, NULL},
    {"subsection", C_HEAD3, 0, NULL},
    {"subsubsection", C_HEAD4, 0, NULL},
    {"paragraph", C_PARA, 0, NULL},
    {"emph", C_EMPH, 0, NULL},
    {"textit", C_EMPH, 0, NULL},
    {"textsl", C_EMPH, 0, NULL},
    {"textbf", C_BOLD, 0, NULL},
    {"texttt", C_CODE, 0, NULL},
    {"verb", C_CODE, 0, NULL},
    {"textrm", C_TEXT, 0, NULL},
    {"textsf", C_TEXT, 0, NULL},
    {"textsc", C_TEXT, 0, NULL},
    {"textnormal", C_TEXT, 0, NULL},
    {"underline", C_TEXT, 0, NULL},
    {"mbox", C_TEXT, 0, NULL},
    {"text", C_TEXT, 0, NULL},
    {"caption", C_EMPH, 0, NULL},
    {"footnote", C_TEXT, 0, NULL},
    {"url", C_URL, 0, NULL},
    {"href", C_HREF, 0, NULL},
    {"includegraphics", C_IMAGE, 0, NULL},
    {"illustration", C_ILLUSTRATE, 0, NULL},
    {"item", C_ITEM, 0, NULL},
    {"ldots", C_SYMBOL, 0, "…"},
    {"dots", C_SYMBOL, 0, "…"},
    {"textendash", C_SYMBOL, 0, "–"},
    {"textemdash", C_SYMBOL, 0, "—"},
    {"times", C_SYMBOL, 0, "×"},
    {"cdot", C_SYMBOL, 0, "·"},
    {"le", C_SYMBOL, 0, "≤"},
    {"leq", C_SYMBOL, 0, "≤"},
    {"ge", C_SYMBOL, 0, "≥"},
    {"geq", C_SYMBOL, 0, "≥"},
    {"LaTeX", C_SYMBOL, 0, "LaTeX"},
    {"TeX", C_SYMBOL, 0, "TeX"},
    {"newline", C_SYMBOL, 0, "  \n"},
    {"linebreak", C_SYMBOL, 0, "  \n"},
    {"par", C_SYMBOL, 0, "\n\n"},
    {"quad", C_SYMBOL, 0, " "},
    {"qquad", C_SYMBOL, 0, "  "},
    /* Layout and cross references: nothing to show. */
    {"label", C_DROP, 1, NULL},
    {"ref", C_DROP, 1, NULL},
    {"vspace", C_DROP, 1, NULL},
    {"vspace*", C_DROP, 1, NULL},
    {"hspace", C_DROP, 1, NULL},
    {"hspace*", C_DROP, 1, NULL},
    {"input", C_DROP, 1, NULL}, /* never followed: a statement reads no file */
    {"include", C_DROP, 1, NULL},
    {"sampletable", C_DROP, 0, NULL},
    {"noindent", C_DROP, 0, NULL},
    {"centering", C_DROP, 0, NULL},
    {"medskip", C_DROP, 0, NULL},
    {"bigskip", C_DROP, 0, NULL},
    {"smallskip", C_DROP, 0, NULL},
    {"clearpage", C_DROP, 0, NULL},
    {"newpage", C_DROP, 0, NULL},
    {"hline", C_DROP, 0, NULL},
    {"small", C_DROP, 0, NULL},
    {"large", C_DROP, 0, NULL},
    {"Large", C_DROP, 0, NULL},
    {"footnotesize", C_DROP, 0, NULL},
    {"normalsize", C_DROP, 0, NULL},
    {"bf", C_DROP, 0, NULL},
    {"it", C_DROP, 0, NULL},
    {"tt", C_DROP, 0, NULL},
    {"hfill", C_DROP, 0, NULL},
    {"nolinebreak", C_DROP, 0, NULL},
    {NULL, C_DROP, 0, NULL},
};

static void wrap_arg(struct conv *c, const char *mark)
{
    puts_(c, mark);
    convert_arg(c);
    puts_(c, mark);
}

static void heading(struct conv *c, const char *hashes)
{
    paragraph(c);
    puts_(c, hashes);
    convert_arg(c);
    puts_(c, "\n\n");
}

static void item(struct conv *c)
{
    enum list_kind k = c->nlist ? c->list[c->nlist - 1] : L_ITEMIZE;
    newline(c);
    for (int i = 1; i < c->nlist; i++)
        puts_(c, "   ");
    size_t a, b;
    opt_span(c, &a, &b);
    if (k == L_ENUMERATE)
        puts_(c, "1. ");
    else
        puts_(c, "- ");
    if (b > a) {
        puts_(c, "**");
        convert_span(c, a, b);
        puts_(c, "** ");
    }
    skip_space(c);
}

static void command(struct conv *c)
{
    size_t start = ++c->pos; /* past the backslash */
    if (c->pos >= c->len)
        return;
    if (!isalpha((unsigned char)c->s[c->pos])) {
        /* A control symbol: \%, \&, \\, \, ... */
        char ch = c->s[c->pos++];
        if (ch == '\\') {
            if (!c->in_table)
                puts_(c, "  \n");
            opt_span(c, NULL, NULL);
        } else if (ch == ',' || ch == ' ' || ch == ';' || ch == ':') {
            puts_(c, " ");
        } else if (ch == '[') {
            /* \[ ... \] display math */
            const char *endp = NULL;
            for (size_t i = c->pos; i + 1 < c->len && !endp; i++)
                if (c->s[i] == '\\' && c->s[i + 1] == ']')
                    endp = c->s + i;
            size_t end = endp ? (size_t)(endp - c->s) : c->len;
            env_math(c, end);
            c->pos = endp ? end + 2 : c->len;
        } else if (ch != '-' && ch != '/') {
            text_char(c, ch);
        }
        return;
    }
    while (c->pos < c->len && isalpha((unsigned char)c->s[c->pos]))
        c->pos++;
    if (c->pos < c->len && c->s[c->pos] == '*')
        c->pos++;
    size_t n = c->pos - start;
    const char *name = c->s + start;
    if (n == 5 && !memcmp(name, "begin", 5)) {
        environment(c);
        return;
    }
    if (n == 3 && !memcmp(name, "end", 3)) {
        skip_arg(c); /* an \end without its \begin */
        return;
    }
    const struct cmd_rule *rule = NULL;
    size_t base = n && name[n - 1] == '*' ? n - 1 : n;
    for (const struct cmd_rule *r = cmds; r->name && !rule; r++)
        if ((strlen(r->name) == n && !memcmp(r->name, name, n)) ||
            (strlen(r->name) == base && !memcmp(r->name, name, base) && r->how != C_DROP))
            rule = r;
    if (!rule) {
        warn_once(c, "command", name, n);
        /* Its arguments as text: \foo{bar} shows bar. */
        opt_span(c, NULL, NULL);
        while (c->pos < c->len && c->s[c->pos] == '{')
            convert_arg(c);
        return;
    }
    size_t a, b;
    switch (rule->how) {
    case C_DROP:
        opt_span(c, NULL, NULL);
        for (int i = 0; i < rule->args; i++)
            skip_arg(c);
        if (!strcmp(rule->name, "ref"))
            puts_(c, "?");
        skip_space(c);
        break;
    case C_TEXT:
        convert_arg(c);
        break;
    case C_EMPH:
        wrap_arg(c, "*");
        break;
    case C_BOLD:
        wrap_arg(c, "**");
        break;
    case C_CODE:
        if (!strcmp(rule->name, "verb") && c->pos < c->len) {
            /* \verb|text| with any delimiter */
            char d = c->s[c->pos++];
            const char *e = memchr(c->s + c->pos, d, c->len - c->pos);
            size_t end = e ? (size_t)(e - c->s) : c->len;
            puts_(c, "`");
            raw(c, c->pos, end);
            puts_(c, "`");
            c->pos = e ? end + 1 : c->len;
            break;
        }
        puts_(c, "`");
        arg_span(c, &a, &b);
        for (size_t i = a; i < b; i++) {
            if (c->s[i] == '\\' && i + 1 < b && !isalpha((unsigned char)c->s[i + 1]))
                continue; /* \_ in \texttt{a\_b} is a plain _ in code */
            if (c->s[i] != '`')
                put(c, c->s + i, 1);
        }
        puts_(c, "`");
        break;
    case C_HEAD1:
        heading(c, "# ");
        break;
    case C_HEAD2:
        heading(c, "## ");
        break;
    case C_HEAD3:
        heading(c, "### ");
        break;
    case C_HEAD4:
        heading(c, "#### ");
        break;
    case C_PARA:
        paragraph(c);
        wrap_arg(c, "**");
        puts_(c, " ");
        break;
    case C_URL:
        arg_span(c, &a, &b);
        puts_(c, "<");
        raw(c, a, b);
        puts_(c, ">");
        break;
    case C_HREF: {
        size_t ua, ub;
        arg_span(c, &ua, &ub);
        puts_(c, "[");
        convert_arg(c);
        puts_(c, "](");
        raw(c, ua, ub);
        puts_(c, ")");
        break;
    }
    case C_IMAGE:
        opt_span(c, NULL, NULL);
        arg_span(c, &a, &b);
        puts_(c, "*(picture: ");
        convert_span(c, a, b);
        puts_(c, ")*");
        break;
    case C_ILLUSTRATE:
        skip_arg(c); /* width */
        arg_span(c, &a, &b);
        paragraph(c);
        puts_(c, "*(picture: ");
        convert_span(c, a, b);
        puts_(c, ")");
        if (arg_span(c, &a, &b) && b > a) {
            puts_(c, " ");
            convert_span(c, a, b);
        }
        puts_(c, "*\n\n");
        break;
    case C_SYMBOL:
        puts_(c, rule->symbol);
        /* A control word eats the spaces after it; a symbol still needs one before a word. */
        if (c->pos < c->len && c->s[c->pos] == ' ') {
            c->pos++;
            if (strcmp(rule->symbol, "  \n") && strcmp(rule->symbol, "\n\n"))
                puts_(c, " ");
        } else if (c->pos + 1 < c->len && c->s[c->pos] == '{' && c->s[c->pos + 1] == '}') {
            c->pos += 2;
        }
        break;
    case C_ITEM:
        item(c);
        break;
    }
}

/*** Running text ***/

static void inline_math(struct conv *c, size_t end)
{
    bool display = c->pos + 1 < end && c->s[c->pos + 1] == '$';
    size_t open = display ? 2 : 1, from = c->pos + open, to = from;
    while (to < end) {
        if (c->s[to] == '\\') {
            to += 2;
            continue;
        }
        if (c->s[to] == '$')
            break;
        to++;
    }
    if (to > end)
        to = end;
    if (display) {
        paragraph(c);
        puts_(c, "$$\n");
        math_text(c, c->s + from, to - from);
        puts_(c, "\n$$\n\n");
        c->pos = to + 2 <= end ? to + 2 : end;
        return;
    }
    puts_(c, "$");
    math_text(c, c->s + from, to - from);
    puts_(c, "$");
    c->pos = to < end ? to + 1 : end;
}

static void convert(struct conv *c, size_t end)
{
    while (c->pos < end && !c->rc) {
        char ch = c->s[c->pos];
        if (ch == '%') {
            while (c->pos < end && c->s[c->pos] != '\n')
                c->pos++;
            if (c->pos < end)
                c->pos++; /* a comment eats its line end */
        } else if (ch == '\\') {
            command(c);
        } else if (ch == '$') {
            inline_math(c, end);
        } else if (ch == '{' || ch == '}') {
            c->pos++; /* a group's braces: its inside is text like any other */
        } else if (ch == '~') {
            puts_(c, "\xc2\xa0");
            c->pos++;
        } else if (ch == '\n') {
            size_t k = c->pos + 1;
            while (k < end && (c->s[k] == ' ' || c->s[k] == '\t'))
                k++;
            if (k < end && c->s[k] == '\n') {
                paragraph(c);
                while (k < end && isspace((unsigned char)c->s[k]))
                    k++;
                c->pos = k;
            } else {
                if (c->in_table)
                    puts_(c, " ");
                else
                    newline(c);
                c->pos = k;
            }
        } else if (at(c, "---")) {
            puts_(c, "—");
            c->pos += 3;
        } else if (at(c, "--")) {
            puts_(c, "–");
            c->pos += 2;
        } else if (at(c, "``")) {
            puts_(c, "“");
            c->pos += 2;
        } else if (at(c, "''")) {
            puts_(c, "”");
            c->pos += 2;
        } else {
            text_char(c, ch);
            c->pos++;
        }
    }
}

int latex_to_markdown(const char *tex, size_t len, size_t cap, char **out, struct diag *warnings)
{
    struct conv c = {.s = tex, .len = len, .warnings = warnings};
    strbuf_init(&c.out, cap);
    /* Only the document's body, when it is a whole document. */
    const char *body = memmem(tex, len, "\\begin{document}", 16);
    if (body) {
        c.pos = (size_t)(body - tex) + 16;
        const char *stop = memmem(tex + c.pos, len - c.pos, "\\end{document}", 14);
        if (stop)
            c.len = (size_t)(stop - tex);
    }
    convert(&c, c.len);
    newline(&c);
    if (c.rc) {
        strbuf_release(&c.out);
        return c.rc;
    }
    *out = strbuf_detach(&c.out, NULL);
    return 0;
}
