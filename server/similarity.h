/*
 * similarity: how alike two C programs are, by token fingerprints (winnowing, as MOSS does):
 * identifiers, literals, whitespace and comments do not count, and what the starter template
 * already holds is left out.
 */
#ifndef SERVER_SIMILARITY_H
#define SERVER_SIMILARITY_H

#include <stddef.h>
#include <stdint.h>

struct fingerprints {
    uint32_t *h; /* sorted, unique */
    size_t n;
};

/* The winnowed fingerprints of `source`, leaving out every k-gram that `template` (or NULL) has. */
int similarity_fingerprints(const char *source, const char *template_src, struct fingerprints *out);
void similarity_release(struct fingerprints *f);

/* |A ∩ B| / min(|A|, |B|): 1 when one program is contained in the other; 0 when either is empty. */
double similarity_score(const struct fingerprints *a, const struct fingerprints *b);

/* Fewer fingerprints than this and a program is too small to call a copy. */
#define SIMILARITY_MIN_FINGERPRINTS 8
/* Pairs at or above this score are flagged. */
#define SIMILARITY_FLAG 0.6
/* Pairs from this score up to the flag are listed as near misses, for a look, not flagged. */
#define SIMILARITY_NEAR 0.4

#endif
