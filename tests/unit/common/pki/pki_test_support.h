#pragma once
// Shared by the PKI tests: OpenSSL handles, PEM parsing and a store that trusts one CA.
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "pki/certificate_authority.h"
#include "support/time_literals.h"

namespace einlass::test {

template <class T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
using X509Handle = std::unique_ptr<X509, Freer<X509, X509_free>>;
using PkeyHandle = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY, EVP_PKEY_free>>;
using StoreHandle = std::unique_ptr<X509_STORE, Freer<X509_STORE, X509_STORE_free>>;
using StoreCtxHandle = std::unique_ptr<X509_STORE_CTX, Freer<X509_STORE_CTX, X509_STORE_CTX_free>>;
using SslCtxHandle = std::unique_ptr<SSL_CTX, Freer<SSL_CTX, SSL_CTX_free>>;
using SslHandle = std::unique_ptr<SSL, Freer<SSL, SSL_free>>;

inline const Timestamp kIssued = utc(2026, 3, 1, 9, 0);

inline X509Handle parse_certificate(const std::string& pem) {
  std::unique_ptr<BIO, Freer<BIO, BIO_free_all>> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  X509Handle cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  REQUIRE(cert);
  return cert;
}

inline PkeyHandle parse_key(const std::string& pem) {
  std::unique_ptr<BIO, Freer<BIO, BIO_free_all>> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  PkeyHandle key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  REQUIRE(key);
  return key;
}

inline CertifiedKey make_authority(const std::string& event = "Digitale Verwaltung 2026") {
  auto ca = create_authority(event, kIssued);
  REQUIRE(ca);
  return *ca;
}

inline CertifiedKey make_kiosk(const CertifiedKey& ca, const std::string& id = "K1") {
  auto cert = issue_kiosk_certificate(ca, id, kIssued);
  REQUIRE(cert);
  return *cert;
}

inline CertifiedKey make_server(const CertifiedKey& ca) {
  auto cert =
      issue_server_certificate(ca, {"einlass.local", "10.0.0.5", "localhost", "::1"}, kIssued);
  REQUIRE(cert);
  return *cert;
}

inline StoreHandle trusting(const CertifiedKey& ca) {
  StoreHandle store(X509_STORE_new());
  REQUIRE(store);
  auto cert = parse_certificate(ca.certificate_pem);
  REQUIRE(X509_STORE_add_cert(store.get(), cert.get()) == 1);
  return store;
}

}  // namespace einlass::test
