/* nodes: wake-ups between the judged nodes of one PostgreSQL store (nodes.h). */
#define _GNU_SOURCE
#include "nodes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <jansson.h>

#include "db.h"
#include "queue.h"

#define CHANNEL      "judged_queue"
#define LIVE_CHANNEL "judged_live"
/* PostgreSQL's bound on a payload is 8000 bytes; the sender's id and a space come first. */
#define LIVE_PAYLOAD_MAX 7900
#define LIVE_MESSAGE_CUT 1024 /* bytes of a test's message sent, on a character boundary */

/* This process's id in messages, so that it skips its own: 16 hex digits, random. */
static char self[17];

static void on_message(const char *payload, void *ud)
{
    struct server *s = ud;
    /* NULL: (re)connected, anything may have been missed; else "BITS:SENDER". */
    if (!payload) {
        queue_notify_local(s, QUEUE_WORK | QUEUE_CHANGED);
        return;
    }
    const char *colon = strchr(payload, ':');
    if (!colon || !strcmp(colon + 1, self))
        return;
    unsigned what = (unsigned)strtoul(payload, NULL, 10) & (QUEUE_WORK | QUEUE_CHANGED);
    if (what)
        queue_notify_local(s, what);
}

static const char *const live_kinds[] = {
    [LIVE_BEGIN] = "begin", [LIVE_STATUS] = "status", [LIVE_TEST] = "test", [LIVE_END] = "end"};

/* "SENDER {json}" from another node: its judgement's progress, mirrored by this node's queue. */
static void on_live(const char *payload, void *ud)
{
    struct server *s = ud;
    if (!payload) {
        queue_live_mirror_reset(s); /* what was missed is unknown: viewers read the store */
        return;
    }
    const char *space = strchr(payload, ' ');
    if (!space || (size_t)(space - payload) != strlen(self) ||
        strncmp(payload, self, strlen(self)) == 0)
        return;
    json_t *m = json_loads(space + 1, 0, NULL);
    const char *kind = json_string_value(json_object_get(m, "kind"));
    const char *id = json_string_value(json_object_get(m, "id"));
    int ev = -1;
    for (int i = 0; kind && i < (int)(sizeof(live_kinds) / sizeof(live_kinds[0])); i++)
        if (!strcmp(kind, live_kinds[i]))
            ev = i;
    if (ev < 0 || !id)
        goto out;
    json_t *jt = json_object_get(m, "test");
    struct test_row t = {0}, *tp = NULL;
    if (ev == LIVE_TEST && json_is_object(jt)) {
        t.index = json_integer_value(json_object_get(jt, "index"));
        t.name = (char *)json_string_value(json_object_get(jt, "name"));
        t.group = (char *)json_string_value(json_object_get(jt, "group"));
        t.verdict = (char *)json_string_value(json_object_get(jt, "verdict"));
        t.message = (char *)json_string_value(json_object_get(jt, "message"));
        t.sample = json_is_true(json_object_get(jt, "sample"));
        t.time_ms = json_integer_value(json_object_get(jt, "time_ms"));
        t.memory_kb = json_integer_value(json_object_get(jt, "memory_kb"));
        t.wall_ms = json_integer_value(json_object_get(jt, "wall_ms"));
        tp = &t;
    }
    queue_live_mirror(s, (enum live_event)ev, id, json_string_value(json_object_get(m, "status")),
                      json_string_value(json_object_get(m, "compile_output")), tp);
out:
    json_decref(m);
}

int nodes_listen(struct server *s)
{
    if (db_kind_of(s->db) != DB_POSTGRES)
        return 0;
    unsigned char r[8] = {0};
    if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
        return -EIO;
    for (int i = 0; i < 8; i++)
        snprintf(self + 2 * i, 3, "%02x", r[i]);
    int rc = db_listen(s->db, CHANNEL, on_message, s);
    return rc ? rc : db_listen(s->db, LIVE_CHANNEL, on_live, s);
}

/* `text` cut to at most `max` bytes on a character boundary (UTF-8), as a JSON string. */
static json_t *cut_string(const char *text, size_t max)
{
    size_t n = strlen(text);
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }
    return json_stringn(text, n); /* NULL when not UTF-8: the field is left out */
}

void nodes_tell_live(struct server *s, enum live_event ev, const char *id, const char *status,
                     const char *compile_output, const struct test_row *t)
{
    if (!s->db || db_kind_of(s->db) != DB_POSTGRES)
        return;
    json_t *m = json_pack("{s:s, s:s}", "kind", live_kinds[ev], "id", id);
    if (!m)
        return;
    if (status)
        json_object_set_new(m, "status", json_string(status));
    if (t) {
        json_t *jt = json_pack("{s:I, s:s, s:s, s:s, s:b, s:I, s:I, s:I}", "index",
                               (json_int_t)t->index, "name", t->name ? t->name : "", "group",
                               t->group ? t->group : "", "verdict", t->verdict ? t->verdict : "",
                               "sample", t->sample, "time_ms", (json_int_t)t->time_ms, "memory_kb",
                               (json_int_t)t->memory_kb, "wall_ms", (json_int_t)t->wall_ms);
        if (jt && t->message && *t->message)
            json_object_set_new(jt, "message", cut_string(t->message, LIVE_MESSAGE_CUT));
        json_object_set_new(m, "test", jt);
    }
    char *text = NULL;
    /* The compiler output as much as fits: it is stored whole with the result anyway. */
    for (size_t cut = LIVE_PAYLOAD_MAX; compile_output && *compile_output && cut >= 256; cut /= 2) {
        json_object_set_new(m, "compile_output", cut_string(compile_output, cut));
        free(text);
        text = json_dumps(m, JSON_COMPACT);
        if (text && strlen(text) <= LIVE_PAYLOAD_MAX)
            break;
        json_object_del(m, "compile_output");
        free(text);
        text = NULL;
    }
    if (!text)
        text = json_dumps(m, JSON_COMPACT);
    json_decref(m);
    if (!text || strlen(text) > LIVE_PAYLOAD_MAX) {
        free(text);
        return; /* a test row too large even without its message's tail: the result shows it */
    }
    char *payload = NULL;
    if (asprintf(&payload, "%s %s", self, text) > 0) {
        dbc *c = db_get(s->db);
        if (c)
            dbc_notify(c, LIVE_CHANNEL, payload);
        db_put(s->db, c);
    }
    free(payload);
    free(text);
}

void nodes_tell(struct server *s, unsigned what)
{
    if (!s->db || db_kind_of(s->db) != DB_POSTGRES)
        return;
    char payload[64];
    snprintf(payload, sizeof(payload), "%u:%s", what, self);
    dbc *c = db_get(s->db);
    if (c)
        dbc_notify(c, CHANNEL, payload);
    db_put(s->db, c);
}
