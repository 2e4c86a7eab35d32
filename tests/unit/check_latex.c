#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "latex.h"

static char *convert(const char *tex, struct diag *warnings)
{
    char *out = NULL;
    ck_assert_int_eq(latex_to_markdown(tex, strlen(tex), 1u << 20, &out, warnings), 0);
    return out;
}

/* A statement as problemtools packages write them, every common construct once. */
static const char *const statement =
    "\\problemname{Guess the Number}\n"
    "\n"
    "\\illustration{0.3}{guess.jpg}{A guessing game}\n"
    "I am thinking of an integer $x$ with $1 \\le x \\le 1\\,000$. % a comment\n"
    "Can you find it in at most $10$ guesses? Read \\emph{carefully} and \\textbf{quickly};\n"
    "use \\texttt{fflush(stdout)} and see \\url{https://example.com/a_b}.\n"
    "\n"
    "\\section*{Input}\n"
    "The first line holds $n$ and $k$ ($0 \\le k < n$, $a_i \\cdot b_{i} > 10^{9}$).\n"
    "\\begin{itemize}\n"
    "  \\item one thing, 50\\% of it\n"
    "  \\item another -- with ``quotes''\n"
    "  \\begin{enumerate}\n"
    "    \\item nested\n"
    "  \\end{enumerate}\n"
    "\\end{itemize}\n"
    "\n"
    "\\section*{Output}\n"
    "\\begin{tabular}{|l|r|}\n"
    "\\hline\n"
    "Name & Value \\\\ \\hline\n"
    "$a_1$ & 3 \\\\\n"
    "b & 4 \\\\ \\hline\n"
    "\\end{tabular}\n"
    "\n"
    "$$\\sum_{i=1}^{n} a_i$$\n"
    "\\begin{verbatim}\n"
    "int main() { return 0; }\n"
    "\\end{verbatim}\n"
    "\\input{/etc/passwd}\n"
    "\\frobnicate{kept text}\n";

static const char *const markdown =
    "# Guess the Number\n"
    "\n"
    "*(picture: guess.jpg) A guessing game*\n"
    "\n"
    "I am thinking of an integer $x$ with $1 \\\\le x \\\\le 1\\\\\\,000$. Can you find it in at "
    "most $10$ guesses? Read *carefully* and **quickly**;\n"
    "use `fflush(stdout)` and see <https://example.com/a_b>.\n"
    "\n"
    "## Input\n"
    "\n"
    "The first line holds $n$ and $k$ ($0 \\\\le k \\< n$, $a\\_i \\\\cdot b\\_\\{i\\} \\> "
    "10\\^\\{9\\}$).\n"
    "\n"
    "- one thing, 50% of it\n"
    "- another – with “quotes”\n"
    "   1. nested\n"
    "\n"
    "## Output\n"
    "\n"
    "| Name | Value |\n"
    "| --- | --- |\n"
    "| $a\\_1$ | 3 |\n"
    "| b | 4 |\n"
    "\n"
    "$$\n"
    "\\\\sum\\_\\{i\\=1\\}\\^\\{n\\} a\\_i\n"
    "$$\n"
    "\n"
    "```text\n"
    "int main() { return 0; }\n"
    "```\n"
    "\n"
    "kept text\n";

START_TEST(test_problemtools_statement)
{
    struct diag w = DIAG_INIT;
    char *md = convert(statement, &w);
    ck_assert_str_eq(md, markdown);
    ck_assert_uint_eq(w.n, 1);
    ck_assert_str_eq(w.items[0],
                     "LaTeX command 'frobnicate' is not known: its text is kept as it is");
    free(md);
    diag_release(&w);
}
END_TEST

START_TEST(test_document_body_only)
{
    char *md =
        convert("\\documentclass{article}\n\\begin{document}\n\\section{A}x\n\\end{document}\n"
                "trailing\n",
                NULL);
    ck_assert_str_eq(md, "## A\n\nx\n");
    free(md);
}
END_TEST

START_TEST(test_markdown_in_text_escaped)
{
    /* Characters that are markup in Markdown stay text; a raw <script> stays text too. */
    char *md = convert("a*b* [x](y) <script> \\_ \\# 1. | `c`\n", NULL);
    ck_assert_str_eq(md, "a\\*b\\* \\[x\\](y) \\<script\\> \\_ \\# 1. \\| \\`c\\`\n");
    free(md);
}
END_TEST

START_TEST(test_files_never_read)
{
    /* \input and \include name files on the importing host: dropped, never followed. */
    char *md = convert("a \\input{/etc/passwd} b \\include{/etc/shadow} c\n", NULL);
    ck_assert_str_eq(md, "a b c\n");
    free(md);
}
END_TEST

START_TEST(test_hostile_input_bounded)
{
    /* Deep nesting, unclosed groups and environments, and a cap on the output. */
    size_t n = 200000;
    char *deep = malloc(n * 16 + 1);
    deep[0] = '\0';
    for (size_t i = 0; i < n / 16; i++)
        strcat(deep + i * 15, "\\begin{itemize}");
    char *md = convert(deep, NULL);
    free(md);
    memset(deep, '{', n);
    deep[n] = '\0';
    md = convert(deep, NULL);
    ck_assert_str_eq(md, "");
    free(md);
    memset(deep, 'x', n);
    char *out = NULL;
    ck_assert_int_eq(latex_to_markdown(deep, n, 1000, &out, NULL), -EFBIG);
    ck_assert_ptr_null(out);
    free(deep);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("latex");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_problemtools_statement);
    tcase_add_test(tc, test_document_body_only);
    tcase_add_test(tc, test_markdown_in_text_escaped);
    tcase_add_test(tc, test_files_never_read);
    tcase_add_test(tc, test_hostile_input_bounded);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
