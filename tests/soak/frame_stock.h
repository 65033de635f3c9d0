#pragma once
// The camera frames of every planned scan, made before the doors open (a frame takes about a
// tenth of a second to make, far longer than the kiosk takes to read it) on two threads while the
// processes start, and kept as JPEG files in a staging folder until their scan drops them into a
// scanner folder. Each frame is one the kiosk's decoder reads: about one frame in a hundred of
// the phone and tilted styles is not read in a single still, and an attendee at a real camera
// simply holds the code a moment longer, which a folder of stills cannot show. Such a frame is
// made again with the next seed (the code held a little differently); read rates are the scan
// benchmark's business, not this test's.
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "soak/venue_plan.h"

namespace einlass::test {

class FrameStock {
 public:
  // `genuine(ticket)` is the code einlass-admin issued for a ticket; forged and foreign codes are
  // made from one. The codes are made at once, the frames on the threads.
  FrameStock(const Plan& plan, std::filesystem::path folder,
             const std::function<std::string(int)>& genuine);
  ~FrameStock();
  FrameStock(const FrameStock&) = delete;
  FrameStock& operator=(const FrameStock&) = delete;

  // Returns once every frame is written; rethrows what a thread threw.
  void wait();

  // "s00042.jpg": scans sort in the order they drop, as a scanner takes its folder.
  std::string name(int scan) const;
  std::filesystem::path path(int scan) const { return folder_ / name(scan); }
  // Frames that had to be made again because the decoder did not read the first one.
  int remade() const { return remade_; }

 private:
  void make(std::size_t from, std::size_t step);

  const Plan& plan_;
  std::filesystem::path folder_;
  std::vector<std::string> codes_;
  std::vector<std::thread> threads_;
  std::vector<std::exception_ptr> failures_;
  std::atomic<int> remade_{0};
};

}  // namespace einlass::test
