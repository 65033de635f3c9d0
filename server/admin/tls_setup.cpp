#include "admin/tls_setup.h"

#include "admin/audited_change.h"
#include "eventlog/admission_event.h"
#include "storage/audit_repository.h"
#include "storage/tls_repository.h"

namespace einlass {

namespace {

std::unexpected<AdminError> fail(std::string message) {
  return std::unexpected(AdminError{std::move(message)});
}

}  // namespace

std::expected<CertifiedKey, AdminError> ensure_authority(EventDatabase& source,
                                                         const Actor& actor) {
  TlsRepository tls(source.db);
  auto stored = tls.authority();
  if (!stored) return std::unexpected(storage_failure(source.db.path(), stored.error()));
  if (*stored) return CertifiedKey{(*stored)->certificate_pem, (*stored)->private_key_pem};

  auto created = create_authority(source.event.name, actor.at);
  if (!created) return fail("creating the event's TLS authority: " + created.error().message);
  if (auto put = tls.put_authority({created->certificate_pem, created->private_key_pem, actor.at});
      !put)
    return std::unexpected(storage_failure(source.db.path(), put.error()));
  auto info = certificate_info(created->certificate_pem);
  if (!info) return fail("reading the new TLS authority: " + info.error().message);
  auto audited =
      AuditRepository(source.db).append({0, actor.at, actor.who, "create_tls_authority",
                                         info->subject_cn, "serial " + info->serial_hex});
  if (!audited) return std::unexpected(storage_failure(source.db.path(), audited.error()));
  return *created;
}

std::expected<IssuedKioskCertificate, AdminError> issue_kiosk_tls(EventDatabase& source,
                                                                  std::string_view kiosk_id,
                                                                  const Actor& actor) {
  if (auto ok = check_kiosk_id(kiosk_id); !ok) return fail(ok.error());
  auto change = AuditedChange::begin(source.db);
  if (!change) return std::unexpected(change.error());
  auto authority = ensure_authority(source, actor);
  if (!authority) return std::unexpected(authority.error());
  auto issued = issue_kiosk_certificate(*authority, kiosk_id, actor.at);
  if (!issued)
    return fail("issuing the certificate of kiosk " + std::string(kiosk_id) + ": " +
                issued.error().message);
  auto info = certificate_info(issued->certificate_pem);
  if (!info) return fail("reading the new kiosk certificate: " + info.error().message);
  if (auto added = TlsRepository(source.db).add_kiosk_certificate(
          {info->serial_hex, std::string(kiosk_id), actor.at, info->not_after, {}, {}});
      !added)
    return std::unexpected(storage_failure(source.db.path(), added.error()));
  if (auto done = change->finish(actor, "issue_kiosk_certificate", std::string(kiosk_id),
                                 "serial " + info->serial_hex);
      !done)
    return std::unexpected(done.error());
  return IssuedKioskCertificate{std::move(*issued), std::move(*info),
                                std::move(authority->certificate_pem)};
}

std::expected<std::size_t, AdminError> revoke_kiosk_certificates(Database& db,
                                                                 std::string_view kiosk_id,
                                                                 const Actor& actor,
                                                                 std::string_view why) {
  if (why.empty()) return fail("revoke-kiosk: --reason is required (it goes into the audit log)");
  auto change = AuditedChange::begin(db);
  if (!change) return std::unexpected(change.error());
  TlsRepository tls(db);
  auto issued = tls.kiosk_certificates(kiosk_id);
  if (!issued) return std::unexpected(storage_failure(db.path(), issued.error()));
  if (issued->empty())
    return fail("kiosk " + std::string(kiosk_id) + " has no certificate; nothing to revoke");
  auto revoked = tls.revoke_kiosk(kiosk_id, actor.at, why);
  if (!revoked) return std::unexpected(storage_failure(db.path(), revoked.error()));
  if (*revoked == 0) return std::size_t{0};  // nothing changed, nothing to audit
  if (auto done = change->finish(actor, "revoke_kiosk", std::string(kiosk_id), why); !done)
    return std::unexpected(done.error());
  return *revoked;
}

}  // namespace einlass
