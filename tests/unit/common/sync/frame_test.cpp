#include "sync/frame.h"

#include <catch2/catch.hpp>

using namespace einlass;

namespace {

Frame expect_frame(FrameReader& reader) {
  auto next = reader.next();
  REQUIRE(next);
  REQUIRE(*next);
  return **next;
}

}  // namespace

TEST_CASE("a frame is a big-endian length, a type byte and the payload", "[sync]") {
  const auto bytes = encode_frame(MessageType::hello, "abc");
  CHECK(bytes == std::string("\x00\x00\x00\x04\x02"
                             "abc",
                             8));
  CHECK(encode_frame(MessageType::ack, "") == std::string("\x00\x00\x00\x01\x04", 5));
}

TEST_CASE("frames come out whole however the bytes are split", "[sync]") {
  const std::string stream = encode_frame(MessageType::version, "{\"v\":1}") +
                             encode_frame(MessageType::push, std::string(3000, 'x')) +
                             encode_frame(MessageType::heartbeat, "");
  for (const std::size_t chunk : {1u, 2u, 3u, 7u, 4096u}) {
    INFO("chunk " << chunk);
    FrameReader reader;
    std::vector<Frame> frames;
    for (std::size_t at = 0; at < stream.size(); at += chunk) {
      reader.feed(std::string_view(stream).substr(at, chunk));
      for (;;) {
        auto next = reader.next();
        REQUIRE(next);
        if (!*next) break;
        frames.push_back(**next);
      }
    }
    REQUIRE(frames.size() == 3);
    CHECK(frames[0] == Frame{MessageType::version, "{\"v\":1}"});
    CHECK(frames[1].payload.size() == 3000);
    CHECK(frames[2] == Frame{MessageType::heartbeat, ""});
    CHECK(reader.buffered() == 0);
  }
}

TEST_CASE("an oversized frame is refused from its length alone", "[sync]") {
  FrameReader reader(100);
  reader.feed(std::string("\x00\x00\x00\x65\x03", 5));  // 101 bytes: 100 of payload
  REQUIRE(reader.next());                               // allowed: waits for the rest
  FrameReader over(100);
  over.feed(std::string("\x00\x00\x00\x66\x03", 5));  // 101 bytes of payload
  CHECK(over.next().error().kind == SyncError::Kind::too_large);
  FrameReader big(100);
  big.feed(std::string("\x7f\xff\xff\xff", 4));
  auto refused = big.next();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == SyncError::Kind::too_large);
  CHECK(refused.error().message == "a frame of 2147483646 bytes is over the limit of 100");
  CHECK(big.buffered() == 4);  // nothing beyond the length was waited for
  CHECK_FALSE(big.next());     // the stream stays failed
}

TEST_CASE("empty frames and unknown types end the stream with a reason", "[sync]") {
  FrameReader empty;
  empty.feed(std::string("\x00\x00\x00\x00", 4));
  auto e = empty.next();
  REQUIRE_FALSE(e);
  CHECK(e.error().kind == SyncError::Kind::bad_frame);
  FrameReader unknown;
  unknown.feed(std::string("\x00\x00\x00\x01\x63", 5));
  auto u = unknown.next();
  REQUIRE_FALSE(u);
  CHECK(u.error().message == "unknown message type 99");
}

TEST_CASE("a frame announced but not yet sent waits, holding only what arrived", "[sync]") {
  FrameReader reader;
  reader.feed(std::string("\x00\x00\x10\x00\x03partial", 12));
  auto next = reader.next();
  REQUIRE(next);
  CHECK_FALSE(*next);
  CHECK(reader.buffered() == 12);
  CHECK(to_string(MessageType::push) == "push");
  CHECK_FALSE(message_type_from_byte(0));
  CHECK(message_type_from_byte(10) == MessageType::error);
}

TEST_CASE("a long connection does not keep the frames it handed out", "[sync]") {
  FrameReader reader;
  const auto frame = encode_frame(MessageType::heartbeat, std::string(1000, 'h'));
  for (int i = 0; i < 1000; ++i) {
    reader.feed(frame);
    CHECK(expect_frame(reader).payload.size() == 1000);
    CHECK(reader.held() <= 2 * frame.size());
  }
  CHECK(reader.buffered() == 0);

  // Frames that straddle the reads: the reader is never empty, yet what it handed out goes.
  FrameReader straddled;
  const std::string_view bytes(frame);
  const std::size_t half = bytes.size() / 2;
  straddled.feed(bytes.substr(0, half));
  for (int i = 0; i < 1000; ++i) {
    straddled.feed(bytes.substr(half));
    straddled.feed(bytes.substr(0, half));
    CHECK(expect_frame(straddled).payload.size() == 1000);
    CHECK(straddled.held() < 64 * 1024 + 2 * frame.size());
  }
  CHECK(straddled.buffered() == half);
}
