#pragma once
// A real IPP Everywhere printer for tests: CUPS' ippeveprinter on loopback, with the private
// D-Bus session bus it insists on, in a temporary folder that also holds its spool. Each job runs
// a small script that reports media-empty while the file "media-empty" exists in dir(), and
// takes three seconds while the file "slow" exists.
#include <sys/types.h>

#include <filesystem>
#include <string>

#include "support/temp_dir.h"

namespace einlass::test {

class IppEvePrinter {
 public:
  IppEvePrinter();  // throws with ippeveprinter's log when it does not come up within 10 s
  ~IppEvePrinter();
  IppEvePrinter(const IppEvePrinter&) = delete;
  IppEvePrinter& operator=(const IppEvePrinter&) = delete;

  int port() const { return port_; }
  std::string uri(const std::string& options = "") const;
  const std::filesystem::path& dir() const { return dir_.path(); }
  std::filesystem::path spool() const { return dir_ / "spool"; }
  // The printer goes away: connections are refused from now on.
  void stop();

 private:
  TempDir dir_;
  pid_t bus_ = -1;
  pid_t printer_ = -1;
  int port_ = 0;
};

}  // namespace einlass::test
