/*
 * Passwords (passwords.h). The slots are a counter under a mutex, waited on with a monotonic
 * clock; the dummy hash that unknown e-mails are verified against is made on first use, in a
 * slot like any other hash, so that judged starts without paying for it.
 */
#define _GNU_SOURCE
#include "passwords.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slots_free;
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;
static int slots_used;

static void slots_init(void)
{
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&slots_free, &a);
    pthread_condattr_destroy(&a);
}

/* Takes a hashing slot: 0, or -EAGAIN when none came free within PASSWORD_WAIT_MS. */
static int slot_take(void)
{
    pthread_once(&slots_once, slots_init);
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += PASSWORD_WAIT_MS / 1000;
    until.tv_nsec += (PASSWORD_WAIT_MS % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    int rc = 0;
    pthread_mutex_lock(&slots_lock);
    while (slots_used >= PASSWORD_HASHES_AT_ONCE && rc == 0)
        if (pthread_cond_timedwait(&slots_free, &slots_lock, &until) == ETIMEDOUT)
            rc = -EAGAIN;
    if (rc == 0)
        slots_used++;
    pthread_mutex_unlock(&slots_lock);
    return rc;
}

static void slot_give(void)
{
    pthread_mutex_lock(&slots_lock);
    slots_used--;
    pthread_cond_signal(&slots_free);
    pthread_mutex_unlock(&slots_lock);
}

int password_check(const char *pw, const char **why)
{
    size_t len = pw ? strlen(pw) : 0, chars = 0;
    if (!pw || len > PASSWORD_MAX) {
        *why = "must be at most 1024 bytes";
        return -EINVAL;
    }
    for (const unsigned char *p = (const unsigned char *)pw; *p;) {
        int n = *p < 0x80             ? 1
                : (*p & 0xe0) == 0xc0 ? 2
                : (*p & 0xf0) == 0xe0 ? 3
                : (*p & 0xf8) == 0xf0 ? 4
                                      : 0;
        for (int i = 1; i < n; i++)
            if ((p[i] & 0xc0) != 0x80)
                n = 0;
        if (!n) {
            *why = "must be valid UTF-8";
            return -EINVAL;
        }
        if (*p < 0x20 || *p == 0x7f) {
            *why = "must not hold control characters";
            return -EINVAL;
        }
        p += n;
        chars++;
    }
    if (chars < PASSWORD_MIN) {
        *why = "must have at least 12 characters";
        return -EINVAL;
    }
    return 0;
}

/* The hash itself, in a slot. */
static int hash_in_slot(const char *pw, size_t len, char out[PASSWORD_HASH_MAX])
{
    int rc = slot_take();
    if (rc)
        return rc;
    if (crypto_pwhash_str(out, pw, len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE))
        rc = -ENOMEM; /* libsodium fails only when it cannot have the memory */
    slot_give();
    return rc;
}

int password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
    const char *why;
    int rc = password_check(pw, &why);
    if (rc)
        return rc;
    return hash_in_slot(pw, strlen(pw), out);
}

static char dummy[PASSWORD_HASH_MAX];
static pthread_mutex_t dummy_lock = PTHREAD_MUTEX_INITIALIZER;

/* The dummy hash unknown e-mails are checked against, made on first use. */
static int dummy_hash(char out[PASSWORD_HASH_MAX])
{
    int rc = 0;
    pthread_mutex_lock(&dummy_lock);
    if (!dummy[0]) {
        char pw[33];
        unsigned char raw[16];
        randombytes_buf(raw, sizeof(raw));
        sodium_bin2hex(pw, sizeof(pw), raw, sizeof(raw));
        rc = hash_in_slot(pw, strlen(pw), dummy);
        if (rc)
            dummy[0] = '\0';
        sodium_memzero(pw, sizeof(pw));
    }
    if (!rc)
        memcpy(out, dummy, PASSWORD_HASH_MAX);
    pthread_mutex_unlock(&dummy_lock);
    return rc;
}

int password_verify(const char *stored, const char *pw, bool *needs_rehash)
{
    char against[PASSWORD_HASH_MAX];
    bool real = stored && *stored && strlen(stored) < PASSWORD_HASH_MAX;
    size_t len = pw ? strlen(pw) : 0;
    int rc = real ? 0 : dummy_hash(against);
    if (rc)
        return rc;
    if (real)
        memcpy(against, stored, strlen(stored) + 1);
    /* An over-long password is verified too (cut at the cap), so that it costs the same; it
     * can match nothing, since none that long was ever hashed. */
    bool too_long = !pw || len > PASSWORD_MAX;
    if ((rc = slot_take()))
        return rc;
    int v = crypto_pwhash_str_verify(against, pw ? pw : "", too_long ? PASSWORD_MAX : len);
    slot_give();
    if (v != 0 || !real || too_long)
        return -EACCES;
    if (needs_rehash)
        *needs_rehash = crypto_pwhash_str_needs_rehash(against, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
    return 0;
}
