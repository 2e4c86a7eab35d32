/* db_nopg: a judged built without libpq has no PostgreSQL engine; db_open_url() says so. */
#include "db_backend.h"

const struct db_backend *const db_postgres_backend = NULL;
