#pragma once
// The last stretch of a daemon's shutdown: once its event loop has ended, SIGINT and SIGTERM must
// not kill it half-way through closing its database.

namespace einlass {

// Blocks SIGINT and SIGTERM in the calling thread. Call it from main() after the event loop has
// returned and before the objects holding the asio::signal_set are destroyed: once they are gone
// and their threads joined, main's is the only thread left, so a further signal stays pending
// until the process has exited on its own terms.
void hold_stop_signals();

}  // namespace einlass
