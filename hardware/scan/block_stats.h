#pragma once
// Per-block minimum, maximum and mean of a gray picture, on a grid of 16x16-pixel blocks: one
// pass over the pixels that the decoder's cheap decisions (which polarity, has the scene
// changed) and the local contrast normalisation all read from.
#include <cstdint>
#include <vector>

#include "scan/gray_image.h"

namespace einlass {

inline constexpr int kStatsBlock = 16;

struct BlockStats {
  int columns = 0;  // blocks across; the last one may be narrower than kStatsBlock
  int rows = 0;
  std::vector<std::uint8_t> min;
  std::vector<std::uint8_t> max;
  std::vector<std::uint8_t> mean;

  std::size_t index(int column, int row) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
           static_cast<std::size_t>(column);
  }
  int range(int column, int row) const { return max[index(column, row)] - min[index(column, row)]; }
};

// Fills `stats` for `image`, reusing its memory.
void compute_block_stats(GrayView image, BlockStats& stats);

}  // namespace einlass
