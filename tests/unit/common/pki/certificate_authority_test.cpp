#include "pki/certificate_authority.h"

#include <catch2/catch.hpp>

#include "pki/certificate_info.h"
#include "pki_test_support.h"

using namespace einlass;
using namespace einlass::test;

namespace {

std::string alternative_names(X509* cert) {
  auto* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  REQUIRE(names);
  std::string out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
    if (name->type == GEN_DNS) {
      out += "DNS:" +
             std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.dNSName)),
                         static_cast<std::size_t>(ASN1_STRING_length(name->d.dNSName)));
    } else if (name->type == GEN_IPADD) {
      out += "IP:" + std::to_string(ASN1_STRING_length(name->d.iPAddress)) + "bytes";
    }
    out += ' ';
  }
  GENERAL_NAMES_free(names);
  return out;
}

}  // namespace

TEST_CASE("the event authority is a self-signed ECDSA P-256 CA valid for ten years", "[pki]") {
  const auto ca = make_authority();
  auto cert = parse_certificate(ca.certificate_pem);
  auto key = parse_key(ca.private_key_pem);
  // Browsers refuse Ed25519 certificates; the dashboard shares the server's certificate.
  CHECK(EVP_PKEY_get_id(key.get()) == EVP_PKEY_EC);
  CHECK(X509_get_signature_nid(cert.get()) == NID_ecdsa_with_SHA256);
  CHECK(X509_check_ca(cert.get()) == 1);
  CHECK((X509_get_extension_flags(cert.get()) & EXFLAG_SS) != 0);  // self-signed
  CHECK((X509_get_key_usage(cert.get()) & KU_KEY_CERT_SIGN) != 0);
  CHECK((X509_get_key_usage(cert.get()) & KU_DIGITAL_SIGNATURE) == 0);
  CHECK(X509_get_pathlen(cert.get()) == 0);
  PkeyHandle public_key(X509_get_pubkey(cert.get()));
  CHECK(X509_verify(cert.get(), public_key.get()) == 1);
  CHECK(X509_check_private_key(cert.get(), key.get()) == 1);

  auto info = certificate_info(ca.certificate_pem);
  REQUIRE(info);
  CHECK(info->subject_cn == "Einlass CA Digitale Verwaltung 2026");
  CHECK(info->is_authority);
  CHECK(info->not_after == kIssued + std::chrono::days{3652});
  CHECK(info->not_before == kIssued - std::chrono::hours{24});
}

TEST_CASE("a long event name with umlauts is cut to the 64 characters a common name holds",
          "[pki]") {
  const std::string name =
      "Fachkongress für öffentliche Verwaltung und Digitalisierung Ü-Länder 2026";
  auto ca = create_authority(name, kIssued);
  REQUIRE(ca);
  const auto cn = certificate_info(ca->certificate_pem)->subject_cn;
  CHECK(cn.starts_with("Einlass CA Fachkongress für öffentliche"));
  std::size_t chars = 0;
  for (const char c : cn) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  CHECK(chars == 64);
  CHECK_FALSE(create_authority("", kIssued));
}

TEST_CASE("a kiosk certificate names the kiosk, allows client auth only and has a random serial",
          "[pki]") {
  const auto ca = make_authority();
  const auto first = make_kiosk(ca, "entrance-north");
  const auto second = make_kiosk(ca, "entrance-north");
  auto cert = parse_certificate(first.certificate_pem);
  CHECK(EVP_PKEY_get_id(parse_key(first.private_key_pem).get()) == EVP_PKEY_EC);
  CHECK(X509_get_signature_nid(cert.get()) == NID_ecdsa_with_SHA256);
  CHECK(X509_check_ca(cert.get()) == 0);
  CHECK((X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT) != 0);
  CHECK((X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER) == 0);
  CHECK((X509_get_key_usage(cert.get()) & KU_KEY_CERT_SIGN) == 0);
  CHECK(X509_check_purpose(cert.get(), X509_PURPOSE_SSL_CLIENT, 0) == 1);
  CHECK(X509_check_purpose(cert.get(), X509_PURPOSE_SSL_SERVER, 0) == 0);
  CHECK(X509_NAME_cmp(X509_get_issuer_name(cert.get()),
                      X509_get_subject_name(parse_certificate(ca.certificate_pem).get())) == 0);

  auto info = certificate_info(first.certificate_pem);
  REQUIRE(info);
  CHECK(info->subject_cn == "entrance-north");
  CHECK_FALSE(info->is_authority);
  CHECK(info->not_after == kIssued + std::chrono::days{731});
  // 128 random bits: at most 32 hex digits, and two certificates never share one.
  CHECK(info->serial_hex.size() <= 32);
  CHECK(info->serial_hex.size() >= 24);  // fails with probability 2^-32
  CHECK(info->serial_hex.find_first_not_of("0123456789ABCDEF") == std::string::npos);
  CHECK(info->serial_hex != certificate_info(second.certificate_pem)->serial_hex);
  CHECK(first.private_key_pem != second.private_key_pem);

  // As a TLS peer presents it (an X509* OpenSSL holds), the certificate reads the same.
  auto from_peer = certificate_info(cert.get());
  REQUIRE(from_peer);
  CHECK(from_peer->subject_cn == info->subject_cn);
  CHECK(from_peer->serial_hex == info->serial_hex);
  CHECK(from_peer->not_after == info->not_after);
}

