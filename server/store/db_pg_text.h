/*
 * db_pg_text: the SQL text the domain modules write, as PostgreSQL reads it. Pure (no libpq, no
 * state), so any thread may call it.
 */
#ifndef SERVER_DB_PG_TEXT_H
#define SERVER_DB_PG_TEXT_H

/*
 * `sql` with every `?` outside quotes and comments made $n: a bare `?` is one more than the
 * highest number so far, `?N` is $N, as SQLite numbers them. A new string the caller frees, NULL
 * when out of memory.
 */
char *db_pg_placeholders(const char *sql);

#endif
