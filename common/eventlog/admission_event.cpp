#include "eventlog/admission_event.h"

namespace einlass {

std::string_view to_string(AdmissionKind kind) {
  switch (kind) {
    case AdmissionKind::entry:
      return "entry";
    case AdmissionKind::exit:
      return "exit";
    case AdmissionKind::manual_entry:
      return "manual_entry";
  }
  return "entry";
}

}  // namespace einlass
