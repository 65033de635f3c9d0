#include <catch2/catch.hpp>

#include "scan/block_stats.h"
#include "scan/code_cues.h"
#include "scan/local_contrast.h"
#include "scan/scene_change.h"
#include "support/frames/frame_maker.h"

using namespace einlass;
using test::FrameStyle;

namespace {

BlockStats stats_of(const GrayImage& image) {
  BlockStats stats;
  compute_block_stats(image.view(), stats);
  return stats;
}

}  // namespace

TEST_CASE("block statistics cover partial blocks at the edges", "[scan][retry]") {
  GrayImage image(20, 18, 100);
  image.at(19, 17) = 180;  // in the partial bottom-right block
  image.at(0, 0) = 10;
  const auto stats = stats_of(image);
  REQUIRE(stats.columns == 2);
  REQUIRE(stats.rows == 2);
  CHECK(stats.min[stats.index(0, 0)] == 10);
  CHECK(stats.max[stats.index(0, 0)] == 100);
  CHECK(stats.max[stats.index(1, 1)] == 180);
  CHECK(stats.min[stats.index(1, 1)] == 100);
  // (4 * 2 - 1) pixels of 100 and one of 180 in the 4x2 corner block.
  CHECK(stats.mean[stats.index(1, 1)] == 110);
}

TEST_CASE("local contrast turns a faint step into a strong one, either way round",
          "[scan][retry]") {
  // A faint dark square (10 levels below its surroundings) on a bright background.
  GrayImage image(64, 64, 200);
  for (int y = 24; y < 40; ++y)
    for (int x = 24; x < 40; ++x) image.at(x, y) = 190;
  const auto stats = stats_of(image);
  GrayImage keep, invert;
  normalize_local_contrast(image.view(), stats, Polarity::keep, keep);
  normalize_local_contrast(image.view(), stats, Polarity::invert, invert);
  REQUIRE(keep.width() == 64);
  CHECK(keep.at(31, 31) < 128 - 10);    // the square is dark
  CHECK(invert.at(31, 31) > 128 + 10);  // and light when inverted
  CHECK(keep.at(2, 2) == 128);          // blank surroundings stay mid-grey
  CHECK(invert.at(2, 2) == 128);
  CHECK(keep.at(31, 31) + invert.at(31, 31) == 256);
}

TEST_CASE("the cues see a dark-mode code, a printed one, and an empty entrance", "[scan][retry]") {
  const auto text = test::ticket_like_text(4);
  const auto inverted = find_code_cues(stats_of(test::make_frame(text, FrameStyle::inverted, 4)));
  CHECK(inverted.dense_texture);
  CHECK(inverted.likely_polarity == Polarity::invert);
  const auto printed =
      find_code_cues(stats_of(test::make_frame(text, FrameStyle::low_contrast_glare, 4)));
  CHECK(printed.dense_texture);
  CHECK(printed.likely_polarity == Polarity::keep);
  for (std::uint32_t seed = 1; seed <= 3; ++seed)
    CHECK_FALSE(find_code_cues(stats_of(test::make_empty_frame(seed))).dense_texture);
}

TEST_CASE("a scene changes when a code appears, not with noise or exposure drift",
          "[scan][retry]") {
  const auto empty = test::make_empty_frame(2);
  auto brighter = empty;
  for (auto& p : brighter.pixels()) p = static_cast<std::uint8_t>(std::min(255, p + 6));
  const auto with_code = test::make_frame(test::ticket_like_text(2), FrameStyle::clean, 2);
  CHECK_FALSE(scene_changed(stats_of(empty), stats_of(empty)));
  CHECK_FALSE(scene_changed(stats_of(empty), stats_of(brighter)));
  CHECK(scene_changed(stats_of(empty), stats_of(with_code)));
  CHECK(scene_changed(BlockStats{}, stats_of(empty)));
}

TEST_CASE("the frame maker gives the same pixels for the same arguments", "[scan][frames]") {
  const auto text = test::ticket_like_text(5);
  const auto a = test::make_frame(text, FrameStyle::moire_screen, 5);
  const auto b = test::make_frame(text, FrameStyle::moire_screen, 5);
  const auto c = test::make_frame(text, FrameStyle::moire_screen, 6);
  REQUIRE(a.width() == test::kFrameWidth);
  REQUIRE(a.height() == test::kFrameHeight);
  CHECK(std::equal(a.pixels().begin(), a.pixels().end(), b.pixels().begin()));
  CHECK_FALSE(std::equal(a.pixels().begin(), a.pixels().end(), c.pixels().begin()));
  CHECK(test::ticket_like_text(5).size() == 250);
  CHECK(test::ticket_like_text(5).starts_with("EINLASS:"));
  CHECK(test::ticket_like_text(5) != test::ticket_like_text(6));
}
