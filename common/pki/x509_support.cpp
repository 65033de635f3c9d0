#include "pki/x509_support.h"

#include <openssl/err.h>
#include <openssl/pem.h>

namespace einlass::pki_detail {

PkiError openssl_error(std::string what) {
  bool first = true;
  while (const unsigned long code = ERR_get_error()) {
    char reason[256];
    ERR_error_string_n(code, reason, sizeof reason);
    what += first ? ": " : "; ";
    what += reason;
    first = false;
  }
  return PkiError{std::move(what)};
}

namespace {

openssl::Bio memory_bio(std::string_view text) {
  openssl::Bio bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  if (!bio) openssl::fatal("BIO_new_mem_buf");
  return bio;
}

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

PkiResult<X509Ptr> read_certificate(std::string_view pem, std::string_view what) {
  ERR_clear_error();
  if (pem.empty()) return std::unexpected(PkiError{std::string(what) + " is empty"});
  auto bio = memory_bio(pem);
  X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) return std::unexpected(openssl_error("cannot read " + std::string(what)));
  return cert;
}

PkiResult<openssl::Pkey> read_private_key(std::string_view pem, std::string_view what) {
  ERR_clear_error();
  if (pem.empty()) return std::unexpected(PkiError{std::string(what) + " is empty"});
  auto bio = memory_bio(pem);
  openssl::Pkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) return std::unexpected(openssl_error("cannot read " + std::string(what)));
  return key;
}

std::string certificate_pem(X509* cert) {
  openssl::Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) openssl::fatal("PEM_write_bio_X509");
  return drain(bio.get());
}

std::string private_key_pem(EVP_PKEY* key) {
  openssl::Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    openssl::fatal("PEM_write_bio_PrivateKey");
  return drain(bio.get());
}

PkiResult<LoadedAuthority> load_authority(const CertifiedKey& authority) {
  auto cert = read_certificate(authority.certificate_pem, "the authority's certificate");
  if (!cert) return std::unexpected(cert.error());
  auto key = read_private_key(authority.private_key_pem, "the authority's private key");
  if (!key) return std::unexpected(key.error());
  if (X509_check_ca(cert->get()) != 1)
    return std::unexpected(PkiError{"the authority's certificate is not a CA certificate"});
  if (X509_check_private_key(cert->get(), key->get()) != 1) {
    ERR_clear_error();
    return std::unexpected(
        PkiError{"the authority's private key does not belong to its certificate"});
  }
  return LoadedAuthority{std::move(*cert), std::move(*key)};
}

std::string serial_hex(const ASN1_INTEGER* serial) {
  Bignum number(ASN1_INTEGER_to_BN(serial, nullptr));
  if (!number) openssl::fatal("ASN1_INTEGER_to_BN");
  OpensslString hex(BN_bn2hex(number.get()));
  if (!hex) openssl::fatal("BN_bn2hex");
  return hex.get();
}

}  // namespace einlass::pki_detail
