/*
 * mail: invite e-mails over SMTP (libcurl; --smtp-url, --mail-from). An invitation is queued when
 * the invite is made (mail_queue_invite: its token waits in the outbox until sent, then goes) and
 * sent by the mail thread with retries; a reminder goes once, by the same thread, when the
 * invite's window (its expiry, or the assessment's closing if sooner) closes within
 * cfg.remind_before_s and the candidate has not started. Members' login links go the same way
 * (mail_queue_login_link). A thread of its own: a slow mail server never delays the assessment
 * sweep. The texts come from templates with {{name}}, {{assessment}}, {{link}} and {{closes}}.
 *
 * Errors: 0 or a negative errno (the store's, -ENOMEM). Thread-safe: pooled connections only.
 */
#ifndef SERVER_MAIL_H
#define SERVER_MAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "server.h"

/* Is invite e-mail on (an SMTP URL and a From address)? */
bool mail_enabled(const struct server *s);
/* Queues the invitation of invite `invite` with its `token` (a no-op when mail is off). */
int mail_queue_invite(struct server *s, int64_t invite, const char *token);
/* Queues the login link `link` (logins.h) with its `token`, to its member (a no-op when mail is
 * off); the token waits in the outbox until the link is sent, used or expired. */
int mail_queue_login_link(struct server *s, int64_t link, const char *token);
/* Starts the mail thread when mail is on: 0 or a negative errno (-EINVAL: an SMTP URL without
 * a From address, or the other way round). */
int mail_start(struct server *s);
/* Waits for the thread to see s->stopping and end. */
void mail_stop(struct server *s);

#endif
