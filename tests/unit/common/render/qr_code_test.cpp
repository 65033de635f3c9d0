#include "render/qr_code.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("QR codes pick the smallest version that holds the text", "[render]") {
  auto small = QrCode::encode("EINLASS:ABC", QrErrorCorrection::medium);
  REQUIRE(small);
  CHECK(small->version() == 1);
  CHECK(small->size() == 21);
}

TEST_CASE("ticket text in the QR alphanumeric alphabet is encoded in alphanumeric mode",
          "[render]") {
  // 300 alphanumeric characters fit version 10-M (311) only in alphanumeric mode; byte mode
  // would need version 13.
  const std::string text = "EINLASS:" + std::string(292, 'Z');
  auto code = QrCode::encode(text, QrErrorCorrection::medium);
  REQUIRE(code);
  CHECK(code->version() <= 10);
}

TEST_CASE("QR encoding refuses empty text and text that no QR version holds", "[render]") {
  CHECK_FALSE(QrCode::encode("", QrErrorCorrection::medium));
  const auto too_long = QrCode::encode(std::string(8000, 'x'), QrErrorCorrection::high);
  REQUIRE_FALSE(too_long);
  CHECK(too_long.error().find("too long") != std::string::npos);
}
