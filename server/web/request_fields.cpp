#include "web/request_fields.h"

#include <charconv>

#include "base/text.h"
#include "web/api_reply.h"

namespace einlass {

namespace {

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [at, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || at != end) return std::nullopt;
  return value;
}

}  // namespace

Field<nlohmann::json> json_body(const WebRequest& request) {
  if (request.body.empty()) return nlohmann::json::object();
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded()) {
    return std::unexpected(error_reply(400, "bad_json", "the request body is not valid JSON"));
  }
  if (!body.is_object()) {
    return std::unexpected(error_reply(400, "bad_json", "the request body must be a JSON object"));
  }
  return body;
}

Field<std::string> text_field(const nlohmann::json& body, std::string_view name, bool required) {
  const auto found = body.find(name);
  if (found == body.end() || found->is_null()) {
    if (!required) return std::string{};
    return std::unexpected(
        error_reply(400, std::string(name) + "_required", std::string(name) + " is required"));
  }
  if (!found->is_string()) {
    return std::unexpected(
        error_reply(400, "bad_request", std::string(name) + " must be a string"));
  }
  auto text = found->get<std::string>();
  if (required && trim(text).empty()) {
    return std::unexpected(
        error_reply(400, std::string(name) + "_required", std::string(name) + " is required"));
  }
  return text;
}

Field<std::int64_t> query_number(const RequestTarget& target, std::string_view name,
                                 std::int64_t fallback, std::int64_t low, std::int64_t high) {
  const auto text = target.param(name);
  if (!text || text->empty()) return fallback;
  const auto value = whole_number(*text);
  if (!value || *value < low || *value > high) {
    return std::unexpected(error_reply(400, "bad_request",
                                       std::string(name) + " must be a whole number from " +
                                           std::to_string(low) + " to " + std::to_string(high)));
  }
  return *value;
}

Field<TicketId> ticket_param(std::string_view text) {
  auto ticket = parse_ticket_id(text);
  if (!ticket) return std::unexpected(error_reply(404, "not_found", ticket.error()));
  return *ticket;
}

Field<std::int64_t> id_param(std::string_view text, std::string_view what) {
  const auto id = whole_number(text);
  if (!id || *id <= 0) {
    return std::unexpected(
        error_reply(404, "not_found", "no " + std::string(what) + " " + std::string(text)));
  }
  return *id;
}

std::string_view signed_in(const RouteContext& c) {
  return c.session ? std::string_view(c.session->member.login) : std::string_view{};
}

}  // namespace einlass
