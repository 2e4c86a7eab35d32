/* GET /api/v1/languages: the languages of the registry and whether this host can judge them. */
#include <stdio.h>

#include "api.h"
#include "judge.h"
#include "lang.h"

void api_languages(struct server *s, struct req *r)
{
    json_t *list = json_array();
    struct judge_env env = {s->sb, 0};
    for (const struct lang *const *l = lang_all(); *l; l++) {
        if (!(*l)->submissions)
            continue;
        char why[512] = "";
        bool ok = judge_lang_check(s->sb ? &env : NULL, NULL, NULL, *l, why, sizeof(why)) == 0;
        json_t *exts = json_array();
        for (const char *const *e = (*l)->exts; *e; e++)
            json_array_append_new(exts, json_string(*e));
        json_t *o =
            json_pack("{s:s, s:s, s:s, s:b, s:o}", "id", (*l)->id, "name", (*l)->name, "version",
                      ok ? lang_version(*l) : "", "available", ok, "extensions", exts);
        if (!ok)
            json_object_set_new(o, "reason", json_string(why));
        json_array_append_new(list, o);
    }
    reply_json(r, 200, json_pack("{s:o}", "languages", list));
}
