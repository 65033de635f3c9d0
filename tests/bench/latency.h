#pragma once
// The summary every benchmark prints of a series of timings, in whatever unit they were taken.
#include <algorithm>
#include <vector>

namespace einlass::bench {

struct Latency {
  double p50 = 0, p99 = 0, mean = 0;
};

inline Latency summarise(std::vector<double> samples) {
  if (samples.empty()) return {};
  std::sort(samples.begin(), samples.end());
  double sum = 0;
  for (const double v : samples) sum += v;
  return {samples[samples.size() / 2],
          samples[std::min(samples.size() - 1, samples.size() * 99 / 100)],
          sum / static_cast<double>(samples.size())};
}

}  // namespace einlass::bench
