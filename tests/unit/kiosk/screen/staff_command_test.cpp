#include "screen/staff_command.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace einlass;

namespace {

StaffCommand parsed(std::string_view text) {
  auto command = parse_staff_command(text);
  INFO(text);
  if (!command) FAIL(command.error());
  return *command;
}

std::string error_of(std::string_view text) {
  auto command = parse_staff_command(text);
  INFO(text);
  REQUIRE_FALSE(command.has_value());
  return command.error();
}

}  // namespace

TEST_CASE("every command the page sends parses to its value", "[screen][command]") {
  CHECK(parsed(R"({"type":"pin","pin":"1234"})") == StaffCommand{EnterPin{"1234"}});
  CHECK(parsed(R"({"type":"pin","pin":"12345678"})") == StaffCommand{EnterPin{"12345678"}});
  CHECK(parsed(R"({"type":"reprint_last"})") == StaffCommand{ReprintLast{}});
  CHECK(parsed(R"({"type":"search","query":"  Müller "})") ==
        StaffCommand{SearchAttendees{"Müller"}});
  CHECK(parsed(R"({"type":"reprint","ticket_id":"T000042"})") ==
        StaffCommand{ReprintTicket{"T000042"}});
  CHECK(parsed(R"({"type":"test_page"})") == StaffCommand{PrintTestPage{}});
  CHECK(parsed(R"({"type":"pause"})") == StaffCommand{PauseKiosk{}});
  CHECK(parsed(R"({"type":"resume"})") == StaffCommand{ResumeKiosk{}});
  CHECK(parsed(R"({"type":"menu"})") == StaffCommand{ShowStaffMenu{}});
  CHECK(parsed(R"({"type":"leave_staff"})") == StaffCommand{LeaveStaff{}});
}

TEST_CASE("command_type names each command as its JSON type", "[screen][command]") {
  CHECK(command_type(EnterPin{"1234"}) == "pin");
  CHECK(command_type(ReprintLast{}) == "reprint_last");
  CHECK(command_type(SearchAttendees{"x"}) == "search");
  CHECK(command_type(ReprintTicket{"T1"}) == "reprint");
  CHECK(command_type(PrintTestPage{}) == "test_page");
  CHECK(command_type(PauseKiosk{}) == "pause");
  CHECK(command_type(ResumeKiosk{}) == "resume");
  CHECK(command_type(ShowStaffMenu{}) == "menu");
  CHECK(command_type(LeaveStaff{}) == "leave_staff");
  // Round trip: the type a command reports parses back to the same command.
  for (const StaffCommand& c :
       {StaffCommand{ReprintLast{}}, StaffCommand{PrintTestPage{}}, StaffCommand{PauseKiosk{}},
        StaffCommand{ResumeKiosk{}}, StaffCommand{ShowStaffMenu{}}, StaffCommand{LeaveStaff{}}}) {
    CHECK(parsed(R"({"type":")" + std::string{command_type(c)} + R"("})") == c);
  }
}

TEST_CASE("fields the kiosk does not know are ignored", "[screen][command]") {
  CHECK(parsed(R"({"type":"pause","at":12})") == StaffCommand{PauseKiosk{}});
}

TEST_CASE("messages that are not commands say why", "[screen][command]") {
  CHECK(error_of("") == "not JSON");
  CHECK(error_of("{\"type\":") == "not JSON");
  CHECK(error_of("hello") == "not JSON");
  CHECK(error_of("[1,2]") == "not a JSON object");
  CHECK(error_of("\"pin\"") == "not a JSON object");
  CHECK(error_of("{}") == "missing field \"type\"");
  CHECK(error_of(R"({"type":7})") == "field \"type\" must be a string");
  CHECK(error_of(R"({"type":"reboot"})") == "unknown command type \"reboot\"");
  CHECK(error_of(R"({"type":"PIN","pin":"1234"})") == "unknown command type \"PIN\"");
}

TEST_CASE("an unknown type is quoted, escaped and shortened for the log", "[screen][command]") {
  const std::string error = error_of(R"({"type":"a\nb)" + std::string(100, 'x') + R"("})");
  CHECK_THAT(error, Catch::StartsWith("unknown command type \"a\\nb"));
  CHECK(error.find('\n') == std::string::npos);
  CHECK(error.size() < 80);
}

TEST_CASE("a PIN is 4 to 8 digits and the error never repeats it", "[screen][command]") {
  CHECK(error_of(R"({"type":"pin"})") == "pin: missing field \"pin\"");
  CHECK(error_of(R"({"type":"pin","pin":1234})") == "pin: field \"pin\" must be a string");
  for (const char* bad : {"123", "123456789", "12a4", "", "12 34", "١٢٣٤", "-123", "1234\n"}) {
    const std::string text =
        std::string{R"({"type":"pin","pin":)"} + nlohmann::json(bad).dump() + "}";
    const std::string error = error_of(text);
    CHECK(error == "pin: must be 4 to 8 digits");
  }
}

TEST_CASE("a search needs a short, printable query", "[screen][command]") {
  CHECK(error_of(R"({"type":"search"})") == "search: missing field \"query\"");
  CHECK(error_of(R"({"type":"search","query":null})") ==
        "search: field \"query\" must be a string");
  CHECK(error_of(R"({"type":"search","query":"   "})") == "search: query is empty");
  CHECK(error_of(R"({"type":"search","query":"a\u0007b"})") ==
        "search: query holds control characters");
  // 100 characters of two bytes each pass; 101 do not.
  std::string umlauts;
  for (int i = 0; i < 100; ++i) umlauts += "ü";
  CHECK(parsed(R"({"type":"search","query":")" + umlauts + R"("})") ==
        StaffCommand{SearchAttendees{umlauts}});
  CHECK(error_of(R"({"type":"search","query":")" + umlauts + R"(ü"})") ==
        "search: query is longer than 100 characters");
}

TEST_CASE("a reprint names a plain ticket id", "[screen][command]") {
  CHECK(error_of(R"({"type":"reprint"})") == "reprint: missing field \"ticket_id\"");
  CHECK(error_of(R"({"type":"reprint","ticket_id":42})") ==
        "reprint: field \"ticket_id\" must be a string");
  for (const std::string& bad : {std::string{}, std::string{"T 42"}, std::string{"../etc"},
                                 std::string{"T0;DROP"}, std::string(33, '1')}) {
    CHECK_THAT(error_of(R"({"type":"reprint","ticket_id":")" + bad + R"("})"),
               Catch::StartsWith("reprint: ticket_id must be 1 to 32"));
  }
  CHECK(parsed(R"({"type":"reprint","ticket_id":")" + std::string(32, '1') + R"("})") ==
        StaffCommand{ReprintTicket{std::string(32, '1')}});
}

TEST_CASE("an oversized message is refused before it is parsed", "[screen][command]") {
  const std::string padding(kMaxStaffCommandBytes, ' ');
  const std::string text = R"({"type":"pause"})" + padding;
  CHECK_THAT(error_of(text), Catch::Contains("over the limit of 1024"));
  // At the limit it is still read.
  const std::string fits = R"({"type":"pause"})" + std::string(kMaxStaffCommandBytes - 16, ' ');
  REQUIRE(fits.size() == kMaxStaffCommandBytes);
  CHECK(parsed(fits) == StaffCommand{PauseKiosk{}});
}

TEST_CASE("invalid UTF-8 inside a string is not JSON", "[screen][command]") {
  CHECK(error_of("{\"type\":\"search\",\"query\":\"\xC3\x28\"}") == "not JSON");
}
