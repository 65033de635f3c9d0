#include "pki/certificate_authority.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include <array>
#include <ctime>

#include "eventlog/admission_event.h"
#include "pki/x509_support.h"

namespace einlass {

namespace {

using namespace pki_detail;

std::unexpected<PkiError> fail(std::string message) {
  return std::unexpected(PkiError{std::move(message)});
}

openssl::Pkey new_key() {
  openssl::Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) openssl::fatal("EVP_PKEY_Q_keygen");
  return key;
}

// 128 random bits, never zero: serials must be positive and unique per CA, and random ones
// need no counter shared between einlass-admin runs.
void set_random_serial(X509* cert) {
  std::array<unsigned char, 16> bytes{};
  do {
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) openssl::fatal("RAND_bytes");
  } while (bytes == decltype(bytes){});
  Bignum number(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
  if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(cert)))
    openssl::fatal("BN_to_ASN1_INTEGER");
}

std::time_t to_time_t(Timestamp t) {
  return static_cast<std::time_t>(
      std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

void set_validity(X509* cert, Timestamp now, std::chrono::days validity) {
  if (!ASN1_TIME_set(X509_getm_notBefore(cert), to_time_t(now - kBackdating)) ||
      !ASN1_TIME_set(X509_getm_notAfter(cert), to_time_t(now + validity)))
    openssl::fatal("ASN1_TIME_set");
}

// The first `max_chars` code points of UTF-8 text: X.509 limits a common name to 64 characters.
std::string_view utf8_prefix(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) return text.substr(0, i);
  }
  return text;
}

PkiResult<void> set_subject(X509* cert, std::string_view common_name) {
  X509_NAME* name = X509_get_subject_name(cert);
  const auto add = [&](int nid, std::string_view value) {
    return X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(value.data()),
                                      static_cast<int>(value.size()), -1, 0) == 1;
  };
  if (!add(NID_organizationName, "Einlass") || !add(NID_commonName, common_name))
    return std::unexpected(openssl_error("cannot use \"" + std::string(common_name) +
                                         "\" as a certificate's common name"));
  return {};
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!extension) openssl::fatal("X509V3_EXT_conf_nid");
  const int added = X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
  if (added != 1) openssl::fatal("X509_add_ext");
}

// A certificate for a fresh key with everything but the extensions and the signature.
struct Draft {
  X509Ptr cert;
  openssl::Pkey key;
};

PkiResult<Draft> draft(std::string_view common_name, Timestamp now, std::chrono::days validity) {
  Draft d{X509Ptr(X509_new()), new_key()};
  if (!d.cert || X509_set_version(d.cert.get(), X509_VERSION_3) != 1) openssl::fatal("X509_new");
  set_random_serial(d.cert.get());
  set_validity(d.cert.get(), now, validity);
  if (auto named = set_subject(d.cert.get(), common_name); !named)
    return std::unexpected(named.error());
  if (X509_set_pubkey(d.cert.get(), d.key.get()) != 1) openssl::fatal("X509_set_pubkey");
  return d;
}

CertifiedKey sign(Draft& d, X509* issuer, EVP_PKEY* issuer_key) {
  if (X509_set_issuer_name(d.cert.get(), X509_get_subject_name(issuer)) != 1)
    openssl::fatal("X509_set_issuer_name");
  // ECDSA with SHA-256; an authority made before (Ed25519) signs the message itself, without
  // a separate digest, and keeps working for sync.
  const EVP_MD* digest =
      EVP_PKEY_get_base_id(issuer_key) == EVP_PKEY_ED25519 ? nullptr : EVP_sha256();
  if (X509_sign(d.cert.get(), issuer_key, digest) <= 0) openssl::fatal("X509_sign");
  return {certificate_pem(d.cert.get()), private_key_pem(d.key.get())};
}

void add_leaf_extensions(X509* cert, X509* issuer, const char* extended_usage) {
  add_extension(cert, issuer, NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert, issuer, NID_key_usage, "critical,digitalSignature");
  add_extension(cert, issuer, NID_ext_key_usage, extended_usage);
  add_extension(cert, issuer, NID_subject_key_identifier, "hash");
  add_extension(cert, issuer, NID_authority_key_identifier, "keyid:always");
}

