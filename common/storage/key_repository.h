#pragma once
// Ticket signing keys. The server keeps the key pairs (private key as PEM); a kiosk keeps only
// the public keys, by key id, and forgets a key to make its tickets unknown_key.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "ticket/keyring.h"
#include "ticket/ticket.h"

namespace einlass {

struct StoredKey {
  KeyId id = 0;
  Ed25519PublicKey public_key{};
  std::string private_pem;  // server only; empty on a kiosk
  Timestamp created{};      // server only; the epoch on a kiosk
  // Server only. A retired key signs nothing and leaves every keyring: its tickets become
  // unknown_key. (Rotation keeps old keys unretired so their tickets stay valid.)
  std::optional<Timestamp> retired_at;
  bool retired() const { return retired_at.has_value(); }
  bool operator==(const StoredKey&) const = default;
};

class KeyRepository {
 public:
  explicit KeyRepository(Database& db) : db_(db) {}

  // Server. A key id is used once: adding an existing id is Kind::constraint.
  StorageResult<void> add_signing_key(KeyId id, std::string private_pem,
                                      Ed25519PublicKey public_key, Timestamp created);
  // Server. Keeps the first retirement time if retired twice; false if there is no such key.
  StorageResult<bool> retire(KeyId id, Timestamp at);
  // Server. The lowest id above every id ever stored (1 for the first key); Kind::constraint
  // when all 255 are taken.
  StorageResult<KeyId> next_free_key_id();
  // Server. The newest key that is not retired: the one that signs new tickets.
  StorageResult<std::optional<StoredKey>> current_signing_key();

  // Kiosk. Stores or replaces a public key.
  StorageResult<void> put_public_key(KeyId id, const Ed25519PublicKey& public_key);
  // Kiosk. false if the key was not there.
  StorageResult<bool> remove_public_key(KeyId id);

  // Both kinds, ordered by id.
  StorageResult<std::vector<StoredKey>> keys();
  // Both kinds: every key that is not retired, as the keyring a kiosk verifies tickets with.
  StorageResult<Keyring> keyring(EventId event);

 private:
  Database& db_;
};

}  // namespace einlass
