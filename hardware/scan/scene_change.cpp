#include "scan/scene_change.h"

#include <cstdlib>

namespace einlass {

namespace {

// A block counts as changed when its mean moved this much beyond the global drift...
constexpr int kBlockChange = 10;
// ...and the scene when this many blocks did (four blocks: a 32x32-pixel patch).
constexpr int kChangedBlocks = 4;

}  // namespace

bool scene_changed(const BlockStats& before, const BlockStats& now) {
  if (before.columns != now.columns || before.rows != now.rows || now.mean.empty()) return true;
  long drift = 0;
  for (std::size_t i = 0; i < now.mean.size(); ++i) drift += now.mean[i] - before.mean[i];
  drift /= static_cast<long>(now.mean.size());
  int changed = 0;
  for (std::size_t i = 0; i < now.mean.size(); ++i)
    if (std::abs(now.mean[i] - before.mean[i] - drift) > kBlockChange) ++changed;
  return changed >= kChangedBlocks;
}

}  // namespace einlass
