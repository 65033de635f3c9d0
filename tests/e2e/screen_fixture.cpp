// A ScreenServer on its own, for browser tests of the page: prints "listening PORT", then shows
// every view it reads as one JSON line on stdin (the shape to_json writes: kind, status and the
// fields of the kind; for refusals also title/message/hint) and answers "shown KIND" once the
// view is current. Commands from the page are printed as "command JSON"; the server's log goes to
// stderr. End of input stops the server.
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "screen/screen_server.h"

using namespace einlass;
using nlohmann::json;

namespace {

std::mutex out_mutex;

void say(const std::string& line) {
  std::lock_guard lock{out_mutex};
  std::cout << line << std::endl;
}

std::string text(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

Bilingual bilingual(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return {};
  return {text(*it, "de"), text(*it, "en")};
}

PrinterState printer_state(const std::string& code) {
  for (const PrinterState state : {PrinterState::ready, PrinterState::printing,
                                   PrinterState::media_empty, PrinterState::offline}) {
    if (to_string(state) == code) return state;
  }
  return code.empty() ? PrinterState::ready : PrinterState::error;
}

ScreenContent content_of(const json& j) {
  const std::string kind = text(j, "kind");
  if (kind == "welcome") {
    const json category = j.value("category", json::object());
    return WelcomeScreen{text(j, "name"), text(j, "organisation"), text(category, "label"),
                         text(category, "colour"), j.value("badge_printing", true)};
  }
  if (kind == "refused") {
    RefusedScreen refused;
    if (j.contains("title")) refused.title = bilingual(j, "title");
    refused.message = bilingual(j, "message");
    refused.hint = bilingual(j, "hint");
    return refused;
  }
  if (kind == "exit") return ExitScreen{text(j, "name")};
  if (kind == "printer_trouble") return PrinterTroubleScreen{text(j, "name")};
  if (kind == "paused") return PausedScreen{};
  if (kind == "staff_pin") {
    StaffPinScreen pin{text(j, "staff_name"), j.value("attempts_left", 3),
                       j.value("wrong_pin", false), std::nullopt};
    if (j.contains("locked_until_unix_ms")) {
      pin.locked_until = from_unix_ms(j["locked_until_unix_ms"].get<std::int64_t>());
    }
    return pin;
  }
  if (kind == "staff_menu") {
    return StaffMenuScreen{text(j, "staff_name"), j.value("paused", false), text(j, "last_badge"),
                           bilingual(j, "notice")};
  }
  if (kind == "staff_search_results") {
    StaffSearchScreen search{text(j, "staff_name"),
                             text(j, "query"),
                             {},
                             j.value("more", false),
                             bilingual(j, "notice")};
    for (const json& hit : j.value("results", json::array())) {
      search.results.push_back(
          {text(hit, "ticket_id"), text(hit, "name"), text(hit, "organisation")});
    }
    return search;
  }
  return IdleScreen{text(j, "event")};
}

ScreenView view_of(const json& j) {
  const json status = j.value("status", json::object());
  return {content_of(j),
          {text(status, "kiosk"), status.value("online", false),
           printer_state(text(status, "printer"))}};
}

json command_json(const StaffCommand& command) {
  json out{{"type", std::string{command_type(command)}}};
  if (const auto* pin = std::get_if<EnterPin>(&command)) out["pin"] = pin->pin;
  if (const auto* search = std::get_if<SearchAttendees>(&command)) out["query"] = search->query;
  if (const auto* reprint = std::get_if<ReprintTicket>(&command)) {
    out["ticket_id"] = reprint->ticket_id;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  ScreenServerOptions options;
  if (argc > 1) options.port = static_cast<std::uint16_t>(std::stoi(argv[1]));
  boost::asio::io_context io;
  ScreenServer server{io, options,
                      [](StaffCommand command) { say("command " + command_json(command).dump()); },
                      [](std::string_view line) {
                        std::lock_guard lock{out_mutex};
                        std::cerr << line << std::endl;
                      }};
  const auto port = server.start();
  if (!port) {
    std::cerr << port.error().message << std::endl;
    return 1;
  }
  std::thread loop{[&io] { io.run(); }};
  say("listening " + std::to_string(*port));

  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      say("error not a JSON object");
      continue;
    }
    const ScreenView view = view_of(j);
    server.show(view);
    const std::string kind{screen_kind(view)};
    boost::asio::post(io, [kind] { say("shown " + kind); });
  }
  server.stop();
  loop.join();
  return 0;
}
