#include "pki/certificate_info.h"

#include <ctime>

#include "pki/x509_support.h"

namespace einlass {

namespace {

using namespace pki_detail;

PkiResult<Timestamp> to_timestamp(const ASN1_TIME* time, std::string_view what) {
  std::tm parts{};
  if (ASN1_TIME_to_tm(time, &parts) != 1)
    return std::unexpected(openssl_error("the certificate's " + std::string(what) + " is invalid"));
  return Timestamp{std::chrono::seconds{timegm(&parts)}};
}

std::string common_name(X509* cert) {
  X509_NAME* subject = X509_get_subject_name(cert);
  const int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
  if (index < 0) return {};
  const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
  unsigned char* utf8 = nullptr;
  const int size = ASN1_STRING_to_UTF8(&utf8, value);
  if (size < 0) return {};
  std::string out(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(size));
  OPENSSL_free(utf8);
  return out;
}

PkiResult<CertificateInfo> info_of(X509* cert) {
  CertificateInfo info;
  info.subject_cn = common_name(cert);
  info.serial_hex = serial_hex(X509_get0_serialNumber(cert));
  auto not_before = to_timestamp(X509_get0_notBefore(cert), "not-before time");
  if (!not_before) return std::unexpected(not_before.error());
  auto not_after = to_timestamp(X509_get0_notAfter(cert), "not-after time");
  if (!not_after) return std::unexpected(not_after.error());
  info.not_before = *not_before;
  info.not_after = *not_after;
  info.is_authority = X509_check_ca(cert) == 1;
  return info;
}

}  // namespace

PkiResult<CertificateInfo> certificate_info(std::string_view pem) {
  auto cert = read_certificate(pem, "the certificate");
  if (!cert) return std::unexpected(cert.error());
  return info_of(cert->get());
}

PkiResult<CertificateInfo> certificate_info(x509_st* certificate) {
  return info_of(certificate);
}

}  // namespace einlass
