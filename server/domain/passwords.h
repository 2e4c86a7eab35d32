/*
 * passwords: members' passwords, hashed with Argon2id (libsodium's crypto_pwhash_str, its
 * INTERACTIVE limits: about 64 MiB and a fraction of a second a hash). Argon2 is slow and
 * memory-hungry by design, so at most PASSWORD_HASHES_AT_ONCE hashes run at once in the process:
 * a flood of logins queues here (and is refused past PASSWORD_WAIT_MS) instead of taking the
 * memory of the machine.
 *
 * Errors: 0 or a negative errno (-EINVAL a password outside the rules, -EACCES a wrong password,
 * -EAGAIN every hashing slot stayed busy past PASSWORD_WAIT_MS, -ENOMEM). Thread-safe: the slots
 * are one mutex and condition; the rest is libsodium's, which is thread-safe after sodium_init.
 * Knows nothing of the store.
 */
#ifndef SERVER_PASSWORDS_H
#define SERVER_PASSWORDS_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN            12   /* characters (UTF-8 code points) at least */
#define PASSWORD_MAX            1024 /* bytes at most: the hash reads all of it */
#define PASSWORD_HASHES_AT_ONCE 2    /* Argon2id hashes running at once (64 MiB each) */
#define PASSWORD_WAIT_MS        10000
#define PASSWORD_HASH_MAX       crypto_pwhash_STRBYTES /* a stored hash, its NUL included */

/*
 * Whether `pw` follows the rules: valid UTF-8 without NUL or control characters, at least
 * PASSWORD_MIN characters, at most PASSWORD_MAX bytes. 0, or -EINVAL with *why (a static
 * sentence for a person) set.
 */
int password_check(const char *pw, const char **why);

/* The Argon2id hash of `pw` (checked first) into `out` (PASSWORD_HASH_MAX bytes). */
int password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);

/*
 * Whether `pw` matches `stored` (a password_hash string). A NULL or empty `stored` (an unknown
 * e-mail, a member without a password) is verified against a dummy hash made once, so that
 * every refusal costs the same and answers alike: -EACCES. *needs_rehash (may be NULL) says
 * whether a match was hashed with other limits than today's.
 */
int password_verify(const char *stored, const char *pw, bool *needs_rehash);

#endif
