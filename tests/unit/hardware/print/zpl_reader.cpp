#include "zpl_reader.h"

#include <stdexcept>

namespace einlass::test {

namespace {

int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int number_at(const std::string& zpl, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < zpl.size() && zpl[pos] >= '0' && zpl[pos] <= '9') ++pos;
  if (pos == start) throw std::runtime_error("number expected at " + std::to_string(start));
  return std::stoi(zpl.substr(start, pos - start));
}

void expect(const std::string& zpl, std::size_t& pos, char c) {
  if (pos >= zpl.size() || zpl[pos] != c)
    throw std::runtime_error(std::string("'") + c + "' expected at " + std::to_string(pos));
  ++pos;
}

// Decodes compressed ASCII ^GF data from `pos` up to the next '^' into rows of nibbles.
std::vector<std::vector<int>> decode_rows(const std::string& zpl, std::size_t& pos,
                                          int bytes_per_row, int rows) {
  const std::size_t nibbles = static_cast<std::size_t>(bytes_per_row) * 2;
  std::vector<std::vector<int>> out;
  std::vector<int> row;
  int repeat = 0;
  auto finish_row = [&](int fill) {
    if (fill >= 0) row.resize(nibbles, fill);
    if (row.size() != nibbles) throw std::runtime_error("row of wrong length");
    out.push_back(row);
    row.clear();
  };
  while (pos < zpl.size() && zpl[pos] != '^') {
    const char c = zpl[pos++];
    if (c == '\n' || c == '\r') continue;
    if (c >= 'G' && c <= 'Y') {
      repeat += c - 'G' + 1;
    } else if (c >= 'g' && c <= 'z') {
      repeat += (c - 'g' + 1) * 20;
    } else if (c == ',' || c == '!') {
      if (repeat != 0) throw std::runtime_error("repeat count before a fill");
      if (row.size() % 2 != 0) throw std::runtime_error("fill starts inside a byte");
      finish_row(c == ',' ? 0 : 15);
    } else if (c == ':') {
      if (!row.empty() || out.empty()) throw std::runtime_error("':' without a row before it");
      row = out.back();
      finish_row(-1);
    } else if (nibble(c) >= 0) {
      for (int i = 0; i < std::max(repeat, 1); ++i) row.push_back(nibble(c));
      repeat = 0;
      if (row.size() > nibbles) throw std::runtime_error("row too long");
      if (row.size() == nibbles) finish_row(-1);
    } else {
      throw std::runtime_error(std::string("unexpected '") + c + "' in ^GF data");
    }
  }
  if (!row.empty()) throw std::runtime_error("unfinished row");
  if (static_cast<int>(out.size()) != rows)
    throw std::runtime_error("^GF has " + std::to_string(out.size()) + " rows, its counts say " +
                             std::to_string(rows));
  return out;
}

}  // namespace

ZplReadBack read_zpl(const std::string& zpl) {
  ZplReadBack back;
  struct Placed {
    ZplGraphic graphic;
    std::vector<std::vector<int>> rows;
  };
  std::vector<Placed> placed;
  int fo_x = 0, fo_y = 0;
  bool hex_escapes = false;
  bool open = false;
  std::size_t pos = 0;
  while ((pos = zpl.find('^', pos)) != std::string::npos) {
    const std::string command = zpl.substr(pos + 1, 2);
    pos += 3;
    if (command == "XA") {
      if (open) throw std::runtime_error("^XA inside a format");
      open = true;
      ++back.formats;
    } else if (command == "XZ") {
      if (!open) throw std::runtime_error("^XZ without ^XA");
      open = false;
    } else if (command == "PW") {
      back.width = number_at(zpl, pos);
    } else if (command == "LL") {
      back.length = number_at(zpl, pos);
    } else if (command == "FO") {
      fo_x = number_at(zpl, pos);
      expect(zpl, pos, ',');
      fo_y = number_at(zpl, pos);
    } else if (command == "GF") {
      expect(zpl, pos, 'A');
      expect(zpl, pos, ',');
      ZplGraphic g{fo_x, fo_y};
      g.byte_count = number_at(zpl, pos);
      expect(zpl, pos, ',');
      g.field_count = number_at(zpl, pos);
      expect(zpl, pos, ',');
      g.bytes_per_row = number_at(zpl, pos);
      expect(zpl, pos, ',');
      if (g.bytes_per_row <= 0 || g.field_count % g.bytes_per_row != 0)
        throw std::runtime_error("^GF counts do not make whole rows");
      auto rows = decode_rows(zpl, pos, g.bytes_per_row, g.field_count / g.bytes_per_row);
      back.graphics.push_back(g);
      placed.push_back({g, std::move(rows)});
    } else if (command == "BQ") {
      // ^BQN,2,<magnification>
      expect(zpl, pos, 'N');
      expect(zpl, pos, ',');
      expect(zpl, pos, '2');
      expect(zpl, pos, ',');
      back.qr_codes.push_back({fo_x, fo_y, number_at(zpl, pos), {}});
    } else if (command == "FH") {
      hex_escapes = true;
      expect(zpl, pos, '_');
    } else if (command == "FD") {
      const auto end = zpl.find("^FS", pos);
      if (end == std::string::npos) throw std::runtime_error("^FD without ^FS");
      std::string data = zpl.substr(pos, end - pos);
      pos = end;
      if (back.qr_codes.empty() || !data.starts_with("MA,"))
        throw std::runtime_error("^FD that is not QR data: " + data);
      data.erase(0, 3);
      std::string plain;
      for (std::size_t i = 0; i < data.size(); ++i) {
        if (hex_escapes && data[i] == '_' && i + 2 < data.size()) {
          plain += static_cast<char>(nibble(data[i + 1]) * 16 + nibble(data[i + 2]));
          i += 2;
        } else {
          plain += data[i];
        }
      }
      back.qr_codes.back().data = plain;
    } else if (command == "FS") {
      hex_escapes = false;
    }
  }
  if (open) throw std::runtime_error("format not closed with ^XZ");

  back.bitmap = MonoBitmap(back.width, back.length);
  for (const auto& p : placed) {
    for (std::size_t r = 0; r < p.rows.size(); ++r) {
      const auto& row = p.rows[r];
      for (std::size_t n = 0; n < row.size(); ++n)
        for (int bit = 0; bit < 4; ++bit) {
          if ((row[n] >> (3 - bit) & 1) == 0) continue;
          const int x = p.graphic.x + static_cast<int>(n) * 4 + bit;
          const int y = p.graphic.y + static_cast<int>(r);
          if (x >= back.width || y >= back.length)
            throw std::runtime_error("graphic ink outside the label");
          back.bitmap.set_ink(x, y, true);
        }
    }
  }
  return back;
}

}  // namespace einlass::test
