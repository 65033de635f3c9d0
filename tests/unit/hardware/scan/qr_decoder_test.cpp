#include "scan/qr_decoder.h"

#include <catch2/catch.hpp>

#include "support/frames/frame_maker.h"

using namespace einlass;
using test::FrameStyle;

TEST_CASE("every kind of camera frame decodes to the exact ticket text", "[scan][decode]") {
  const auto style = GENERATE(from_range(test::kAllFrameStyles));
  const auto seed = GENERATE(1u, 2u, 3u);
  const auto text = test::ticket_like_text(seed);
  const auto frame = test::make_frame(text, style, seed);
  INFO("style " << test::to_string(style) << ", seed " << seed);
  QrDecoder decoder(FrameSequence::stills);
  CHECK(decoder.decode(frame.view()) == text);
}

TEST_CASE("a frame without a code gives nothing", "[scan][decode]") {
  QrDecoder stills(FrameSequence::stills);
  QrDecoder live(FrameSequence::live);
  for (std::uint32_t seed = 1; seed <= 4; ++seed) {
    const auto frame = test::make_empty_frame(seed);
    CHECK_FALSE(stills.decode(frame.view()));
    CHECK_FALSE(live.decode(frame.view()));
  }
}

TEST_CASE("an inverted (dark mode) code is read from one still frame", "[scan][decode]") {
  const auto text = test::ticket_like_text(7);
  const auto frame = test::make_frame(text, FrameStyle::inverted, 7);
  QrDecoder decoder(FrameSequence::stills);
  CHECK(decoder.decode(frame.view()) == text);
}

TEST_CASE("a camera reads every kind of held code within two frames", "[scan][decode]") {
  // A camera tries one polarity per frame; frames of a held code differ only by noise, so the
  // same frame twice stands in for them.
  const auto style = GENERATE(from_range(test::kAllFrameStyles));
  const auto text = test::ticket_like_text(8);
  const auto frame = test::make_frame(text, style, 8);
  INFO("style " << test::to_string(style));
  QrDecoder decoder(FrameSequence::live);
  auto read = decoder.decode(frame.view());
  if (!read) read = decoder.decode(frame.view());
  CHECK(read == text);
}

TEST_CASE("a camera stops retrying on an unchanged empty scene and resumes when it changes",
          "[scan][decode]") {
  const auto empty = test::make_empty_frame(5);
  QrDecoder decoder(FrameSequence::live);
  for (int frame = 0; frame < 5; ++frame) CHECK_FALSE(decoder.decode(empty.view()));
  // After both retries failed on this scene, a dark-mode phone appears and is still read.
  const auto text = test::ticket_like_text(9);
  const auto phone = test::make_frame(text, FrameStyle::inverted, 9);
  auto read = decoder.decode(phone.view());
  if (!read) read = decoder.decode(phone.view());
  CHECK(read == text);
}

TEST_CASE("short text, long text and UTF-8 come back unchanged", "[scan][decode]") {
  QrDecoder decoder(FrameSequence::stills);
  for (const auto& text :
       {std::string("EINLASS:1"), std::string(600, 'Z'), std::string("Grüße aus Köln – ß")}) {
    const auto frame = test::make_frame(text, FrameStyle::clean, 3);
    CHECK(decoder.decode(frame.view()) == text);
  }
}
