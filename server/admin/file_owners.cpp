#include "admin/file_owners.h"

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace einlass {

namespace {

std::unexpected<AdminError> fail(const std::filesystem::path& path, std::string_view what) {
  return std::unexpected(
      AdminError{path.string() + ": cannot " + std::string(what) + ": " + std::strerror(errno)});
}

}  // namespace

std::expected<unsigned, AdminError> find_group(std::string_view name) {
  const std::string wanted(name);
  group entry{};
  group* found = nullptr;
  std::vector<char> buffer(16384);
  if (::getgrnam_r(wanted.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 ||
      found == nullptr)
    return std::unexpected(AdminError{"--service-group: there is no group \"" + wanted +
                                      "\" (on a server it comes with the einlass-server package)"});
  return static_cast<unsigned>(found->gr_gid);
}

std::expected<void, AdminError> share_with_group(const std::filesystem::path& path, unsigned gid,
                                                 unsigned mode) {
  if (::chown(path.c_str(), static_cast<uid_t>(-1), static_cast<gid_t>(gid)) != 0)
    return fail(path, "give it to group " + std::to_string(gid));
  if (::chmod(path.c_str(), static_cast<mode_t>(mode)) != 0) return fail(path, "set its mode");
  return {};
}

std::expected<void, AdminError> hand_to_folder_owner(const std::filesystem::path& file) {
  if (::geteuid() != 0) return {};
  auto folder = std::filesystem::absolute(file).parent_path();
  struct stat owner {};
  if (::stat(folder.c_str(), &owner) != 0) return fail(folder, "read its owner");
  if (owner.st_uid == 0) return {};
  if (::chown(file.c_str(), owner.st_uid, owner.st_gid) != 0)
    return fail(file, "give it to the owner of " + folder.string());
  return {};
}

}  // namespace einlass
