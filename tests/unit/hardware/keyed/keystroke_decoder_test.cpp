#include "keyed/keystroke_decoder.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"
#include "ticket/signing_key.h"
#include "ticket/ticket_issuer.h"
#include "us_keyboard.h"

using einlass::DeviceError;
using einlass::DeviceResult;
using einlass::KeystrokeDecoder;
using einlass::test::kDown;
using einlass::test::KeyEvent;
using einlass::test::kRepeat;
using einlass::test::kUp;
using einlass::test::type_us;

namespace {

// Everything the decoder returned for `events`, in order.
std::vector<DeviceResult<std::string>> decode(const std::vector<KeyEvent>& events,
                                              KeystrokeDecoder& decoder) {
  std::vector<DeviceResult<std::string>> out;
  for (const auto& e : events)
    if (auto code = decoder.feed(e.code, e.value)) out.push_back(std::move(*code));
  return out;
}

std::vector<DeviceResult<std::string>> decode(const std::vector<KeyEvent>& events) {
  KeystrokeDecoder decoder;
  return decode(events, decoder);
}

std::vector<KeyEvent> operator+(std::vector<KeyEvent> a, const std::vector<KeyEvent>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string real_ticket() {
  einlass::Ticket t;
  t.key_id = 1;
  t.event_id = 2026'0915;
  t.ticket_id = 4711;
  t.category = 2;
  t.days = 0b11;
  t.valid_from = einlass::test::utc(2026, 9, 15, 6, 30);
  t.valid_until = einlass::test::utc(2026, 9, 16, 18, 0);
  t.display_name = "Dr. Jürgen Weiß-Öztürk";
  t.organisation = "Landesamt für Digitalisierung";
  return einlass::issue_ticket(t, einlass::SigningKey::generate());
}

}  // namespace

TEST_CASE("a whole signed ticket typed with Shift decodes to the same text", "[keyed]") {
  const std::string ticket = real_ticket();
  REQUIRE(ticket.starts_with("EINLASS:"));
  REQUIRE(ticket.size() > 100);
  const auto codes = decode(type_us(ticket));
  REQUIRE(codes.size() == 1);
  REQUIRE(codes[0].has_value());
  CHECK(*codes[0] == ticket);
}

TEST_CASE("keycodes map by key position: Y and Z are never swapped", "[keyed]") {
  // Recorded from a scanner reading "Zy:" and ending with keypad Enter.
  const std::vector<KeyEvent> recorded = {
      {KEY_LEFTSHIFT, kDown},  {KEY_Z, kDown},         {KEY_Z, kUp},
      {KEY_LEFTSHIFT, kUp},    {KEY_Y, kDown},         {KEY_Y, kUp},
      {KEY_RIGHTSHIFT, kDown}, {KEY_SEMICOLON, kDown}, {KEY_SEMICOLON, kUp},
      {KEY_RIGHTSHIFT, kUp},   {KEY_KPENTER, kDown},   {KEY_KPENTER, kUp}};
  const auto codes = decode(recorded);
  REQUIRE(codes.size() == 1);
  REQUIRE(codes[0].has_value());
  CHECK(*codes[0] == "Zy:");
  CHECK(recorded[1].code == 44);  // KEY_Z, as input-event-codes.h numbers it
  CHECK(recorded[4].code == 21);  // KEY_Y
}

TEST_CASE("every printable US character round-trips through its key", "[keyed]") {
  const std::string all =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
      " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  const auto codes = decode(type_us(all));
  REQUIRE(codes.size() == 1);
  REQUIRE(codes[0].has_value());
  CHECK(*codes[0] == all);
}

TEST_CASE("Shift held across several keys and released in the middle", "[keyed]") {
  const std::vector<KeyEvent> events = {
      {KEY_LEFTSHIFT, kDown}, {KEY_E, kDown},        {KEY_E, kUp},
      {KEY_I, kDown},         {KEY_LEFTSHIFT, kUp},  {KEY_I, kUp},
      {KEY_N, kDown},         {KEY_N, kUp},          {KEY_RIGHTSHIFT, kDown},
      {KEY_LEFTSHIFT, kDown}, {KEY_RIGHTSHIFT, kUp}, {KEY_4, kDown},
      {KEY_4, kUp},           {KEY_LEFTSHIFT, kUp},  {KEY_4, kDown},
      {KEY_4, kUp},           {KEY_ENTER, kDown}};
  const auto codes = decode(events);
  REQUIRE(codes.size() == 1);
  REQUIRE(codes[0].has_value());
  CHECK(*codes[0] == "EIn$4");  // Shift still down on the left when the right one goes up
}

TEST_CASE("autorepeat does not type a character again", "[keyed]") {
  const std::vector<KeyEvent> events = {
      {KEY_LEFTSHIFT, kDown}, {KEY_LEFTSHIFT, kRepeat}, {KEY_A, kDown},
      {KEY_A, kRepeat},       {KEY_A, kRepeat},         {KEY_A, kUp},
      {KEY_B, kDown},         {KEY_LEFTSHIFT, kRepeat}, {KEY_B, kUp},
      {KEY_LEFTSHIFT, kUp},   {KEY_ENTER, kDown},       {KEY_ENTER, kRepeat},
      {KEY_ENTER, kUp}};
  const auto codes = decode(events);
  REQUIRE(codes.size() == 1);
  REQUIRE(codes[0].has_value());
  CHECK(*codes[0] == "AB");
}

TEST_CASE("keypad digits and symbols type the same with or without Num Lock", "[keyed]") {
  const std::vector<KeyEvent> events = {
      {KEY_NUMLOCK, kDown}, {KEY_NUMLOCK, kUp},      {KEY_KP4, kDown},     {KEY_KP4, kUp},
      {KEY_KP7, kDown},     {KEY_KP7, kUp},          {KEY_KPDOT, kDown},   {KEY_KPMINUS, kDown},
      {KEY_KPPLUS, kDown},  {KEY_KPASTERISK, kDown}, {KEY_KPSLASH, kDown}, {KEY_KP0, kDown},
      {KEY_KPENTER, kDown}};
  const auto codes = decode(events);
  REQUIRE(codes.size() == 1);
  REQUIRE(codes[0].has_value());
  CHECK(*codes[0] == "47.-+*/0");
}

TEST_CASE("an unmapped key spoils its code only; the next code decodes", "[keyed]") {
  std::vector<KeyEvent> bad = type_us("EINLA");
  bad.pop_back();
  bad.pop_back();  // no Enter yet
  bad.push_back({KEY_F1, kDown});
  bad.push_back({KEY_F1, kUp});
  const auto codes = decode(bad + type_us("SS:X") + type_us("NEXT"));
  REQUIRE(codes.size() == 2);
  REQUIRE_FALSE(codes[0].has_value());
  CHECK(codes[0].error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(codes[0].error().message, Catch::Contains("KEY_F1"));
  REQUIRE(codes[1].has_value());
  CHECK(*codes[1] == "NEXT");
}

TEST_CASE("Ctrl and Tab are no characters of a code", "[keyed]") {
  const std::vector<KeyEvent> ctrl = {
      {KEY_LEFTCTRL, kDown}, {KEY_J, kDown}, {KEY_J, kUp}, {KEY_LEFTCTRL, kUp}, {KEY_ENTER, kDown}};
  const auto codes =
      decode(ctrl + std::vector<KeyEvent>{{KEY_A, kDown}, {KEY_TAB, kDown}, {KEY_ENTER, kDown}});
  REQUIRE(codes.size() == 2);
  REQUIRE_FALSE(codes[0].has_value());
  CHECK_THAT(codes[0].error().message, Catch::Contains("KEY_LEFTCTRL"));
  REQUIRE_FALSE(codes[1].has_value());
  CHECK_THAT(codes[1].error().message, Catch::Contains("KEY_TAB"));
}

TEST_CASE("an over-long code is refused and the next one decodes", "[keyed]") {
  const std::string longest(einlass::kMaxScannedCodeLength, '7');
  const std::string too_long(einlass::kMaxScannedCodeLength + 1, '7');
  const auto codes = decode(type_us(too_long) + type_us(longest) + type_us("OK"));
  REQUIRE(codes.size() == 3);
  REQUIRE_FALSE(codes[0].has_value());
  CHECK(codes[0].error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(codes[0].error().message, Catch::Contains("4096"));
  REQUIRE(codes[1].has_value());
  CHECK(codes[1]->size() == einlass::kMaxScannedCodeLength);
  REQUIRE(codes[2].has_value());
  CHECK(*codes[2] == "OK");
}

TEST_CASE("Enter alone and stray releases yield nothing", "[keyed]") {
  const std::vector<KeyEvent> events = {{KEY_ENTER, kDown},   {KEY_ENTER, kUp},
                                        {KEY_A, kUp},         {KEY_LEFTSHIFT, kDown},
                                        {KEY_LEFTSHIFT, kUp}, {KEY_KPENTER, kDown}};
  CHECK(decode(events).empty());
}

TEST_CASE("a code is in progress from its first key press to its Enter", "[keyed]") {
  KeystrokeDecoder decoder;
  CHECK_FALSE(decoder.in_code());
  decoder.feed(KEY_A, kUp);
  CHECK_FALSE(decoder.in_code());
  decoder.feed(KEY_LEFTSHIFT, kDown);
  CHECK(decoder.in_code());
  decoder.feed(KEY_A, kDown);
  CHECK(decode(type_us("b"), decoder).size() == 1);
  CHECK_FALSE(decoder.in_code());
}

TEST_CASE("lost keystrokes spoil the code in progress; resync restores Shift", "[keyed]") {
  KeystrokeDecoder decoder;
  decoder.feed(KEY_LEFTSHIFT, kDown);
  decoder.feed(KEY_E, kDown);
  decoder.lost_events();
  // The device says Shift is up now: its release was among the lost events.
  decoder.resync(KEY_LEFTSHIFT, false);
  const auto spoilt = decode(std::vector<KeyEvent>{{KEY_A, kDown}, {KEY_ENTER, kDown}}, decoder);
  REQUIRE(spoilt.size() == 1);
  REQUIRE_FALSE(spoilt[0].has_value());
  CHECK_THAT(spoilt[0].error().message, Catch::Contains("lost"));
  const auto next = decode(std::vector<KeyEvent>{{KEY_A, kDown}, {KEY_ENTER, kDown}}, decoder);
  REQUIRE(next.size() == 1);
  REQUIRE(next[0].has_value());
  CHECK(*next[0] == "a");
}
