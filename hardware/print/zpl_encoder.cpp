#include "print/zpl_encoder.h"

#include <algorithm>

#include "print/job_name.h"

namespace einlass {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// Appends `count` copies of the hex digit `digit` in the compressed form.
void append_run(std::string& out, char digit, int count) {
  while (count > 0) {
    const int chunk = std::min(count, 400);
    const int twenties = chunk / 20;
    const int ones = chunk % 20;
    if (twenties > 0) out += static_cast<char>('g' + twenties - 1);
    if (ones > 1 || (ones == 1 && twenties > 0)) out += static_cast<char>('G' + ones - 1);
    out += digit;
    count -= chunk;
  }
}

std::string hex_row(const std::uint8_t* row, int bytes) {
  std::string hex;
  hex.reserve(static_cast<std::size_t>(bytes) * 2);
  for (int i = 0; i < bytes; ++i) {
    hex += kHex[row[i] >> 4];
    hex += kHex[row[i] & 0x0F];
  }
  return hex;
}

void append_compressed_row(std::string& out, const std::string& hex) {
  // A row that ends in white (or black) to its end says so with one character.
  std::size_t end = hex.size();
  char tail = 0;
  if (hex.back() == '0' || hex.back() == 'F') {
    const char fill = hex.back();
    const auto last_other = hex.find_last_not_of(fill);
    end = last_other == std::string::npos ? 0 : last_other + 1;
    // The fill characters complete whole bytes: a fill that starts mid-byte spells out its
    // first digit.
    if (end % 2 == 1) ++end;
    if (end < hex.size()) tail = fill == '0' ? ',' : '!';
  }
  std::size_t i = 0;
  while (i < end) {
    std::size_t j = i + 1;
    while (j < end && hex[j] == hex[i]) ++j;
    append_run(out, hex[i], static_cast<int>(j - i));
    i = j;
  }
  if (tail != 0) out += tail;
}

std::string escaped_field_data(std::string_view data, bool& needs_escapes) {
  std::string out;
  needs_escapes = false;
  for (const char c : data) {
    if (c == '^' || c == '~' || c == '_') {
      needs_escapes = true;
      out += '_';
      out += kHex[static_cast<unsigned char>(c) >> 4];
      out += kHex[static_cast<unsigned char>(c) & 0x0F];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string zpl_compressed_rows(const MonoBitmap& bitmap, int first_row, int rows) {
  std::string out;
  std::string previous;
  for (int y = first_row; y < first_row + rows; ++y) {
    std::string hex = hex_row(bitmap.row(y), bitmap.bytes_per_row());
    if (y > first_row && hex == previous) {
      out += ':';
      continue;
    }
    append_compressed_row(out, hex);
    previous = std::move(hex);
  }
  return out;
}

std::string encode_zpl(const ZplLabel& label, const MonoBitmap& bitmap, const ZplQr* qr) {
  std::string zpl = "^XA\n";
  if (!label.title.empty()) zpl += "^FX" + job_title(label.title) + "\n";
  zpl += "^PW" + std::to_string(label.width_dots) + "\n";
  zpl += "^LL" + std::to_string(label.height_dots) + "\n";
  zpl += "^LH0,0\n";
  const int bytes_per_row = bitmap.bytes_per_row();
  if (bytes_per_row > 0) {
    const int rows_per_strip = std::max(1, kZplMaxGraphicBytes / bytes_per_row);
    for (int y = 0; y < bitmap.height(); y += rows_per_strip) {
      const int rows = std::min(rows_per_strip, bitmap.height() - y);
      const std::string count = std::to_string(rows * bytes_per_row);
      zpl += "^FO0," + std::to_string(y) + "^GFA," + count + "," + count + "," +
             std::to_string(bytes_per_row) + "," + zpl_compressed_rows(bitmap, y, rows) + "^FS\n";
    }
  }
  if (qr != nullptr) {
    bool escapes = false;
    const std::string data = escaped_field_data(qr->data, escapes);
    // Error correction M as in the PDF; A: the printer picks the encoding modes.
    zpl += "^FO" + std::to_string(qr->x) + "," + std::to_string(qr->y) + "^BQN,2," +
           std::to_string(qr->magnification) + (escapes ? "^FH_" : "") + "^FDMA," + data + "^FS\n";
  }
  zpl += "^PQ1\n^XZ\n";
  return zpl;
}

bool zpl_native_qr_possible(std::string_view code) {
  return !code.empty() &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

std::expected<std::string, std::string> badge_to_zpl(const Badge& badge, const BadgeLayout& layout,
                                                     std::string_view title) {
  const bool native_qr = zpl_native_qr_possible(badge.code);
  auto raster =
      render_badge_bitmap(badge, layout, native_qr ? BadgeQr::left_blank : BadgeQr::drawn);
  if (!raster) return std::unexpected(raster.error());
  const ZplLabel label{raster->bitmap.width(), raster->bitmap.height(), std::string(title)};
  if (!native_qr) return encode_zpl(label, raster->bitmap, nullptr);
  ZplQr qr;
  qr.magnification = std::clamp(raster->qr_module_dots, 1, kZplMaxQrMagnification);
  // A smaller symbol than the one laid out stays centred on the same spot.
  const int shrink = raster->qr_modules * (raster->qr_module_dots - qr.magnification) / 2;
  qr.x = raster->qr_x + shrink;
  qr.y = raster->qr_y + shrink;
  qr.data = badge.code;
  return encode_zpl(label, raster->bitmap, &qr);
}

}  // namespace einlass
