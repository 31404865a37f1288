#ifndef ACCORD_COPENSSL_SHIM_H
#define ACCORD_COPENSSL_SHIM_H

// SHA256_Init/Update/Final are deprecated in OpenSSL 3.0 in favour of EVP, but still built by
// Debian; the wrappers below use them on purpose (see accord_sha256_begin).
#define OPENSSL_SUPPRESS_DEPRECATED

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <openssl/pem.h>

// Swift cannot call function-like macros; these wrap the ones Accord uses.

static inline int accord_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline long accord_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline long accord_SSL_CTX_set_options(SSL_CTX *ctx, long options) {
    return (long)SSL_CTX_set_options(ctx, (uint64_t)options);
}

static inline long accord_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

static inline int accord_TLS1_2_VERSION(void) { return TLS1_2_VERSION; }

/// A passphrase callback that gives none: an encrypted key fails to load instead of OpenSSL
/// prompting on the terminal (and blocking a start-up or a SIGHUP reload on stdin).
static int accord_no_passphrase(char *buf, int size, int rwflag, void *userdata) {
    (void)buf; (void)size; (void)rwflag; (void)userdata;
    return 0;
}

static inline void accord_SSL_CTX_never_prompt(SSL_CTX *ctx) {
    SSL_CTX_set_default_passwd_cb(ctx, accord_no_passphrase);
}

/// The loaded certificate against the clock: -1 expired, 1 not valid yet, 0 valid (or none).
static inline int accord_SSL_CTX_certificate_validity(SSL_CTX *ctx) {
    X509 *certificate = SSL_CTX_get0_certificate(ctx);
    if (certificate == NULL) return 0;
    if (X509_cmp_current_time(X509_get0_notAfter(certificate)) < 0) return -1;
    if (X509_cmp_current_time(X509_get0_notBefore(certificate)) > 0) return 1;
    return 0;
}

/// Keeps libcrypto's global state alive until the process is gone: without it, exit() runs
/// OpenSSL's atexit cleanup while another thread (a seed reload hashing the files) may still
/// be inside libcrypto, which then reads freed locks.
static inline int accord_OPENSSL_init_no_atexit(void) {
    return OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL);
}

/// SHA-256 without EVP: ETags and the dataset version need the digest only, and EVP's first
/// use initialises the default provider (about 1.9 MB more of libcrypto resident at idle) and
/// fetches, allocates and locks on every call. The state lives in the caller's memory.
static inline size_t accord_sha256_state_size(void) { return sizeof(SHA256_CTX); }

static inline void accord_sha256_begin(void *state) { SHA256_Init((SHA256_CTX *)state); }

static inline void accord_sha256_add(void *state, const void *bytes, size_t count) {
    SHA256_Update((SHA256_CTX *)state, bytes, count);
}

static inline void accord_sha256_end(void *state, unsigned char *digest) {
    SHA256_Final(digest, (SHA256_CTX *)state);
}

static inline long accord_SSL_MODE_defaults(void) {
    return SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS;
}

// SSL_OP_IGNORE_UNEXPECTED_EOF (OpenSSL 3): a peer that ends TCP without close_notify (a
// client half-closing after its request) is a clean end of input, as in OpenSSL 1.1 and nginx,
// not a fatal error that sends a decode_error alert after the response. HTTP/1.1 frames every
// message itself, so a truncated request is still an incomplete one.
static inline long accord_SSL_OP_defaults(void) {
    long options = SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE;
#ifdef SSL_OP_IGNORE_UNEXPECTED_EOF
    options |= SSL_OP_IGNORE_UNEXPECTED_EOF;
#endif
    return options;
}

// ALPN: Accord speaks only HTTP/1.1. A client that offers it gets it; a client that offers
// only other protocols (e.g. h2) continues without ALPN rather than failing the handshake.
static const unsigned char accord_alpn_http11[] = { 8, 'h', 't', 't', 'p', '/', '1', '.', '1' };

static int accord_alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                              const unsigned char *in, unsigned int inlen, void *arg) {
    (void)ssl; (void)arg;
    unsigned char *selected = NULL;
    if (SSL_select_next_proto(&selected, outlen, accord_alpn_http11, sizeof(accord_alpn_http11), in, inlen)
            == OPENSSL_NPN_NEGOTIATED) {
        *out = selected;
        return SSL_TLSEXT_ERR_OK;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

static inline void accord_SSL_CTX_use_alpn_http11(SSL_CTX *ctx) {
    SSL_CTX_set_alpn_select_cb(ctx, accord_alpn_select, NULL);
}

/// The first queued OpenSSL error as text (empty when none), clearing the queue.
static inline void accord_ERR_text(char *buffer, size_t length) {
    unsigned long code = ERR_get_error();
    buffer[0] = 0;
    if (code != 0) ERR_error_string_n(code, buffer, length);
    ERR_clear_error();
}

#endif
