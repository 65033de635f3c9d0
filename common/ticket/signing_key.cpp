#include "ticket/signing_key.h"

#include <openssl/pem.h>

#include <cassert>
#include <utility>

#include "ticket/openssl_handles.h"

namespace einlass {

struct SigningKey::Impl {
  openssl::Pkey key;
};

namespace {

// Without a callback OpenSSL would prompt on the terminal for an encrypted key's passphrase.
int refuse_passphrase(char*, int, int, void*) {
  return -1;
}

}  // namespace

SigningKey::SigningKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::generate() {
  openssl::Pkey key{EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")};
  if (!key) openssl::fatal("Ed25519 key generation");
  return SigningKey{std::make_unique<Impl>(Impl{std::move(key)})};
}

std::expected<SigningKey, std::string> SigningKey::from_pem(std::string_view pem) {
  if (pem.size() > 64 * 1024) return std::unexpected("not a PEM private key (too large)");
  openssl::Bio bio{BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()))};
  if (!bio) openssl::fatal("BIO_new_mem_buf");
  openssl::Pkey key{PEM_read_bio_PrivateKey(bio.get(), nullptr, refuse_passphrase, nullptr)};
  // The decoders leave entries on the thread's error queue even when one of them succeeds, and
  // their reasons ("unsupported") would only confuse an organiser.
  ERR_clear_error();
  if (!key) {
    if (pem.find("ENCRYPTED") != std::string_view::npos) {
      return std::unexpected("the PEM private key is encrypted; an unencrypted one is needed");
    }
    return std::unexpected("not a PEM private key");
  }
  if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    return std::unexpected("the PEM holds a private key of another type; tickets need Ed25519");
  }
  return SigningKey{std::make_unique<Impl>(Impl{std::move(key)})};
}

std::string SigningKey::to_pem() const {
  assert(impl_ && "use of a moved-from SigningKey");
  // The secure-heap BIO wipes its buffer when freed; the returned string is the caller's to guard.
  openssl::Bio bio{BIO_new(BIO_s_secmem())};
  if (!bio) openssl::fatal("BIO_new");
  if (PEM_write_bio_PrivateKey(bio.get(), impl_->key.get(), nullptr, nullptr, 0, nullptr,
                               nullptr) != 1) {
    openssl::fatal("PEM_write_bio_PrivateKey");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  if (size <= 0 || data == nullptr) openssl::fatal("BIO_get_mem_data");
  return std::string(data, static_cast<std::size_t>(size));
}

Ed25519PublicKey SigningKey::public_key() const {
  assert(impl_ && "use of a moved-from SigningKey");
  Ed25519PublicKey out{};
  std::size_t size = out.size();
  if (EVP_PKEY_get_raw_public_key(impl_->key.get(), out.data(), &size) != 1 || size != out.size()) {
    openssl::fatal("EVP_PKEY_get_raw_public_key");
  }
  return out;
}

Ed25519Signature SigningKey::sign(std::span<const std::uint8_t> message) const {
  assert(impl_ && "use of a moved-from SigningKey");
  // A fresh context per message: Ed25519 contexts cannot be reused after a one-shot sign.
  openssl::MdCtx ctx{EVP_MD_CTX_new()};
  if (!ctx) openssl::fatal("EVP_MD_CTX_new");
  if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, impl_->key.get()) != 1) {
    openssl::fatal("EVP_DigestSignInit");
  }
  Ed25519Signature out{};
  std::size_t size = out.size();
  if (EVP_DigestSign(ctx.get(), out.data(), &size, message.data(), message.size()) != 1 ||
      size != out.size()) {
    openssl::fatal("EVP_DigestSign");
  }
  return out;
}

}  // namespace einlass
