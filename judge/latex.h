/* latex: a problemtools-style LaTeX statement turned into the Markdown every other statement is. */
#ifndef JUDGE_LATEX_H
#define JUDGE_LATEX_H

#include <stddef.h>

#include "diag.h"

/*
 * Converts the LaTeX body of a Kattis statement (problem.en.tex: \problemname, \section*{Input},
 * itemize / enumerate / description, tabular, verbatim, \emph, \textbf, \texttt, \url, \href,
 * \illustration, inline and display math) into GitHub-flavoured Markdown. Math is kept between
 * $...$ or $$...$$ as written, escaped so that the Markdown renderer hands it on unchanged (the
 * web front end typesets it). Nothing is read from disk: \input and \include are dropped, never
 * followed. A command or environment it does not know keeps its text and adds one warning (to
 * `warnings`, which may be NULL) naming it. Returns 0 with *out allocated (the caller frees it),
 * -ENOMEM, or -EFBIG when the result would pass `cap` bytes. Pure: safe from any thread.
 */
int latex_to_markdown(const char *tex, size_t len, size_t cap, char **out, struct diag *warnings);

#endif
