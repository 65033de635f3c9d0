#include "scan/block_stats.h"

#include <algorithm>

namespace einlass {

void compute_block_stats(GrayView image, BlockStats& stats) {
  stats.columns = (image.width + kStatsBlock - 1) / kStatsBlock;
  stats.rows = (image.height + kStatsBlock - 1) / kStatsBlock;
  const auto blocks =
      static_cast<std::size_t>(stats.columns) * static_cast<std::size_t>(stats.rows);
  stats.min.assign(blocks, 0);
  stats.max.assign(blocks, 0);
  stats.mean.assign(blocks, 0);
  if (image.empty()) return;
  const auto width = static_cast<std::size_t>(image.width);
  // Column-wise over one band of rows first: these loops run over contiguous bytes and
  // vectorise; the per-block reduction afterwards touches only `width` values a band.
  std::vector<std::uint8_t> column_min(width);
  std::vector<std::uint8_t> column_max(width);
  std::vector<std::uint16_t> column_sum(width);
  for (int band = 0; band < stats.rows; ++band) {
    const int y_begin = band * kStatsBlock;
    const int y_end = std::min(image.height, y_begin + kStatsBlock);
    const std::uint8_t* first = image.row(y_begin);
    std::copy_n(first, width, column_min.begin());
    std::copy_n(first, width, column_max.begin());
    std::copy_n(first, width, column_sum.begin());
    for (int y = y_begin + 1; y < y_end; ++y) {
      const std::uint8_t* row = image.row(y);
      for (std::size_t x = 0; x < width; ++x) {
        column_min[x] = std::min(column_min[x], row[x]);
        column_max[x] = std::max(column_max[x], row[x]);
        column_sum[x] = static_cast<std::uint16_t>(column_sum[x] + row[x]);
      }
    }
    for (int column = 0; column < stats.columns; ++column) {
      const auto x_begin = static_cast<std::size_t>(column * kStatsBlock);
      const auto x_end = std::min(width, x_begin + kStatsBlock);
      std::uint8_t low = 255;
      std::uint8_t high = 0;
      std::uint32_t sum = 0;
      for (auto x = x_begin; x < x_end; ++x) {
        low = std::min(low, column_min[x]);
        high = std::max(high, column_max[x]);
        sum += column_sum[x];
      }
      const auto area =
          static_cast<std::uint32_t>((x_end - x_begin) * static_cast<std::size_t>(y_end - y_begin));
      const auto at = stats.index(column, band);
      stats.min[at] = low;
      stats.max[at] = high;
      stats.mean[at] = static_cast<std::uint8_t>((sum + area / 2) / area);
    }
  }
}

}  // namespace einlass
