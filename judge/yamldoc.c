#include "yamldoc.h"

#include "caps.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct yamldoc {
    yaml_document_t doc;
    bool loaded;
};

int yamldoc_load(const char *path, yamldoc **out, char *err, size_t errsize)
{
    FILE *f = fopen(path, "rbe");
    if (!f) {
        snprintf(err, errsize, "%s", strerror(errno));
        return -errno;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > (off_t)YAMLDOC_MAX_BYTES) {
        fclose(f);
        snprintf(err, errsize, "larger than %u bytes", YAMLDOC_MAX_BYTES);
        return -EFBIG;
    }
    yamldoc *d = calloc(1, sizeof(*d));
    if (!d) {
        fclose(f);
        return -ENOMEM;
    }
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_file(&p, f);
    int rc = 0;
    if (!yaml_parser_load(&p, &d->doc)) {
        snprintf(err, errsize, "line %zu column %zu: %s", p.problem_mark.line + 1,
                 p.problem_mark.column + 1, p.problem ? p.problem : "malformed YAML");
        rc = -EINVAL;
    } else {
        d->loaded = true;
    }
    yaml_parser_delete(&p);
    fclose(f);
    if (rc) {
        free(d);
        return rc;
    }
    *out = d;
    return 0;
}

void yamldoc_free(yamldoc *doc)
{
    if (!doc)
        return;
    if (doc->loaded)
        yaml_document_delete(&doc->doc);
    free(doc);
}

yaml_node_t *yamldoc_root(yamldoc *doc)
{
    return yaml_document_get_root_node(&doc->doc);
}

const char *yamldoc_str(yaml_node_t *node)
{
    if (!node || node->type != YAML_SCALAR_NODE)
        return NULL;
    return (const char *)node->data.scalar.value;
}

yaml_node_t *yamldoc_get(yamldoc *doc, yaml_node_t *map, const char *key)
{
    const char *k;
    yaml_node_t *v;
    for (size_t i = 0; yamldoc_entry(doc, map, i, &k, &v); i++)
        if (k && !strcmp(k, key))
            return v;
    return NULL;
}

bool yamldoc_num(yaml_node_t *node, double *out)
{
    const char *s = yamldoc_str(node);
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

yaml_node_t *yamldoc_item(yamldoc *doc, yaml_node_t *seq, size_t i)
{
    if (!seq || seq->type != YAML_SEQUENCE_NODE)
        return NULL;
    yaml_node_item_t *it = seq->data.sequence.items.start + i;
    if (it >= seq->data.sequence.items.top)
        return NULL;
    return yaml_document_get_node(&doc->doc, *it);
}

bool yamldoc_entry(yamldoc *doc, yaml_node_t *map, size_t i, const char **key, yaml_node_t **val)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return false;
    yaml_node_pair_t *pair = map->data.mapping.pairs.start + i;
    if (pair >= map->data.mapping.pairs.top)
        return false;
    *key = yamldoc_str(yaml_document_get_node(&doc->doc, pair->key));
    *val = yaml_document_get_node(&doc->doc, pair->value);
    return true;
}
