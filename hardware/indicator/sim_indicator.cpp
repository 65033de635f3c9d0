#include "indicator/sim_indicator.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace einlass {

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// Write to a temporary file beside the target, then rename over it: rename is atomic within one
// file system, so readers see the old line or the new one.
DeviceResult<void> replace_file(const std::filesystem::path& path, const std::string& content) {
  const auto fail = [&](const std::string& why) {
    return device_error(DeviceError::Kind::unavailable,
                        "indicator file " + path.string() + ": " + why);
  };
  const std::string temp = path.string() + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail(errno_text());
  std::size_t done = 0;
  while (done < content.size()) {
    const auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const auto why = errno_text();
      ::close(fd);
      ::unlink(temp.c_str());
      return fail(why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
    const auto why = errno_text();
    ::unlink(temp.c_str());
    return fail(why);
  }
  return {};
}

class SimIndicator final : public Indicator {
 public:
  explicit SimIndicator(std::optional<std::filesystem::path> file) : file_(std::move(file)) {}

  DeviceResult<void> set(IndicatorLights lights) override {
    const std::lock_guard lock(mutex_);
    lights_ = lights;
    return publish();
  }

  IndicatorLights current() const override {
    const std::lock_guard lock(mutex_);
    return lights_;
  }

  std::string describe() const override {
    return file_ ? "simulated lights in " + file_->string() : "simulated lights";
  }

  DeviceResult<void> publish() const {
    if (!file_) return {};
    return replace_file(*file_, indicator_json(lights_) + "\n");
  }

 private:
  std::optional<std::filesystem::path> file_;
  mutable std::mutex mutex_;
  IndicatorLights lights_;
};

const char* json_bool(bool b) {
  return b ? "true" : "false";
}

}  // namespace

std::string indicator_json(IndicatorLights lights) {
  return std::string("{\"green\":") + json_bool(lights.green) +
         ",\"red\":" + json_bool(lights.red) + ",\"buzzer\":" + json_bool(lights.buzzer) + "}";
}

DeviceResult<std::unique_ptr<Indicator>> open_sim_indicator(
    std::optional<std::filesystem::path> file) {
  auto indicator = std::make_unique<SimIndicator>(std::move(file));
  // Writing the initial state finds a wrong path at startup, not at the first admission.
  if (auto ok = indicator->publish(); !ok) return std::unexpected(ok.error());
  return indicator;
}

}  // namespace einlass
