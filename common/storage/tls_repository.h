#pragma once
// Server only: the event's certificate authority for sync TLS and every client certificate
// issued to a kiosk. The running server refuses a revoked serial during the handshake; revoking
// writes a 'tls' row into sync_log (trigger), which is how it notices.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

struct StoredAuthority {
  std::string certificate_pem;
  std::string private_key_pem;
  Timestamp created{};
  bool operator==(const StoredAuthority&) const = default;
};

struct KioskCertificate {
  std::string serial;  // hex, as OpenSSL prints it
  std::string kiosk_id;
  Timestamp issued_at{};
  Timestamp not_after{};
  std::optional<Timestamp> revoked_at;
  std::string revoke_reason;
  bool revoked() const { return revoked_at.has_value(); }
  bool operator==(const KioskCertificate&) const = default;
};

class TlsRepository {
 public:
  explicit TlsRepository(Database& db) : db_(db) {}

  // nullopt until the first provision-kiosk or setup-server created it.
  StorageResult<std::optional<StoredAuthority>> authority();
  // Stores the authority once: a second one is Kind::constraint, because replacing it would
  // silently cut off every kiosk provisioned so far.
  StorageResult<void> put_authority(const StoredAuthority& authority);

  // A serial is recorded once (Kind::constraint otherwise). revoked_at is ignored: a new
  // certificate is valid.
  StorageResult<void> add_kiosk_certificate(const KioskCertificate& certificate);
  // Revokes every certificate of the kiosk not revoked yet; returns how many it revoked now.
  StorageResult<std::size_t> revoke_kiosk(std::string_view kiosk_id, Timestamp at,
                                          std::string_view reason);
  // Every certificate issued, oldest first.
  StorageResult<std::vector<KioskCertificate>> kiosk_certificates();
  StorageResult<std::vector<KioskCertificate>> kiosk_certificates(std::string_view kiosk_id);
  // The serials the server refuses, sorted.
  StorageResult<std::vector<std::string>> revoked_serials();

 private:
  Database& db_;
};

}  // namespace einlass
