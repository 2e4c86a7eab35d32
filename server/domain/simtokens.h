/*
 * simtokens: lexing and normalising C source for similarity.c. Pure: no I/O, no globals written,
 * so any thread may call it. Token arrays are the caller's, freed with free(ts->t).
 */
#ifndef SERVER_SIMTOKENS_H
#define SERVER_SIMTOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tok_class { T_KEY, T_ID, T_NUM, T_STR, T_OP };

struct tok {
    uint32_t h;    /* the normalised token */
    uint32_t raw;  /* the text as written: tells identifiers apart, finds the literal 1 */
    uint32_t line; /* 1-based */
    uint8_t cls;
    bool cut; /* a statement starts here (a brace was dropped before it) */
};

struct toks {
    struct tok *t;
    size_t n, cap;
};

/* The FNV-1a hash of a token's text: how normalised tokens are compared. */
uint32_t sim_hash(const char *s);
/* Whether token `i` of `ts` is `text` (false past the end). */
bool sim_is(const struct toks *ts, size_t i, const char *text);
/* Appends the tokens of `s` to `ts`. 0 or -ENOMEM. */
int sim_lex(const char *s, struct toks *ts);
/* The normalised stream of `in` into `out` (see similarity.c). 0 or -ENOMEM. */
int sim_normalise(const struct toks *in, struct toks *out);

#endif
