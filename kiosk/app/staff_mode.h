#pragma once
// Staff mode at the kiosk: a staff card and its PIN open a menu to reprint the last badge or
// any attendee's, print a test page, and pause or resume the kiosk. The session rules (PIN
// attempts, lock, timeouts) are StaffSession's; this class turns them into screens and actions.
#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "core/replica.h"
#include "eventlog/admission_event.h"
#include "screen/screen_view.h"
#include "screen/staff_command.h"
#include "staff/staff_session.h"

namespace einlass {

// The badge this kiosk printed last: what "reprint last" reprints.
struct LastBadge {
  EventKey admission;
  TicketId ticket_id = 0;
  std::string name;
};

// What staff mode may ask of the kiosk.
class StaffActions {
 public:
  virtual void pause(bool paused) = 0;
  virtual bool paused() const = 0;
  virtual std::optional<LastBadge> last_badge() const = 0;
  virtual void wake_printer() = 0;
  // Queues a test page; the kiosk reports the outcome when the printer has answered.
  virtual void print_test_page() = 0;
  virtual void log_staff_action(std::string_view what, std::string_view detail) = 0;

 protected:
  ~StaffActions() = default;
};

bool is_staff_card(std::string_view code);

class StaffMode {
 public:
  StaffMode(Replica& replica, const Clock& clock, StaffActions& actions,
            std::chrono::milliseconds idle_timeout);

  // A PIN pad or the staff menu is up (timeouts applied).
  bool active();
  // "S000003" of the card in use, for logs (never the holder's name).
  std::string card_text();

  ScreenContent present_card(std::string_view code);
  // The next staff screen, or nullopt when staff mode is over (left, timed out, never opened).
  std::optional<ScreenContent> on_command(const StaffCommand& command);
  // The staff menu with a notice (the outcome of something that finished later).
  ScreenContent menu(Bilingual notice = {});

 private:
  ScreenContent pin_screen(bool wrong);
  std::optional<ScreenContent> search(std::string_view query);
  ScreenContent reprint(const EventKey& admission);
  std::optional<EventKey> admission_of(std::string_view ticket_text);
  void keep_lock();

  Replica& replica_;
  const Clock& clock_;
  StaffActions& actions_;
  StaffSession session_;
  std::string last_query_;
};

}  // namespace einlass
