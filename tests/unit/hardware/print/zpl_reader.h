#pragma once
// Reads back what the ZPL encoder wrote, written independently of it from Zebra's description:
// the label size, the ^GF graphics (compressed ASCII) as one bitmap, and ^BQ fields.
#include <string>
#include <vector>

#include "badge/mono_bitmap.h"

namespace einlass::test {

struct ZplGraphic {
  int x = 0, y = 0;
  int byte_count = 0;     // ^GF b
  int field_count = 0;    // ^GF c
  int bytes_per_row = 0;  // ^GF d
};

struct ZplQrField {
  int x = 0, y = 0;
  int magnification = 0;
  std::string data;  // ^FD text after the "MA," switches, ^FH escapes resolved
};

struct ZplReadBack {
  int formats = 0;  // ^XA ... ^XZ pairs
  int width = 0;    // ^PW
  int length = 0;   // ^LL
  std::vector<ZplGraphic> graphics;
  std::vector<ZplQrField> qr_codes;
  MonoBitmap bitmap;  // all graphics painted on a label of ^PW x ^LL
};

// Throws std::runtime_error with the offending spot when the ZPL is malformed.
ZplReadBack read_zpl(const std::string& zpl);

}  // namespace einlass::test
