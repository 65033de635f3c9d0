#pragma once
// The event's certificate authority as einlass-admin manages it: created on first use and kept
// in the server database (tls_authority), kiosk client certificates issued from it and recorded
// (kiosk_certificates), and revoked per kiosk. Every change is audited.
#include <cstddef>
#include <expected>
#include <string_view>

#include "admin/admin_error.h"
#include "admin/event_database.h"
#include "admin/organiser_actions.h"
#include "pki/certificate_authority.h"
#include "pki/certificate_info.h"

namespace einlass {

// The stored authority, or a new one stored now (with an audit entry "create_tls_authority").
// Call inside the caller's AuditedChange, so that the authority and what it issues are committed
// together.
std::expected<CertifiedKey, AdminError> ensure_authority(EventDatabase& source, const Actor& actor);

struct IssuedKioskCertificate {
  CertifiedKey certificate;
  CertificateInfo info;
  std::string authority_pem;  // the CA certificate the kiosk trusts
};

// A new client certificate for the kiosk, recorded and audited ("issue_kiosk_certificate").
// Older certificates of the same kiosk stay valid unless revoked.
std::expected<IssuedKioskCertificate, AdminError> issue_kiosk_tls(EventDatabase& source,
                                                                  std::string_view kiosk_id,
                                                                  const Actor& actor);

// Revokes every certificate of the kiosk not revoked yet; returns how many. Fails for a kiosk
// that never had a certificate (a typo in the name would otherwise revoke nothing silently).
// `why` is required.
std::expected<std::size_t, AdminError> revoke_kiosk_certificates(Database& db,
                                                                 std::string_view kiosk_id,
                                                                 const Actor& actor,
                                                                 std::string_view why);

}  // namespace einlass
