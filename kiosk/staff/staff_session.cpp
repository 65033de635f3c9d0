#include "staff/staff_session.h"

#include <algorithm>

#include "staffcard/pin.h"

namespace einlass {

std::string_view to_string(StaffState state) {
  switch (state) {
    case StaffState::idle:
      return "idle";
    case StaffState::waiting_for_pin:
      return "waiting_for_pin";
    case StaffState::unlocked:
      return "unlocked";
    case StaffState::locked:
      return "locked";
  }
  return "idle";
}

StaffSession::StaffSession(const Clock& clock, StaffSessionLimits limits, StaffLock restored)
    : clock_(clock), limits_(limits) {
  limits_.pin_attempts = std::max(1, limits_.pin_attempts);
  if (restored.locked_until) {
    state_ = StaffState::locked;
    locked_until_ = restored.locked_until;
    failures_ = limits_.pin_attempts;
  } else {
    failures_ = std::clamp(restored.failures, 0, limits_.pin_attempts - 1);
  }
  expire();
}

void StaffSession::end_session() {
  state_ = StaffState::idle;
  card_.reset();
  ends_at_.reset();
  last_pin_wrong_ = false;
}

void StaffSession::expire() {
  const Timestamp now = clock_.now();
  // Deadlines further away than their limit mean the clock went back; cut them to the limit so
  // that a clock change cannot keep staff mode locked (or open) for longer.
  auto cap = [now](std::optional<Timestamp>& deadline, std::chrono::milliseconds limit) {
    if (deadline && *deadline > now + limit) deadline = now + limit;
  };
  switch (state_) {
    case StaffState::idle:
      return;
    case StaffState::locked:
      cap(locked_until_, limits_.lockout);
      if (now >= *locked_until_) {
        state_ = StaffState::idle;
        locked_until_.reset();
        failures_ = 0;  // the lock was served: a fresh round of attempts
      }
      return;
    case StaffState::waiting_for_pin:
      cap(ends_at_, limits_.pin_timeout);
      if (now >= *ends_at_) end_session();  // the count of wrong PINs stays
      return;
    case StaffState::unlocked:
      cap(ends_at_, limits_.idle_timeout);
      if (now >= *ends_at_) end_session();
      return;
  }
}

std::expected<void, CardRefused> StaffSession::present_card(const StaffCard& card, bool revoked) {
  expire();
  if (state_ == StaffState::locked) {
    return std::unexpected(CardRefused{CardRefusal::locked,
                                       "staff mode is locked after " +
                                           std::to_string(limits_.pin_attempts) +
                                           " wrong PINs until " + format_utc(*locked_until_),
                                       locked_until_});
  }
  if (revoked) {
    return std::unexpected(CardRefused{
        CardRefusal::revoked, "staff card " + format_staff_card_id(card.card_id) + " is revoked",
        std::nullopt});
  }
  end_session();
  card_ = card;
  state_ = StaffState::waiting_for_pin;
  ends_at_ = clock_.now() + limits_.pin_timeout;
  return {};
}

PinResult StaffSession::enter_pin(std::string_view pin) {
  expire();
  if (state_ == StaffState::locked) return {PinOutcome::locked, 0, locked_until_};
  if (state_ != StaffState::waiting_for_pin) {
    return {PinOutcome::no_card, limits_.pin_attempts - failures_, std::nullopt};
  }
  const Timestamp now = clock_.now();
  if (check_pin(*card_, pin)) {
    failures_ = 0;
    last_pin_wrong_ = false;
    state_ = StaffState::unlocked;
    ends_at_ = now + limits_.idle_timeout;
    return {PinOutcome::unlocked, limits_.pin_attempts, std::nullopt};
  }
  ++failures_;
  if (failures_ >= limits_.pin_attempts) {
    end_session();
    state_ = StaffState::locked;
    locked_until_ = now + limits_.lockout;
    return {PinOutcome::locked, 0, locked_until_};
  }
  last_pin_wrong_ = true;
  ends_at_ = now + limits_.pin_timeout;
  return {PinOutcome::wrong, limits_.pin_attempts - failures_, std::nullopt};
}

bool StaffSession::touch() {
  expire();
  if (state_ != StaffState::unlocked) return false;
  ends_at_ = clock_.now() + limits_.idle_timeout;
  return true;
}

void StaffSession::leave() {
  expire();
  if (state_ == StaffState::waiting_for_pin || state_ == StaffState::unlocked) end_session();
}

void StaffSession::card_revoked(StaffCardId id) {
  expire();
  if (card_ && card_->card_id == id) end_session();
}

StaffView StaffSession::view() {
  expire();
  StaffView v;
  v.state = state_;
  if (card_) {
    v.staff_name = card_->staff_name;
    v.card_id = card_->card_id;
  }
  v.attempts_left = state_ == StaffState::locked ? 0 : limits_.pin_attempts - failures_;
  v.last_pin_wrong = last_pin_wrong_;
  v.locked_until = locked_until_;
  v.ends_at = ends_at_;
  return v;
}

bool StaffSession::unlocked() {
  expire();
  return state_ == StaffState::unlocked;
}

StaffLock StaffSession::lock_state() const {
  return StaffLock{failures_, locked_until_};
}

}  // namespace einlass
