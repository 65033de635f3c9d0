#pragma once
// Session secrets as text: random tokens for cookies and headers, and the digest under which the
// database keeps a token. same_secret (constant-time comparison) is declared in staff_auth.h.
#include <cstddef>
#include <string>
#include <string_view>

#include "staff/random_bytes.h"

namespace einlass {

inline constexpr std::size_t kTokenBytes = 32;
inline constexpr std::size_t kTokenCharacters = 43;  // 32 bytes in unpadded base64url

// RFC 4648 base64url without padding: safe in cookies, headers and URLs as it is.
std::string base64url(const unsigned char* data, std::size_t size);

// 32 bytes from `random`, base64url.
std::string random_token(const RandomBytes& random);

// True for text random_token could have made: 43 characters of the base64url alphabet.
bool looks_like_token(std::string_view text);

// SHA-256 of `text`, 64 lower-case hex digits.
std::string sha256_hex(std::string_view text);

}  // namespace einlass
