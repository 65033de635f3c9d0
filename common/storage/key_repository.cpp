#include "storage/key_repository.h"

#include <cstring>

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

Ed25519PublicKey key_from_column(sd::Query& q, int column) {
  Ed25519PublicKey key{};
  const auto& col = q.statement().getColumn(column);
  if (col.getBytes() != static_cast<int>(key.size())) {
    sd::fail(StorageError::Kind::corrupt, "a stored public key does not have 32 bytes");
  }
  std::memcpy(key.data(), col.getBlob(), key.size());
  return key;
}

// SELECT key_id, public_key, private_pem, created_at, retired_at
StoredKey server_key_from_row(sd::Query& q) {
  StoredKey key;
  key.id = sd::narrow_from_db<KeyId>(q.int64(0), "signing_keys.key_id");
  key.public_key = key_from_column(q, 1);
  key.private_pem = q.text(2);
  key.created = from_unix_ms(q.int64(3));
  if (!q.is_null(4)) key.retired_at = from_unix_ms(q.int64(4));
  return key;
}

}  // namespace

StorageResult<void> KeyRepository::add_signing_key(KeyId id, std::string private_pem,
                                                   Ed25519PublicKey public_key, Timestamp created) {
  return sd::guarded("adding signing key " + std::to_string(id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "adding a signing key");
    sd::Query(db_,
              "INSERT INTO signing_keys (key_id, private_pem, public_key, created_at) "
              "VALUES (?1, ?2, ?3, ?4)")
        .bind(1, std::int64_t{id})
        .bind(2, private_pem)
        .bind_blob(3, public_key.data(), public_key.size())
        .bind(4, to_unix_ms(created))
        .exec();
  });
}

StorageResult<bool> KeyRepository::retire(KeyId id, Timestamp at) {
  return sd::guarded("retiring signing key " + std::to_string(id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "retiring a signing key");
    return sd::Query(db_,
                     "UPDATE signing_keys SET retired_at = coalesce(retired_at, ?1) "
                     "WHERE key_id = ?2")
               .bind(1, to_unix_ms(at))
               .bind(2, std::int64_t{id})
               .exec() == 1;
  });
}

StorageResult<KeyId> KeyRepository::next_free_key_id() {
  return sd::guarded("choosing a key id", [&] {
    sd::require_kind(db_, DatabaseKind::server, "choosing a signing key id");
    sd::Query q(db_, "SELECT coalesce(max(key_id), 0) FROM signing_keys");
    q.step();
    const std::int64_t highest = q.int64(0);
    if (highest >= 255) {
      sd::fail(StorageError::Kind::constraint, "all 255 signing key ids are used");
    }
    return static_cast<KeyId>(highest + 1);
  });
}

StorageResult<std::optional<StoredKey>> KeyRepository::current_signing_key() {
  return sd::guarded("finding the current signing key", [&]() -> std::optional<StoredKey> {
    sd::require_kind(db_, DatabaseKind::server, "finding the current signing key");
    sd::Query q(db_,
                "SELECT key_id, public_key, private_pem, created_at, retired_at "
                "FROM signing_keys WHERE retired_at IS NULL ORDER BY key_id DESC LIMIT 1");
    if (!q.step()) return std::nullopt;
    return server_key_from_row(q);
  });
}

StorageResult<void> KeyRepository::put_public_key(KeyId id, const Ed25519PublicKey& public_key) {
  return sd::guarded("storing public key " + std::to_string(id), [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing a public key");
    sd::Query(db_,
              "INSERT INTO public_keys (key_id, public_key) VALUES (?1, ?2) "
              "ON CONFLICT (key_id) DO UPDATE SET public_key = excluded.public_key")
        .bind(1, std::int64_t{id})
        .bind_blob(2, public_key.data(), public_key.size())
        .exec();
  });
}

StorageResult<bool> KeyRepository::remove_public_key(KeyId id) {
  return sd::guarded("removing public key " + std::to_string(id), [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "removing a public key");
    return sd::Query(db_, "DELETE FROM public_keys WHERE key_id = ?1")
               .bind(1, std::int64_t{id})
               .exec() == 1;
  });
}

StorageResult<std::vector<StoredKey>> KeyRepository::keys() {
  return sd::guarded("listing keys", [&] {
    std::vector<StoredKey> out;
    if (db_.kind() == DatabaseKind::server) {
      sd::Query q(db_,
                  "SELECT key_id, public_key, private_pem, created_at, retired_at "
                  "FROM signing_keys ORDER BY key_id");
      while (q.step()) out.push_back(server_key_from_row(q));
    } else {
      sd::Query q(db_, "SELECT key_id, public_key FROM public_keys ORDER BY key_id");
      while (q.step()) {
        StoredKey key;
        key.id = sd::narrow_from_db<KeyId>(q.int64(0), "public_keys.key_id");
        key.public_key = key_from_column(q, 1);
        out.push_back(std::move(key));
      }
    }
    return out;
  });
}

StorageResult<Keyring> KeyRepository::keyring(EventId event) {
  auto stored = keys();
  if (!stored) return std::unexpected(stored.error());
  Keyring keyring{event};
  for (const auto& key : *stored) {
    if (key.retired()) continue;
    if (auto added = keyring.add(key.id, key.public_key); !added)
      return std::unexpected(StorageError{StorageError::Kind::corrupt,
                                          "key " + std::to_string(key.id) + ": " + added.error()});
  }
  return keyring;
}

}  // namespace einlass
