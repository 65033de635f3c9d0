#include "print/file_printer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "badge/render_badge.h"
#include "print/job_name.h"

namespace einlass {

namespace {

std::string errno_text(int error) {
  return std::strerror(error);
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // Closes now and reports the error close() gives (NFS reports write errors there).
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

std::expected<void, std::string> write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::unexpected(errno_text(errno));
    done += static_cast<std::size_t>(n);
  }
  return {};
}

// Writes `bytes` to `target` via a dot-file in the same folder, fsyncs it and links it in place.
// A printed badge is never replaced: a target that exists already is an error, so a second copy
// under the same name cannot hide (job names carry the attempt).
std::expected<void, std::string> write_atomically(const std::filesystem::path& target,
                                                  const std::string& bytes) {
  const auto temp = target.parent_path() / ("." + target.filename().string() + ".tmp");
  auto fail = [&](std::string why) {
    ::unlink(temp.c_str());
    return std::unexpected("cannot write " + target.string() + ": " + why);
  };
  FileDescriptor fd{::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
  if (fd.get() < 0)
    return std::unexpected("cannot write " + target.string() + ": " + errno_text(errno));
  if (auto ok = write_all(fd.get(), bytes); !ok) return fail(ok.error());
  if (::fsync(fd.get()) != 0) return fail(errno_text(errno));
  if (fd.close() != 0) return fail(errno_text(errno));
  if (::link(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    return fail(error == EEXIST
                    ? std::string("it exists already (a printed badge is never replaced)")
                    : errno_text(error));
  }
  ::unlink(temp.c_str());
  return {};
}

}  // namespace

std::expected<void, PrintFault> FilePrinter::print(const Badge& badge, const BadgeLayout& layout,
                                                   const std::string& job_name) {
  if (const auto state = status(); state.state != PrinterState::ready)
    return std::unexpected(PrintFault{state.state, state.detail});
  auto pdf = render_badge(badge, layout, DocumentFormat::pdf);
  if (!pdf) return std::unexpected(PrintFault{PrinterState::error, pdf.error()});
  auto png = render_badge(badge, layout, DocumentFormat::png);
  if (!png) return std::unexpected(PrintFault{PrinterState::error, png.error()});
  const std::string stem = job_file_stem(job_name);
  for (const auto& [extension, bytes] : {std::pair{".pdf", &*pdf}, std::pair{".png", &*png}}) {
    if (auto ok = write_atomically(folder_ / (stem + extension), *bytes); !ok)
      return std::unexpected(PrintFault{PrinterState::error, ok.error()});
  }
  return {};
}

PrinterStatus FilePrinter::status() {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder_, ec))
    return {PrinterState::offline, "folder " + folder_.string() + " does not exist"};
  if (::access(folder_.c_str(), W_OK | X_OK) != 0)
    return {PrinterState::offline,
            "folder " + folder_.string() + " is not writable: " + errno_text(errno)};
  return {PrinterState::ready, "folder " + folder_.string()};
}

std::string FilePrinter::describe() const {
  return "file printer " + folder_.string();
}

}  // namespace einlass
