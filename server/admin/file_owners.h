#pragma once
// Owners of the files einlass-admin writes for a service that runs as another user. On an
// installed server einlass-admin runs as root, einlass-server as the user einlass: the event
// database and the server's TLS key must be usable by that user, and by no one else.
#include <expected>
#include <filesystem>
#include <string_view>

#include "admin/admin_error.h"

namespace einlass {

// The id of group `name`; an error naming it when there is no such group.
std::expected<unsigned, AdminError> find_group(std::string_view name);

// Gives `path` to group `gid` with `mode` (e.g. 0640 for a key the service reads).
std::expected<void, AdminError> share_with_group(const std::filesystem::path& path, unsigned gid,
                                                 unsigned mode);

// Run as root, a file created in a folder that belongs to someone else (a service's state
// directory) is given to that folder's owner and group, so the service can write it. Otherwise
// nothing changes.
std::expected<void, AdminError> hand_to_folder_owner(const std::filesystem::path& file);

}  // namespace einlass
