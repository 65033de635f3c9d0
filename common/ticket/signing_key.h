#pragma once
// An Ed25519 private key that signs tickets. It lives on the server only; kiosks get the public
// half (see Keyring).
#include <array>
#include <cstdint>
#include <expected>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "ticket/keyring.h"

namespace einlass {

using Ed25519Signature = std::array<std::uint8_t, 64>;

class SigningKey {
 public:
  static SigningKey generate();
  // PKCS#8 PEM ("BEGIN PRIVATE KEY"). Encrypted keys are refused rather than prompted for.
  static std::expected<SigningKey, std::string> from_pem(std::string_view pem);

  SigningKey(SigningKey&&) noexcept;
  SigningKey& operator=(SigningKey&&) noexcept;
  ~SigningKey();

  // Unencrypted PKCS#8 PEM: store it where only the server can read it.
  std::string to_pem() const;
  Ed25519PublicKey public_key() const;
  Ed25519Signature sign(std::span<const std::uint8_t> message) const;

 private:
  struct Impl;
  explicit SigningKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace einlass
