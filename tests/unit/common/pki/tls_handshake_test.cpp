// Real TLS 1.3 handshakes with mutual authentication, through OpenSSL's SSL API over a memory BIO
// pair, with the certificates einlass_pki issues: the proof that its ECDSA P-256 certificates work
// for both sides before the server and the kiosk wire them into Asio.
#include <openssl/err.h>

#include <catch2/catch.hpp>

#include "pki_test_support.h"

using namespace einlass;
using namespace einlass::test;

namespace {

SslCtxHandle context(bool server, const CertifiedKey& trusted_ca, const CertifiedKey* own) {
  SslCtxHandle ctx(SSL_CTX_new(server ? TLS_server_method() : TLS_client_method()));
  REQUIRE(ctx);
  REQUIRE(SSL_CTX_set_min_proto_version(ctx.get(), TLS1_3_VERSION) == 1);
  if (own) {
    REQUIRE(SSL_CTX_use_certificate(ctx.get(), parse_certificate(own->certificate_pem).get()) == 1);
    REQUIRE(SSL_CTX_use_PrivateKey(ctx.get(), parse_key(own->private_key_pem).get()) == 1);
  }
  auto ca = parse_certificate(trusted_ca.certificate_pem);
  REQUIRE(X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx.get()), ca.get()) == 1);
  SSL_CTX_set_verify(ctx.get(),
                     server ? SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT : SSL_VERIFY_PEER,
                     nullptr);
  return ctx;
}

struct Outcome {
  bool client_handshake = false;
  bool server_handshake = false;
  bool exchanged = false;  // the client sent "ping" and read the server's "pong"
  std::string peer_cn;     // the client certificate's CN as the server saw it
  int version = 0;
  long client_verify = X509_V_OK;
  long server_verify = X509_V_OK;
};

bool pending(SSL* ssl, int result) {
  const int error = SSL_get_error(ssl, result);
  return error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE;
}

// Runs both ends in turn until neither makes progress. The client's handshake completes before
// the server has checked its certificate (TLS 1.3); a refusal shows on the client's first read,
// which is therefore part of the outcome (STACK-NOTES).
Outcome connect(const CertifiedKey& server_ca, const CertifiedKey& server_cert,
                const CertifiedKey& client_ca, const CertifiedKey* client_cert,
                const char* host = "localhost") {
  auto server_ctx = context(true, server_ca, &server_cert);
  auto client_ctx = context(false, client_ca, client_cert);
  SslHandle server(SSL_new(server_ctx.get()));
  SslHandle client(SSL_new(client_ctx.get()));
  REQUIRE(server);
  REQUIRE(client);
  BIO* client_bio = nullptr;
  BIO* server_bio = nullptr;
  REQUIRE(BIO_new_bio_pair(&client_bio, 0, &server_bio, 0) == 1);
  SSL_set_bio(client.get(), client_bio, client_bio);
  SSL_set_bio(server.get(), server_bio, server_bio);
  SSL_set_connect_state(client.get());
  SSL_set_accept_state(server.get());
  REQUIRE(SSL_set1_host(client.get(), host) == 1);

  Outcome out;
  bool client_failed = false, server_failed = false, sent = false, answered = false;
  char buffer[16];
  for (int round = 0; round < 50 && !client_failed && !server_failed && !out.exchanged; ++round) {
    if (!out.client_handshake) {
      const int r = SSL_do_handshake(client.get());
      out.client_handshake = r == 1;
      client_failed = r != 1 && !pending(client.get(), r);
    } else if (!sent) {
      sent = SSL_write(client.get(), "ping", 4) == 4;
    } else {
      const int r = SSL_read(client.get(), buffer, sizeof buffer);
      if (r > 0) out.exchanged = std::string(buffer, static_cast<std::size_t>(r)) == "pong";
      client_failed = r <= 0 && !pending(client.get(), r);
    }
    if (!out.server_handshake) {
      const int r = SSL_do_handshake(server.get());
      out.server_handshake = r == 1;
      server_failed = r != 1 && !pending(server.get(), r);
    } else if (!answered) {
      const int r = SSL_read(server.get(), buffer, sizeof buffer);
      if (r == 4 && std::string(buffer, 4) == "ping")
        answered = SSL_write(server.get(), "pong", 4) == 4;
      server_failed = r <= 0 && !pending(server.get(), r);
    }
  }
  ERR_clear_error();
  out.version = SSL_version(client.get());
  out.client_verify = SSL_get_verify_result(client.get());
  out.server_verify = SSL_get_verify_result(server.get());
  if (X509* peer = SSL_get0_peer_certificate(server.get())) {
    char cn[64] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof cn);
    out.peer_cn = cn;
  }
  return out;
}

}  // namespace

TEST_CASE("TLS 1.3 with mutual authentication succeeds with the event's certificates",
          "[pki][tls]") {
  const auto ca = make_authority();
  const auto server = make_server(ca);
  const auto kiosk = make_kiosk(ca, "K7");
  const auto out = connect(ca, server, ca, &kiosk);
  CHECK(out.client_handshake);
  CHECK(out.server_handshake);
  CHECK(out.exchanged);
  CHECK(out.version == TLS1_3_VERSION);
  CHECK(out.peer_cn == "K7");
  CHECK(out.server_verify == X509_V_OK);
  CHECK(out.client_verify == X509_V_OK);
  // The server certificate names 10.0.0.5 and ::1 too.
  CHECK(connect(ca, server, ca, &kiosk, "einlass.local").exchanged);
}

TEST_CASE("the server refuses a client without a certificate", "[pki][tls]") {
  const auto ca = make_authority();
  const auto out = connect(ca, make_server(ca), ca, nullptr);
  CHECK_FALSE(out.server_handshake);
  CHECK_FALSE(out.exchanged);
  CHECK(out.peer_cn.empty());
}

TEST_CASE("the server refuses a kiosk certificate from another CA", "[pki][tls]") {
  const auto ca = make_authority();
  const auto foreign_ca = make_authority("Fremde Veranstaltung");
  const auto foreign_kiosk = make_kiosk(foreign_ca, "K1");
  const auto out = connect(ca, make_server(ca), ca, &foreign_kiosk);
  CHECK_FALSE(out.server_handshake);
  CHECK_FALSE(out.exchanged);
  CHECK(out.server_verify == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

TEST_CASE(
    "a kiosk refuses a server from another CA, under the wrong name, or with a kiosk's "
    "certificate",
    "[pki][tls]") {
  const auto ca = make_authority();
  const auto kiosk = make_kiosk(ca);
  const auto foreign_ca = make_authority("Fremde Veranstaltung");
  const auto foreign_server = make_server(foreign_ca);
  auto out = connect(foreign_ca, foreign_server, ca, &kiosk);
  CHECK_FALSE(out.client_handshake);
  // That server sends its own CA along (OpenSSL builds the chain from its trust store).
  CHECK(out.client_verify == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN);

  out = connect(ca, make_server(ca), ca, &kiosk, "other.local");
  CHECK_FALSE(out.client_handshake);
  CHECK(out.client_verify == X509_V_ERR_HOSTNAME_MISMATCH);

  // A stolen kiosk certificate (clientAuth only) cannot pose as the server.
  const auto posing = make_kiosk(ca, "localhost");
  out = connect(ca, posing, ca, &kiosk);
  CHECK_FALSE(out.client_handshake);
  CHECK(out.client_verify == X509_V_ERR_INVALID_PURPOSE);
}
