// The certificates checked as the server and the kiosks will check them: X509_verify_cert with a
// store that trusts only the event's CA.
#include <catch2/catch.hpp>

#include "pki_test_support.h"

using namespace einlass;
using namespace einlass::test;

namespace {

// X509_V_OK or the reason the chain is refused, as of `at`, for `purpose`.
int verify(const CertifiedKey& ca, const std::string& leaf_pem, int purpose, Timestamp at) {
  auto store = trusting(ca);
  auto leaf = parse_certificate(leaf_pem);
  StoreCtxHandle ctx(X509_STORE_CTX_new());
  REQUIRE(X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), nullptr) == 1);
  X509_STORE_CTX_set_purpose(ctx.get(), purpose);
  X509_STORE_CTX_set_time(
      ctx.get(), 0,
      static_cast<time_t>(
          std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count()));
  const int ok = X509_verify_cert(ctx.get());
  const int error = X509_STORE_CTX_get_error(ctx.get());
  CHECK((ok == 1) == (error == X509_V_OK));
  return error;
}

const Timestamp kLater = utc(2026, 6, 1);

}  // namespace

TEST_CASE("a kiosk certificate verifies against its own CA as a TLS client", "[pki]") {
  const auto ca = make_authority();
  const auto kiosk = make_kiosk(ca);
  CHECK(verify(ca, kiosk.certificate_pem, X509_PURPOSE_SSL_CLIENT, kLater) == X509_V_OK);
  // Not as a server: a stolen kiosk certificate cannot impersonate the server.
  CHECK(verify(ca, kiosk.certificate_pem, X509_PURPOSE_SSL_SERVER, kLater) ==
        X509_V_ERR_INVALID_PURPOSE);
}

TEST_CASE("a kiosk certificate from another event's CA fails verification", "[pki]") {
  const auto ca = make_authority();
  const auto foreign_ca = make_authority("Digitale Verwaltung 2026");  // same name, other key
  const auto foreign = make_kiosk(foreign_ca);
  CHECK(verify(ca, foreign.certificate_pem, X509_PURPOSE_SSL_CLIENT, kLater) ==
        X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
  CHECK(verify(foreign_ca, foreign.certificate_pem, X509_PURPOSE_SSL_CLIENT, kLater) == X509_V_OK);
}

TEST_CASE("certificates are refused once expired, and accepted a day before issue", "[pki]") {
  const auto ca = make_authority();
  const auto kiosk = make_kiosk(ca);
  const auto server = make_server(ca);
  CHECK(verify(ca, kiosk.certificate_pem, X509_PURPOSE_SSL_CLIENT,
               kIssued + std::chrono::days{730}) == X509_V_OK);
  CHECK(verify(ca, kiosk.certificate_pem, X509_PURPOSE_SSL_CLIENT,
               kIssued + std::chrono::days{732}) == X509_V_ERR_CERT_HAS_EXPIRED);
  // A kiosk whose clock is some hours behind the organiser's laptop still accepts.
  CHECK(verify(ca, server.certificate_pem, X509_PURPOSE_SSL_SERVER,
               kIssued - std::chrono::hours{20}) == X509_V_OK);
  CHECK(verify(ca, server.certificate_pem, X509_PURPOSE_SSL_SERVER,
               kIssued - std::chrono::hours{25}) == X509_V_ERR_CERT_NOT_YET_VALID);
  CHECK(verify(ca, server.certificate_pem, X509_PURPOSE_SSL_CLIENT, kLater) ==
        X509_V_ERR_INVALID_PURPOSE);
}
