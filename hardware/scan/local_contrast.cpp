#include "scan/local_contrast.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace einlass {

namespace {

// Gain 3 takes a 50-level print to 150 levels; more turns sensor noise into texture that costs
// the detector time.
constexpr int kGain = 3;
// Differences within +-3 levels of the local mean are noise: flattened to mid-grey, so that
// blank surfaces stay blank for the detector.
constexpr int kNoise = 3;

// One output row; the sign is a template argument so that the loop has no branch and vectorises.
template <int kSign>
void normalize_row(const std::uint8_t* source, const std::int16_t* mean, std::size_t width,
                   std::uint8_t* target) {
  for (std::size_t x = 0; x < width; ++x) {
    const int d = source[x] - ((mean[x] + 8) >> 4);
    const int cored = d - std::clamp(d, -kNoise, kNoise);
    target[x] = static_cast<std::uint8_t>(std::clamp(128 + kSign * kGain * cored, 0, 255));
  }
}

}  // namespace

void normalize_local_contrast(GrayView in, const BlockStats& stats, Polarity polarity,
                              GrayImage& out) {
  out.reshape(in.width, in.height);
  if (in.empty()) return;
  constexpr int kBlock = kStatsBlock;
  constexpr int kHalf = kBlock / 2;
  const auto width = static_cast<std::size_t>(in.width);
  // The local mean is the block means interpolated bilinearly between block centres, in 16ths
  // of a grey level.
  std::vector<int> band(static_cast<std::size_t>(stats.columns));
  std::vector<std::int16_t> mean(width);
  for (int y = 0; y < in.height; ++y) {
    // The mean moves by a sixteenth of a block difference per row: one mean row serves two.
    if (y % 2 == 0) {
      const int from_centre = std::clamp(y - kHalf, 0, (stats.rows - 1) * kBlock);
      const int row0 = from_centre / kBlock;
      const int row1 = std::min(row0 + 1, stats.rows - 1);
      const int wy = from_centre % kBlock;
      for (int column = 0; column < stats.columns; ++column)
        band[static_cast<std::size_t>(column)] =
            stats.mean[stats.index(column, row0)] * (kBlock - wy) +
            stats.mean[stats.index(column, row1)] * wy;
      const auto first_centre = std::min<std::size_t>(kHalf, width);
      std::fill_n(mean.begin(), first_centre, static_cast<std::int16_t>(band[0]));
      for (int column = 0; column < stats.columns; ++column) {
        const int a = band[static_cast<std::size_t>(column)];
        const int b = band[static_cast<std::size_t>(std::min(column + 1, stats.columns - 1))];
        const auto from = static_cast<std::size_t>(column * kBlock + kHalf);
        const auto to = std::min(width, from + kBlock);
        for (auto x = from; x < to; ++x)
          mean[x] = static_cast<std::int16_t>(a + (((b - a) * static_cast<int>(x - from)) >> 4));
      }
    }
    if (polarity == Polarity::keep)
      normalize_row<1>(in.row(y), mean.data(), width, out.row(y));
    else
      normalize_row<-1>(in.row(y), mean.data(), width, out.row(y));
  }
}

}  // namespace einlass
