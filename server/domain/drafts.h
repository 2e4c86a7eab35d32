/*
 * drafts: candidates' drafts (saved as they type, restored anywhere, judged at time-up), their
 * snapshots and integrity signals, and the team's timeline of them. Handlers are thread-safe
 * (each takes a pooled connection).
 */
#ifndef SERVER_DRAFTS_H
#define SERVER_DRAFTS_H

#include "http.h"

/* GET/PUT /api/v1/candidate/drafts/{slug}: the candidate's draft of one problem (413 past
 * SOURCE_MAX, 403 outside the running session, 422 for a problem not in the assessment). */
void api_draft_get(struct server *s, struct req *r);
void api_draft_put(struct server *s, struct req *r);
/* POST /api/v1/candidate/signals: a paste (size) or a focus loss (duration_ms). */
void api_signal_post(struct server *s, struct req *r);

/* GET .../assessments/{}/candidates/{}/timeline and .../snapshots/{}: the team's playback. */
void api_timeline(struct server *s, struct req *r);
void api_snapshot_get(struct server *s, struct req *r);

#endif
