#pragma once
// A fresh folder for a fuzz target's database and files, removed with everything in it on
// destruction. In /dev/shm when the machine has it: on a disk, the writes of each input (a
// database page, a rewritten file that ext4 flushes on close) cost many times the input itself.
#include <filesystem>

namespace einlass::fuzz {

class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::filesystem::path operator/(const std::filesystem::path& child) const {
    return path_ / child;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace einlass::fuzz
