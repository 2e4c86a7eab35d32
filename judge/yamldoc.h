/* yamldoc: read-only access to a YAML document loaded by libyaml (problem.yaml, testdata.yaml). */
#ifndef JUDGE_YAMLDOC_H
#define JUDGE_YAMLDOC_H

/*
 * Thread-safety: a document is used by one thread at a time; loading shares nothing. Strings a
 * getter returns are borrowed from the document and live as long as it.
 */

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

typedef struct yamldoc yamldoc;

/*
 * Loads `path` (at most 1 MiB). An empty file is an empty mapping. On a syntax error returns
 * -EINVAL with "line L column C: problem" in `err`. Returns 0 or a negative errno.
 */
int yamldoc_load(const char *path, yamldoc **out, char *err, size_t errsize);
void yamldoc_free(yamldoc *doc);

/* The root node, or NULL for an empty document. Nodes are borrowed from the document. */
yaml_node_t *yamldoc_root(yamldoc *doc);
/* The value under `key` in mapping `map`; NULL if absent or `map` is not a mapping. */
yaml_node_t *yamldoc_get(yamldoc *doc, yaml_node_t *map, const char *key);
/* A scalar's text; NULL for anything else. */
const char *yamldoc_str(yaml_node_t *node);
/* A scalar read as a number; false if it is not one. */
bool yamldoc_num(yaml_node_t *node, double *out);
/* Element `i` of a sequence; NULL past the end. */
yaml_node_t *yamldoc_item(yamldoc *doc, yaml_node_t *seq, size_t i);
/* Mapping entry `i`: its key's text and its value; false past the end. */
bool yamldoc_entry(yamldoc *doc, yaml_node_t *map, size_t i, const char **key, yaml_node_t **val);

#endif
