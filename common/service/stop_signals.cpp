#include "service/stop_signals.h"

#include <pthread.h>
#include <signal.h>

namespace einlass {

void hold_stop_signals() {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
}

}  // namespace einlass
