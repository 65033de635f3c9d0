#pragma once
// The event's certificate authority for sync TLS 1.3 with mutual authentication. einlass-admin
// creates it once per event (kept in the server database) and issues from it the server's
// certificate and one client certificate per provisioned kiosk. ECDSA P-256 with SHA-256
// throughout: the server's certificate also serves the staff dashboard, and browsers (Chromium,
// Firefox) refuse Ed25519 certificates, though OpenSSL's TLS 1.3 would take them for sync.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "pki/pki_error.h"

namespace einlass {

// A certificate and its private key, both PEM (the key as unencrypted PKCS#8).
struct CertifiedKey {
  std::string certificate_pem;
  std::string private_key_pem;
  bool operator==(const CertifiedKey&) const = default;
};

// CA:TRUE, keyCertSign and cRLSign, valid 10 years from `now`. The subject names the event, so
// that an operator looking at a certificate knows which event it belongs to.
PkiResult<CertifiedKey> create_authority(std::string_view event_name, Timestamp now);

// serverAuth, with every host in subjectAltName: IPv4/IPv6 literals as IP addresses, anything
// else as a DNS name. Valid 2 years. Refuses an empty list and names a malformed host.
PkiResult<CertifiedKey> issue_server_certificate(const CertifiedKey& authority,
                                                 const std::vector<std::string>& hosts,
                                                 Timestamp now);

// clientAuth, subject CN = the kiosk id, random 128-bit serial, valid 2 years.
PkiResult<CertifiedKey> issue_kiosk_certificate(const CertifiedKey& authority,
                                                std::string_view kiosk_id, Timestamp now);

// How long each kind is valid, and how far back not_before lies so that a kiosk whose clock is
// somewhat behind the issuing laptop still accepts certificates issued "just now".
inline constexpr std::chrono::days kAuthorityValidity{3652};
inline constexpr std::chrono::days kLeafValidity{731};
inline constexpr std::chrono::hours kBackdating{24};

}  // namespace einlass
