#pragma once
// Whether a camera's view changed between two frames, judged on block means: sensor noise
// averages out over a block, a global brightness drift (auto exposure) is taken off, and a code
// or a hand entering the picture changes dozens of blocks at once.
#include "scan/block_stats.h"

namespace einlass {

bool scene_changed(const BlockStats& before, const BlockStats& now);

}  // namespace einlass
