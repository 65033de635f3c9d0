#pragma once
// The public keys a kiosk trusts for one event, by key id. Several keys at once allow rotation:
// tickets signed with an old key stay valid while its id is in the ring; removing the id makes
// them unknown_key.
#include <array>
#include <cstdint>
#include <expected>
#include <memory>
#include <span>
#include <string>

#include "ticket/ticket.h"

namespace einlass {

// A raw Ed25519 public key: all a kiosk needs to check tickets.
using Ed25519PublicKey = std::array<std::uint8_t, 32>;

class Keyring {
 public:
  explicit Keyring(EventId event);
  Keyring(Keyring&&) noexcept;
  Keyring& operator=(Keyring&&) noexcept;
  ~Keyring();

  // Adding the same key again under its id is a no-op (sync may replay); a different key under a
  // taken id is refused, since that would silently change which tickets are genuine.
  std::expected<void, std::string> add(KeyId id, const Ed25519PublicKey& public_key);
  // False when the id was not there.
  bool remove(KeyId id);
  bool contains(KeyId id) const;
  EventId event_id() const;

  // Ed25519 verification with the key of `id`; false for a bad signature or an unknown id.
  // Safe to call from several threads at once.
  bool verify(KeyId id, std::span<const std::uint8_t> message,
              std::span<const std::uint8_t, 64> signature) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace einlass
