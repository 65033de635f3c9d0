#include "storage/storage_error.h"

namespace einlass {

std::string_view to_string(StorageError::Kind kind) {
  using enum StorageError::Kind;
  switch (kind) {
    case cannot_open:
      return "cannot_open";
    case newer_schema:
      return "newer_schema";
    case wrong_database_kind:
      return "wrong_database_kind";
    case busy:
      return "busy";
    case constraint:
      return "constraint";
    case io:
      return "io";
    case corrupt:
      return "corrupt";
  }
  return "io";
}

}  // namespace einlass
