#pragma once
// Reading what a request carries: its JSON body, text fields, numbers in the query, a ticket in
// the path. Each failure is the 400 answer naming what is wrong.
#include <cstdint>
#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ticket/ticket.h"
#include "web/route_context.h"
#include "web/web_message.h"

namespace einlass {

template <class T>
using Field = std::expected<T, WebResponse>;

// The body as a JSON object (an empty body is an empty object).
Field<nlohmann::json> json_body(const WebRequest& request);
// A text field of the body; `required` refuses a missing or blank one.
Field<std::string> text_field(const nlohmann::json& body, std::string_view name, bool required);
// An integer query parameter in [low, high]; `fallback` when absent.
Field<std::int64_t> query_number(const RequestTarget& target, std::string_view name,
                                 std::int64_t fallback, std::int64_t low, std::int64_t high);
// "T000042" or "42" in the path.
Field<TicketId> ticket_param(std::string_view text);
// A positive whole number in the path ("17"); otherwise 404 "no <what> 17x".
Field<std::int64_t> id_param(std::string_view text, std::string_view what);
// The login of the signed-in staff member.
std::string_view signed_in(const RouteContext& c);

}  // namespace einlass
