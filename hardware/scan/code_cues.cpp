#include "scan/code_cues.h"

#include <algorithm>
#include <vector>

namespace einlass {

namespace {

// A block whose range is below this is blank, whatever the noise floor.
constexpr int kMinTexture = 24;
// Blocks textured all round: a 5x5-block (80x80-pixel) textured patch has nine.
constexpr int kMinDenseBlocks = 9;
// A textured block takes part in the polarity vote when at least this many of its eight
// neighbours are textured too: the edge of a code region has five, an object's outline (a line
// of textured blocks) two.
constexpr int kMinTexturedNeighbours = 4;

}  // namespace

CodeCues find_code_cues(const BlockStats& stats) {
  CodeCues cues;
  if (stats.columns < 3 || stats.rows < 3) return cues;
  // Noisy pictures make every block a little textured: the threshold rises with the typical
  // block range.
  std::vector<std::uint8_t> ranges(stats.min.size());
  for (std::size_t i = 0; i < ranges.size(); ++i)
    ranges[i] = static_cast<std::uint8_t>(stats.max[i] - stats.min[i]);
  const auto middle = ranges.begin() + static_cast<std::ptrdiff_t>(ranges.size() / 2);
  std::nth_element(ranges.begin(), middle, ranges.end());
  const int threshold = std::max(kMinTexture, 2 * int{*middle});
  const auto textured = [&](int column, int row) { return stats.range(column, row) >= threshold; };

  int dense = 0;
  long lighter_outside = 0;
  long darker_outside = 0;
  for (int row = 1; row + 1 < stats.rows; ++row) {
    for (int column = 1; column + 1 < stats.columns; ++column) {
      if (!textured(column, row)) continue;
      int neighbours = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
          if ((dx != 0 || dy != 0) && textured(column + dx, row + dy)) ++neighbours;
      if (neighbours == 8) ++dense;
      if (neighbours < kMinTexturedNeighbours || neighbours == 8) continue;
      const int inside = stats.mean[stats.index(column, row)];
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          if ((dx == 0 && dy == 0) || textured(column + dx, row + dy)) continue;
          const int outside = stats.mean[stats.index(column + dx, row + dy)];
          if (outside > inside) ++lighter_outside;
          if (outside < inside) ++darker_outside;
        }
      }
    }
  }
  cues.dense_texture = dense >= kMinDenseBlocks;
  cues.likely_polarity = darker_outside > lighter_outside ? Polarity::invert : Polarity::keep;
  return cues;
}

}  // namespace einlass
