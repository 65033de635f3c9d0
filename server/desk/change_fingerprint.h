#pragma once
// Internal to einlass_desk: the text DeskService::fingerprint() answers, also the key of the
// summary cache.
#include <string>

#include "storage/database.h"

namespace einlass::desk_detail {

std::string change_fingerprint(Database& db);

}  // namespace einlass::desk_detail
