#pragma once
// Staff mode on one kiosk as a state machine: a staff card is shown, its holder enters the PIN,
// staff functions are open until they leave or stop touching the screen. Three wrong PINs in a
// row lock staff mode on this kiosk for a minute, whichever cards were shown: the lock belongs to
// the kiosk, so swapping cards does not buy new attempts.
//
// No I/O and no threads: the caller verifies the card (verify_staff_card), looks up whether it is
// revoked (StaffCardRepository::is_revoked) and shows view() on the screen. Time comes from the
// injected clock and is checked on every call, so a session that nobody touches times out the
// next time anyone asks. Not thread-safe: one owner calls it.
#include <chrono>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"
#include "staffcard/staff_card.h"

namespace einlass {

struct StaffSessionLimits {
  int pin_attempts = 3;                             // wrong PINs in a row before the lock
  std::chrono::milliseconds lockout{60'000};        // how long the lock lasts
  std::chrono::milliseconds pin_timeout{60'000};    // a shown card waits this long for a PIN
  std::chrono::milliseconds idle_timeout{120'000};  // unlocked without activity
};

enum class StaffState {
  idle,             // no staff card; attendees scan as usual
  waiting_for_pin,  // a valid card was shown; the PIN pad is up
  unlocked,         // staff functions are open
  locked,           // too many wrong PINs; no card is accepted until locked_until
};

// "idle", "waiting_for_pin", "unlocked", "locked": for logs and the screen's JSON.
std::string_view to_string(StaffState state);

// What the screen shows.
struct StaffView {
  StaffState state = StaffState::idle;
  std::string staff_name;                 // waiting_for_pin and unlocked; empty otherwise
  StaffCardId card_id = 0;                // waiting_for_pin and unlocked; 0 otherwise
  int attempts_left = 0;                  // wrong PINs still allowed before the lock
  bool last_pin_wrong = false;            // waiting_for_pin after a wrong PIN
  std::optional<Timestamp> locked_until;  // locked
  std::optional<Timestamp> ends_at;       // waiting_for_pin, unlocked: the timeout if untouched
  bool operator==(const StaffView&) const = default;
};

enum class CardRefusal {
  revoked,  // the card is on the replica's revocation list
  locked,   // staff mode is locked after wrong PINs
};

struct CardRefused {
  CardRefusal reason = CardRefusal::revoked;
  std::string message;                    // for staff; names the card id, not the holder
  std::optional<Timestamp> locked_until;  // for `locked`
  bool operator==(const CardRefused&) const = default;
};

enum class PinOutcome {
  unlocked,  // right PIN: staff functions are open
  wrong,     // wrong PIN: try again, attempts_left remain
  locked,    // this PIN was the last attempt, or staff mode was locked already
  no_card,   // no card is waiting for a PIN (never shown, timed out or left)
};

struct PinResult {
  PinOutcome outcome = PinOutcome::no_card;
  int attempts_left = 0;
  std::optional<Timestamp> locked_until;  // for `locked`
  bool operator==(const PinResult&) const = default;
};

// The part of the state that must survive a restart of the kiosk daemon, or restarting it would
// hand out fresh PIN attempts. The caller may store it (kiosk_state) after each change.
struct StaffLock {
  int failures = 0;  // wrong PINs in a row since the last success or the end of the last lock
  std::optional<Timestamp> locked_until;
  bool operator==(const StaffLock&) const = default;
};

class StaffSession {
 public:
  // `clock` must outlive the session. A wall clock that jumps backwards cannot stretch a lock or
  // a timeout beyond its length: deadlines further away than their limit are cut back.
  explicit StaffSession(const Clock& clock, StaffSessionLimits limits = {},
                        StaffLock restored = {});

  // A verified card was shown. A revoked card is refused and changes nothing; while locked every
  // card is refused. Otherwise the card waits for its PIN, ending any open session (the next
  // staff member takes over) but not the count of wrong PINs.
  std::expected<void, CardRefused> present_card(const StaffCard& card, bool revoked);

  // Checks the PIN against the waiting card (scrypt: tens of milliseconds; see staffcard/pin.h).
  PinResult enter_pin(std::string_view pin);

  // Staff activity while unlocked: the idle timeout starts again. False when not unlocked (the
  // session may just have timed out), so the caller can fall back to the attendee screen.
  bool touch();

  // Ends waiting_for_pin or unlocked. A lock stays.
  void leave();

  // The server revoked `id` while its holder was here: a session of that card ends.
  void card_revoked(StaffCardId id);

  // The state after applying every timeout that has passed.
  StaffView view();
  bool unlocked();
  StaffLock lock_state() const;

 private:
  void expire();
  void end_session();

  const Clock& clock_;
  StaffSessionLimits limits_;
  StaffState state_ = StaffState::idle;
  std::optional<StaffCard> card_;
  int failures_ = 0;
  bool last_pin_wrong_ = false;
  std::optional<Timestamp> locked_until_;
  std::optional<Timestamp> ends_at_;
};

}  // namespace einlass
