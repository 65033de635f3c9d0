#pragma once
// What einlass-admin records about an issued certificate and shows an operator.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/time.h"
#include "pki/pki_error.h"

namespace einlass {

struct CertificateInfo {
  std::string subject_cn;  // empty when the subject has no common name
  std::string serial_hex;  // upper-case hex without leading zeros, as OpenSSL prints it
  Timestamp not_before{};
  Timestamp not_after{};
  bool is_authority = false;  // basicConstraints CA:TRUE
};

// Reads the first certificate of `pem`.
PkiResult<CertificateInfo> certificate_info(std::string_view pem);
// Reads a DER certificate, as a TLS peer presents it.
PkiResult<CertificateInfo> certificate_info(std::span<const std::uint8_t> der);

}  // namespace einlass
