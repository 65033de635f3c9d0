#include "rules/reason.h"

namespace einlass {

std::string_view to_string(Reason reason) {
  switch (reason) {
    case Reason::invalid:
      return "invalid";
    case Reason::revoked:
      return "revoked";
    case Reason::canceled:
      return "canceled";
    case Reason::blocked:
      return "blocked";
    case Reason::wrong_day:
      return "wrong_day";
    case Reason::not_yet:
      return "not_yet";
    case Reason::expired:
      return "expired";
    case Reason::category:
      return "category";
    case Reason::already_admitted:
      return "already_admitted";
    case Reason::unknown_key:
      return "unknown_key";
    case Reason::error:
      return "error";
  }
  return "error";
}

std::optional<Reason> reason_from_string(std::string_view code) {
  for (const Reason r : kAllReasons) {
    if (to_string(r) == code) return r;
  }
  return std::nullopt;
}

}  // namespace einlass
