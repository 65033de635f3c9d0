#include "storage/print_job_repository.h"

#include <string>

#include "storage/admission_rows.h"
#include "storage/column_codes.h"
#include "storage/kiosk_state_rows.h"
#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;
using Kind = StorageError::Kind;

std::string_view to_string(PrintJobState state) {
  switch (state) {
    case PrintJobState::queued:
      return "queued";
    case PrintJobState::printing:
      return "printing";
    case PrintJobState::done:
      return "done";
    case PrintJobState::failed:
      return "failed";
  }
  return "queued";
}

namespace {

constexpr const char* kSelectJob =
    "SELECT p.id, p.kiosk_id, p.seq, p.state, p.attempts, p.reprint, p.created_at, p.updated_at, "
    "e.ticket_id FROM print_jobs p JOIN admission_events e USING (kiosk_id, seq) ";

PrintJob job_from_row(sd::Query& q) {
  PrintJob job;
  job.id = q.int64(0);
  job.admission.kiosk_id = q.text(1);
  job.admission.seq = sd::narrow_from_db<std::uint64_t>(q.int64(2), "print_jobs.seq");
  job.state = sd::print_job_state_from_column(q.text(3));
  job.attempts = sd::narrow_from_db<int>(q.int64(4), "print_jobs.attempts");
  job.reprint = sd::narrow_from_db<int>(q.int64(5), "print_jobs.reprint");
  job.created = from_unix_ms(q.int64(6));
  job.updated = from_unix_ms(q.int64(7));
  job.ticket_id = sd::narrow_from_db<TicketId>(q.int64(8), "admission_events.ticket_id");
  return job;
}

PrintJobId insert_job(Database& db, const EventKey& admission, int reprint_number, Timestamp now) {
  sd::Query(db,
            "INSERT INTO print_jobs (kiosk_id, seq, state, attempts, reprint, created_at, "
            "updated_at) VALUES (?1, ?2, 'queued', 0, ?3, ?4, ?4)")
      .bind(1, admission.kiosk_id)
      .bind(2, sd::seq_to_db(admission.seq))
      .bind(3, std::int64_t{reprint_number})
      .bind(4, to_unix_ms(now))
      .exec();
  return db.connection().getLastInsertRowid();
}

void require_job(int changed, PrintJobId id) {
  if (changed != 1) sd::fail(Kind::constraint, "there is no print job " + std::to_string(id));
}

}  // namespace

StorageResult<PrintJobId> PrintJobRepository::commit_admission(const AdmissionEvent& event) {
  return sd::guarded("committing an admission", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "committing an admission with its print job");
    const Timestamp now = clock_.now();
    sd::WriteTransaction tx(db_);
    sd::insert_admission_event(db_, event, now, sd::OnKnownKey::refuse);
    const PrintJobId id = insert_job(db_, event.key, 0, now);
    sd::raise_next_sequence(db_, event.key.seq + 1);
    sd::raise_last_hlc(db_, event.hlc);
    tx.commit();  // synchronous=FULL: on disk when this returns
    return id;
  });
}

StorageResult<void> PrintJobRepository::commit_without_badge(const AdmissionEvent& event) {
  return sd::guarded("committing an event", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "committing a kiosk's own event");
    sd::WriteTransaction tx(db_);
    sd::insert_admission_event(db_, event, clock_.now(), sd::OnKnownKey::refuse);
    sd::raise_next_sequence(db_, event.key.seq + 1);
    sd::raise_last_hlc(db_, event.hlc);
    tx.commit();
  });
}

StorageResult<PrintJob> PrintJobRepository::add_reprint(const EventKey& admission) {
  return sd::guarded("adding a reprint", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "adding a reprint");
    sd::WriteTransaction tx(db_);
    int next = 1;
    {
      sd::Query last(db_,
                     "SELECT max(reprint + max(attempts, 1) - 1) FROM print_jobs "
                     "WHERE kiosk_id = ?1 AND seq = ?2");
      last.bind(1, admission.kiosk_id).bind(2, sd::seq_to_db(admission.seq));
      if (last.step() && !last.is_null(0))
        next = sd::narrow_from_db<int>(last.int64(0), "print_jobs.reprint") + 1;
    }
    const PrintJobId id = insert_job(db_, admission, next, clock_.now());
    PrintJob job;
    {
      sd::Query q(db_, std::string(kSelectJob) + "WHERE p.id = ?1");
      q.bind(1, id);
      if (!q.step()) sd::fail(Kind::constraint, "the reprint was not stored");
      job = job_from_row(q);
    }
    tx.commit();
    return job;
  });
}

StorageResult<void> PrintJobRepository::start_attempt(PrintJobId id) {
  return sd::guarded("starting print job " + std::to_string(id), [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "updating a print job");
    require_job(sd::Query(db_,
                          "UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, "
                          "updated_at = ?1 WHERE id = ?2")
                    .bind(1, to_unix_ms(clock_.now()))
                    .bind(2, id)
                    .exec(),
                id);
  });
}

StorageResult<void> PrintJobRepository::finish(PrintJobId id, PrintJobState final_state) {
  return sd::guarded("finishing print job " + std::to_string(id), [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "updating a print job");
    require_job(sd::Query(db_, "UPDATE print_jobs SET state = ?1, updated_at = ?2 WHERE id = ?3")
                    .bind(1, to_string(final_state))
                    .bind(2, to_unix_ms(clock_.now()))
                    .bind(3, id)
                    .exec(),
                id);
  });
}

StorageResult<std::optional<PrintJob>> PrintJobRepository::find(PrintJobId id) {
  return sd::guarded("finding print job " + std::to_string(id), [&]() -> std::optional<PrintJob> {
    sd::require_kind(db_, DatabaseKind::kiosk, "finding a print job");
    sd::Query q(db_, std::string(kSelectJob) + "WHERE p.id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return job_from_row(q);
  });
}

StorageResult<std::vector<PrintJob>> PrintJobRepository::unfinished() {
  return sd::guarded("listing unfinished print jobs", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "listing print jobs");
    std::vector<PrintJob> out;
    sd::Query q(db_,
                std::string(kSelectJob) + "WHERE p.state IN ('queued', 'printing') ORDER BY p.id");
    while (q.step()) out.push_back(job_from_row(q));
    return out;
  });
}

StorageResult<std::map<PrintJobState, std::uint64_t>> PrintJobRepository::counts_by_state() {
  return sd::guarded("counting print jobs", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "counting print jobs");
    std::map<PrintJobState, std::uint64_t> out;
    sd::Query q(db_, "SELECT state, count(*) FROM print_jobs GROUP BY state");
    while (q.step())
      out[sd::print_job_state_from_column(q.text(0))] =
          sd::narrow_from_db<std::uint64_t>(q.int64(1), "count(print_jobs)");
    return out;
  });
}

}  // namespace einlass
