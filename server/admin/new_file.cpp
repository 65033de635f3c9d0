#include "admin/new_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace einlass {

namespace fs = std::filesystem;

std::expected<void, AdminError> write_new_file(const fs::path& path, std::string_view content,
                                               unsigned mode) {
  const auto failed = [&](const char* doing) {
    return std::unexpected(AdminError{"cannot " + std::string(doing) + " " + path.string() + ": " +
                                      std::strerror(errno)});
  };
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) {
    if (errno == EEXIST)
      return std::unexpected(AdminError{path.string() + " exists; it is never overwritten"});
    return failed("create");
  }
  bool ok = ::fchmod(fd, static_cast<mode_t>(mode)) == 0;  // the umask may have narrowed it
  for (std::size_t written = 0; ok && written < content.size();) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) {
    std::error_code ignored;
    fs::remove(path, ignored);
    errno = saved;
    return failed("write");
  }
  return {};
}

std::expected<void, AdminError> refuse_existing(const std::vector<fs::path>& paths) {
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec)))
      return std::unexpected(AdminError{path.string() + " exists; it is never overwritten"});
  }
  return {};
}

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace einlass
