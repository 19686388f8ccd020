#ifndef SPARK_CSQLITE_SHIM_H
#define SPARK_CSQLITE_SHIM_H

#include <sqlite3.h>

// Typed wrappers for SQLite's variadic calls and macros Swift cannot import.

static inline int spark_sqlite3_config_multithread(void) {
    return sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
}

static inline int spark_sqlite3_db_config_defensive(sqlite3 *db, int enable) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, enable, (int *)0);
}

/// SQLITE_TRANSIENT as a typed destructor: SQLite copies the bound bytes.
static inline sqlite3_destructor_type spark_sqlite3_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
