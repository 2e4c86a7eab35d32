/* webhook: delivers the queued finish webhooks of assessments (libcurl, retries, no SSRF). */
#ifndef SERVER_WEBHOOK_H
#define SERVER_WEBHOOK_H

#include "server.h"

/* Starts the delivery thread (curl_global_init must have run); webhook_stop joins it. */
int webhook_start(struct server *s);
void webhook_stop(struct server *s);

#endif
