#pragma once
// What einlass-admin records about an issued certificate and shows an operator.
#include <string>
#include <string_view>

#include "base/time.h"
#include "pki/pki_error.h"

// OpenSSL's X509, declared so that OpenSSL stays out of this header.
struct x509_st;

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
// Reads a certificate OpenSSL already holds, as a TLS peer presents it (an X509*).
PkiResult<CertificateInfo> certificate_info(x509_st* certificate);

}  // namespace einlass