bool is_dns_name(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (label == 0 || label > 63 || host[i - 1] == '-' || host[i - label] == '-') return false;
      label = 0;
      continue;
    }
    const char c = host[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
    ++label;
  }
  return true;
}

PkiResult<GeneralNames> alternative_names(const std::vector<std::string>& hosts) {
  GeneralNames names(sk_GENERAL_NAME_new_null());
  if (!names) openssl::fatal("sk_GENERAL_NAME_new_null");
  for (const auto& host : hosts) {
    GENERAL_NAME* name = GENERAL_NAME_new();
    if (!name) openssl::fatal("GENERAL_NAME_new");
    if (ASN1_OCTET_STRING* ip = a2i_IPADDRESS(host.c_str())) {
      GENERAL_NAME_set0_value(name, GEN_IPADD, ip);
    } else if (is_dns_name(host)) {
      ASN1_IA5STRING* dns = ASN1_IA5STRING_new();
      if (!dns || ASN1_STRING_set(dns, host.data(), static_cast<int>(host.size())) != 1)
        openssl::fatal("ASN1_STRING_set");
      GENERAL_NAME_set0_value(name, GEN_DNS, dns);
    } else {
      GENERAL_NAME_free(name);
      ERR_clear_error();
      return fail("\"" + host +
                  "\" is neither an IP address nor a host name (letters, digits, '-' and '.')");
    }
    if (sk_GENERAL_NAME_push(names.get(), name) == 0) openssl::fatal("sk_GENERAL_NAME_push");
  }
  ERR_clear_error();  // a2i_IPADDRESS queues an error for each host name it is given
  return names;
}

}  // namespace

PkiResult<CertifiedKey> create_authority(std::string_view event_name, Timestamp now) {
  if (event_name.empty()) return fail("the event name for the authority is empty");
  const std::string_view prefix = "Einlass CA ";
  const std::string common_name =
      std::string(prefix) + std::string(utf8_prefix(event_name, 64 - prefix.size()));
  auto d = draft(common_name, now, kAuthorityValidity);
  if (!d) return std::unexpected(d.error());
  X509* cert = d->cert.get();
  // pathlen:0: the event CA signs servers and kiosks only, never another CA.
  add_extension(cert, cert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
  add_extension(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign");
  add_extension(cert, cert, NID_subject_key_identifier, "hash");
  return sign(*d, cert, d->key.get());
}

PkiResult<CertifiedKey> issue_server_certificate(const CertifiedKey& authority,
                                                 const std::vector<std::string>& hosts,
                                                 Timestamp now) {
  if (hosts.empty()) return fail("a server certificate needs at least one host name or address");
  auto ca = load_authority(authority);
  if (!ca) return std::unexpected(ca.error());
  auto names = alternative_names(hosts);
  if (!names) return std::unexpected(names.error());
  auto d = draft(hosts.front(), now, kLeafValidity);
  if (!d) return std::unexpected(d.error());
  add_leaf_extensions(d->cert.get(), ca->certificate.get(), "serverAuth");
  if (X509_add1_ext_i2d(d->cert.get(), NID_subject_alt_name, names->get(), 0, X509V3_ADD_DEFAULT) !=
      1)
    openssl::fatal("X509_add1_ext_i2d");
  return sign(*d, ca->certificate.get(), ca->key.get());
}

PkiResult<CertifiedKey> issue_kiosk_certificate(const CertifiedKey& authority,
                                                std::string_view kiosk_id, Timestamp now) {
  if (auto ok = check_kiosk_id(kiosk_id); !ok) return fail(ok.error());
  auto ca = load_authority(authority);
  if (!ca) return std::unexpected(ca.error());
  auto d = draft(kiosk_id, now, kLeafValidity);
  if (!d) return std::unexpected(d.error());
  add_leaf_extensions(d->cert.get(), ca->certificate.get(), "clientAuth");
  return sign(*d, ca->certificate.get(), ca->key.get());
}

}  // namespace einlass
