#include "base/search_fold.h"

#include <array>

#include "base/text.h"

namespace einlass {

namespace {

// U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A) to their base letters; "" for
// characters that are not letters (×, ÷) and stay as they are.
constexpr std::array<const char*, 0x180 - 0xC0> kLatinBase{
    // C0..CF: ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    // D0..DF: ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    "",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "ss",
    // E0..EF
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    // F0..FF
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    "",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "y",
    // 100..10F: ĀāĂăĄąĆćĈĉĊċČčĎď
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "d",
    "d",
    // 110..11F: ĐđĒēĔĕĖėĘęĚěĜĝĞğ
    "d",
    "d",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "g",
    "g",
    "g",
    "g",
    // 120..12F: ĠġĢģĤĥĦħĨĩĪīĬĭĮį
    "g",
    "g",
    "g",
    "g",
    "h",
    "h",
    "h",
    "h",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    // 130..13F: İıĲĳĴĵĶķĸĹĺĻļĽľĿ
    "i",
    "i",
    "ij",
    "ij",
    "j",
    "j",
    "k",
    "k",
    "k",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    // 140..14F: ŀŁłŃńŅņŇňŉŊŋŌōŎŏ
    "l",
    "l",
    "l",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "o",
    "o",
    "o",
    "o",
    // 150..15F: ŐőŒœŔŕŖŗŘřŚśŜŝŞş
    "o",
    "o",
    "oe",
    "oe",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
    "s",
    "s",
    "s",
    "s",
    "s",
    "s",
    // 160..16F: ŠšŢţŤťŦŧŨũŪūŬŭŮů
    "s",
    "s",
    "t",
    "t",
    "t",
    "t",
    "t",
    "t",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    // 170..17F: ŰűŲųŴŵŶŷŸŹźŻżŽžſ
    "u",
    "u",
    "u",
    "u",
    "w",
    "w",
    "y",
    "y",
    "y",
    "z",
    "z",
    "z",
    "z",
    "z",
    "z",
    "s",
};

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  const auto code_points = decode_utf8(utf8);
  if (!code_points) return ascii_lower(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (const char32_t c : *code_points) {
    if (c < 0x80) {
      out += ascii_lower(static_cast<char>(c));
    } else if (c >= 0xC0 && c < 0x180 && *kLatinBase[c - 0xC0] != '\0') {
      out += kLatinBase[c - 0xC0];
    } else if (c == 0x1E9E) {  // capital ẞ
      out += "ss";
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

}  // namespace einlass