TEST_CASE("a server certificate carries every host as DNS name or IP address", "[pki]") {
  const auto ca = make_authority();
  const auto server = make_server(ca);
  auto cert = parse_certificate(server.certificate_pem);
  CHECK(alternative_names(cert.get()) == "DNS:einlass.local IP:4bytes DNS:localhost IP:16bytes ");
  CHECK(X509_check_host(cert.get(), "einlass.local", 0, 0, nullptr) == 1);
  CHECK(X509_check_host(cert.get(), "other.local", 0, 0, nullptr) == 0);
  CHECK(X509_check_ip_asc(cert.get(), "10.0.0.5", 0) == 1);
  CHECK(X509_check_ip_asc(cert.get(), "::1", 0) == 1);
  CHECK(X509_check_ip_asc(cert.get(), "10.0.0.6", 0) == 0);
  CHECK((X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER) != 0);
  CHECK((X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT) == 0);
  CHECK(certificate_info(server.certificate_pem)->subject_cn == "einlass.local");
}

TEST_CASE("bad input is refused with a message naming it", "[pki]") {
  const auto ca = make_authority();
  auto bad_host = issue_server_certificate(ca, {"einlass.local", "bad host"}, kIssued);
  REQUIRE_FALSE(bad_host);
  CHECK(bad_host.error().message.find("\"bad host\"") != std::string::npos);
  CHECK_FALSE(issue_server_certificate(ca, {"-dash.local"}, kIssued));
  CHECK_FALSE(issue_server_certificate(ca, {"a..b"}, kIssued));
  CHECK(issue_server_certificate(ca, {}, kIssued).error().message.find("at least one host") !=
        std::string::npos);

  auto bad_id = issue_kiosk_certificate(ca, "K 1", kIssued);
  REQUIRE_FALSE(bad_id);
  CHECK(bad_id.error().message.find("K 1") != std::string::npos);

  auto garbage = issue_kiosk_certificate({"not a pem", ca.private_key_pem}, "K1", kIssued);
  REQUIRE_FALSE(garbage);
  CHECK(garbage.error().message.starts_with("cannot read the authority's certificate"));

  const auto other = make_authority("Other");
  auto mismatched =
      issue_kiosk_certificate({ca.certificate_pem, other.private_key_pem}, "K1", kIssued);
  REQUIRE_FALSE(mismatched);
  CHECK(mismatched.error().message ==
        "the authority's private key does not belong to its certificate");

  auto leaf_as_ca = issue_kiosk_certificate(make_kiosk(ca), "K2", kIssued);
  REQUIRE_FALSE(leaf_as_ca);
  CHECK(leaf_as_ca.error().message == "the authority's certificate is not a CA certificate");

  auto info = certificate_info("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  REQUIRE_FALSE(info);
  CHECK(info.error().message.starts_with("cannot read the certificate"));
  CHECK(certificate_info("").error().message == "the certificate is empty");
}

namespace {

// An authority as einlass-admin made them before the switch to P-256: an Ed25519 key on a
// self-signed CA certificate, both PEM.
CertifiedKey ed25519_authority() {
  PkeyHandle key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  REQUIRE(key);
  X509Handle cert(X509_new());
  REQUIRE(X509_set_version(cert.get(), 2) == 1);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3650L * 24 * 3600);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("old event CA"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509_set_pubkey(cert.get(), key.get());
  X509V3_CTX context;
  X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : {std::pair{NID_basic_constraints, "critical,CA:TRUE"},
                                   std::pair{NID_subject_key_identifier, "hash"}}) {
    std::unique_ptr<X509_EXTENSION, Freer<X509_EXTENSION, X509_EXTENSION_free>> extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    REQUIRE(extension);
    X509_add_ext(cert.get(), extension.get(), -1);
  }
  REQUIRE(X509_sign(cert.get(), key.get(), nullptr) > 0);
  const auto pem = [](auto write) {
    std::unique_ptr<BIO, Freer<BIO, BIO_free_all>> bio(BIO_new(BIO_s_mem()));
    write(bio.get());
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
  };
  return {pem([&](BIO* b) { PEM_write_bio_X509(b, cert.get()); }), pem([&](BIO* b) {
            PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
          })};
}

}  // namespace

TEST_CASE("an Ed25519 authority made before P-256 still issues verifiable certificates", "[pki]") {
  const auto old_ca = ed25519_authority();
  const auto kiosk = make_kiosk(old_ca, "K7");
  auto cert = parse_certificate(kiosk.certificate_pem);
  CHECK(X509_get_signature_nid(cert.get()) == NID_ED25519);
  PkeyHandle ca_key(X509_get_pubkey(parse_certificate(old_ca.certificate_pem).get()));
  CHECK(X509_verify(cert.get(), ca_key.get()) == 1);
  CHECK(EVP_PKEY_get_id(parse_key(kiosk.private_key_pem).get()) == EVP_PKEY_EC);
}
