#pragma once
// `file:/folder`: each badge becomes FOLDER/JOB.pdf and FOLDER/JOB.png. For the demo, the tests
// and events that print from a folder with their own tools.
#include <filesystem>

#include "device/printer.h"

namespace einlass {

class FilePrinter final : public Printer {
 public:
  explicit FilePrinter(std::filesystem::path folder) : folder_(std::move(folder)) {}

  // Writes each file under a dot-name first and renames it into place, so a watcher of the
  // folder never sees half a file. An existing file of the same job is replaced.
  std::expected<void, PrintFault> print(const Badge& badge, const BadgeLayout& layout,
                                        const std::string& job_name) override;
  // ready when the folder exists and is writable, offline otherwise.
  PrinterStatus status() override;
  std::string describe() const override;

 private:
  std::filesystem::path folder_;
};

}  // namespace einlass
