#include "storage/tls_repository.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

constexpr const char* kCertificateColumns =
    "SELECT serial, kiosk_id, issued_at, not_after, revoked_at, revoke_reason "
    "FROM kiosk_certificates ";

KioskCertificate certificate_from_row(sd::Query& q) {
  KioskCertificate c;
  c.serial = q.text(0);
  c.kiosk_id = q.text(1);
  c.issued_at = from_unix_ms(q.int64(2));
  c.not_after = from_unix_ms(q.int64(3));
  if (!q.is_null(4)) c.revoked_at = from_unix_ms(q.int64(4));
  c.revoke_reason = q.text(5);
  return c;
}

}  // namespace

StorageResult<std::optional<StoredAuthority>> TlsRepository::authority() {
  return sd::guarded("reading the TLS authority", [&]() -> std::optional<StoredAuthority> {
    sd::require_kind(db_, DatabaseKind::server, "reading the TLS authority");
    sd::Query q(db_,
                "SELECT certificate_pem, private_key_pem, created_at FROM tls_authority "
                "WHERE singleton = 1");
    if (!q.step()) return std::nullopt;
    return StoredAuthority{q.text(0), q.text(1), from_unix_ms(q.int64(2))};
  });
}

StorageResult<void> TlsRepository::put_authority(const StoredAuthority& authority) {
  return sd::guarded("storing the TLS authority", [&] {
    sd::require_kind(db_, DatabaseKind::server, "storing the TLS authority");
    sd::Query(db_,
              "INSERT INTO tls_authority (singleton, certificate_pem, private_key_pem, created_at) "
              "VALUES (1, ?1, ?2, ?3)")
        .bind(1, authority.certificate_pem)
        .bind(2, authority.private_key_pem)
        .bind(3, to_unix_ms(authority.created))
        .exec();
  });
}

StorageResult<void> TlsRepository::add_kiosk_certificate(const KioskCertificate& certificate) {
  return sd::guarded("recording certificate " + certificate.serial, [&] {
    sd::require_kind(db_, DatabaseKind::server, "recording a kiosk certificate");
    if (certificate.serial.empty())
      sd::fail(StorageError::Kind::constraint, "a kiosk certificate needs a serial");
    sd::Query(db_,
              "INSERT INTO kiosk_certificates (serial, kiosk_id, issued_at, not_after) "
              "VALUES (?1, ?2, ?3, ?4)")
        .bind(1, certificate.serial)
        .bind(2, certificate.kiosk_id)
        .bind(3, to_unix_ms(certificate.issued_at))
        .bind(4, to_unix_ms(certificate.not_after))
        .exec();
  });
}

StorageResult<std::size_t> TlsRepository::revoke_kiosk(std::string_view kiosk_id, Timestamp at,
                                                       std::string_view reason) {
  return sd::guarded("revoking the certificates of kiosk " + std::string(kiosk_id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "revoking kiosk certificates");
    return static_cast<std::size_t>(
        sd::Query(db_,
                  "UPDATE kiosk_certificates SET revoked_at = ?1, revoke_reason = ?2 "
                  "WHERE kiosk_id = ?3 AND revoked_at IS NULL")
            .bind(1, to_unix_ms(at))
            .bind(2, reason)
            .bind(3, kiosk_id)
            .exec());
  });
}

StorageResult<std::vector<KioskCertificate>> TlsRepository::kiosk_certificates() {
  return sd::guarded("listing kiosk certificates", [&] {
    sd::require_kind(db_, DatabaseKind::server, "listing kiosk certificates");
    std::vector<KioskCertificate> out;
    sd::Query q(db_, std::string(kCertificateColumns) + "ORDER BY issued_at, rowid");
    while (q.step()) out.push_back(certificate_from_row(q));
    return out;
  });
}

StorageResult<std::vector<KioskCertificate>> TlsRepository::kiosk_certificates(
    std::string_view kiosk_id) {
  return sd::guarded("listing the certificates of kiosk " + std::string(kiosk_id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "listing kiosk certificates");
    std::vector<KioskCertificate> out;
    sd::Query q(db_,
                std::string(kCertificateColumns) + "WHERE kiosk_id = ?1 ORDER BY issued_at, rowid");
    q.bind(1, kiosk_id);
    while (q.step()) out.push_back(certificate_from_row(q));
    return out;
  });
}

StorageResult<std::vector<std::string>> TlsRepository::revoked_serials() {
  return sd::guarded("listing revoked certificates", [&] {
    sd::require_kind(db_, DatabaseKind::server, "listing revoked certificates");
    std::vector<std::string> out;
    sd::Query q(
        db_, "SELECT serial FROM kiosk_certificates WHERE revoked_at IS NOT NULL ORDER BY serial");
    while (q.step()) out.push_back(q.text(0));
    return out;
  });
}

}  // namespace einlass
