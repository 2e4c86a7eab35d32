/* helpers_db: for the unit tests of the database and the domain modules (they link the server). */
#ifndef TESTS_HELPERS_DB_H
#define TESTS_HELPERS_DB_H

#include <check.h>

#include "db.h"

/*
 * Empties a PostgreSQL test store (JUDGED_TEST_STORE) after a test, so that the next starts from
 * nothing as it does on a fresh SQLite file: every table goes, and the next db_open_url()
 * migrates anew. Nothing to do on SQLite (the folder is removed).
 */
static inline void helper_db_empty(db *d)
{
    if (!d || db_kind_of(d) != DB_POSTGRES)
        return;
    dbc *c = db_get(d);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(dbc_run(c, "DROP SCHEMA public CASCADE", ""), 0);
    ck_assert_int_eq(dbc_run(c, "CREATE SCHEMA public", ""), 0);
    db_put(d, c);
}

#endif
