#pragma once
// Internal to einlass_ticket: included from .cpp files only, so OpenSSL stays out of the public
// headers.
#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace einlass::openssl {

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct BioDeleter {
  void operator()(BIO* p) const { BIO_free(p); }
};

using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using Bio = std::unique_ptr<BIO, BioDeleter>;

// For operations that fail only when OpenSSL itself is broken or out of memory: there is no
// sensible way to go on signing or verifying tickets then.
[[noreturn]] inline void fatal(const char* what) {
  std::fprintf(stderr, "einlass: OpenSSL failure in %s\n", what);
  ERR_print_errors_fp(stderr);
  std::abort();
}

}  // namespace einlass::openssl
