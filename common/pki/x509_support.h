#pragma once
// Internal to einlass_pki (its .cpp files only): RAII for the X509 handles, PEM in and out, and
// OpenSSL's reason for a failure as text. Reuses the EVP handles of einlass_ticket.
#include <openssl/bn.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>
#include <string_view>

#include "pki/certificate_authority.h"
#include "pki/pki_error.h"
#include "ticket/openssl_handles.h"

namespace einlass::pki_detail {

struct X509Deleter {
  void operator()(X509* p) const { X509_free(p); }
};
struct BignumDeleter {
  void operator()(BIGNUM* p) const { BN_free(p); }
};
struct GeneralNamesDeleter {
  void operator()(GENERAL_NAMES* p) const { GENERAL_NAMES_free(p); }
};
struct OpensslStringDeleter {
  void operator()(char* p) const { OPENSSL_free(p); }
};

using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using Bignum = std::unique_ptr<BIGNUM, BignumDeleter>;
using GeneralNames = std::unique_ptr<GENERAL_NAMES, GeneralNamesDeleter>;
using OpensslString = std::unique_ptr<char, OpensslStringDeleter>;

// `what` followed by OpenSSL's queued reasons (which it clears), e.g.
// "cannot read the certificate: PEM routines::no start line".
PkiError openssl_error(std::string what);

PkiResult<X509Ptr> read_certificate(std::string_view pem, std::string_view what);
PkiResult<openssl::Pkey> read_private_key(std::string_view pem, std::string_view what);
std::string certificate_pem(X509* cert);
std::string private_key_pem(EVP_PKEY* key);

// A loaded authority whose key belongs to its certificate, which is a CA.
struct LoadedAuthority {
  X509Ptr certificate;
  openssl::Pkey key;
};
PkiResult<LoadedAuthority> load_authority(const CertifiedKey& authority);

// "A1B2..." (upper-case, no leading zeros) for a serial.
std::string serial_hex(const ASN1_INTEGER* serial);

}  // namespace einlass::pki_detail
