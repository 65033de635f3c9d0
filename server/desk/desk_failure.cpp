#include "desk/desk_failure.h"

namespace einlass::desk_detail {

void fail(DeskError::Kind kind, std::string code, std::string message) {
  throw DeskFailure{DeskError{kind, std::move(code), std::move(message)}};
}

DeskError storage_desk_error(std::string_view doing, std::string_view what) {
  std::string message(doing);
  message += ": ";
  message += what;
  return DeskError{DeskError::Kind::storage, "storage", std::move(message)};
}

}  // namespace einlass::desk_detail
