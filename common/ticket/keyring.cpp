#include "ticket/keyring.h"

#include <cassert>
#include <map>
#include <utility>

#include "ticket/openssl_handles.h"

namespace einlass {

namespace {

struct Entry {
  Ed25519PublicKey raw{};
  // Parsed once on add: building an EVP_PKEY costs more than the verification itself.
  openssl::Pkey key;
};

}  // namespace

struct Keyring::Impl {
  EventId event = 0;
  std::map<KeyId, Entry> keys;
};

Keyring::Keyring(EventId event) : impl_(std::make_unique<Impl>()) {
  impl_->event = event;
}
Keyring::Keyring(Keyring&&) noexcept = default;
Keyring& Keyring::operator=(Keyring&&) noexcept = default;
Keyring::~Keyring() = default;

std::expected<void, std::string> Keyring::add(KeyId id, const Ed25519PublicKey& public_key) {
  assert(impl_ && "use of a moved-from Keyring");
  if (const auto it = impl_->keys.find(id); it != impl_->keys.end()) {
    if (it->second.raw == public_key) return {};
    return std::unexpected("key id " + std::to_string(id) +
                           " already holds a different public key; remove it first");
  }
  openssl::Pkey key{
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key.data(), public_key.size())};
  if (!key) {
    ERR_clear_error();
    return std::unexpected("key id " + std::to_string(id) + ": not a usable Ed25519 public key");
  }
  impl_->keys.emplace(id, Entry{public_key, std::move(key)});
  return {};
}

bool Keyring::remove(KeyId id) {
  assert(impl_ && "use of a moved-from Keyring");
  return impl_->keys.erase(id) > 0;
}

bool Keyring::contains(KeyId id) const {
  assert(impl_ && "use of a moved-from Keyring");
  return impl_->keys.contains(id);
}

EventId Keyring::event_id() const {
  assert(impl_ && "use of a moved-from Keyring");
  return impl_->event;
}

bool Keyring::verify(KeyId id, std::span<const std::uint8_t> message,
                     std::span<const std::uint8_t, 64> signature) const {
  assert(impl_ && "use of a moved-from Keyring");
  const auto it = impl_->keys.find(id);
  if (it == impl_->keys.end()) return false;
  // A fresh context per message (one-shot Ed25519); the shared EVP_PKEY is only read.
  openssl::MdCtx ctx{EVP_MD_CTX_new()};
  if (!ctx) openssl::fatal("EVP_MD_CTX_new");
  if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, it->second.key.get()) != 1) {
    openssl::fatal("EVP_DigestVerifyInit");
  }
  const int ok = EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                                  message.size());
  // A failed verification leaves an entry on OpenSSL's thread-local error queue; drop it so it
  // cannot be mistaken for a later operation's error.
  if (ok != 1) ERR_clear_error();
  return ok == 1;
}

}  // namespace einlass
