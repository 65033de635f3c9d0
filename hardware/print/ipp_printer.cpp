#include "print/ipp_printer.h"

#include <sys/socket.h>

#include <thread>

#include "badge/render_badge.h"
#include "print/cups_handles.h"
#include "print/ipp_status.h"
#include "print/job_name.h"

namespace einlass {

namespace {

using print_detail::HttpPtr;
using print_detail::IppPtr;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// httpSetTimeout callback: stop waiting instead of retrying forever.
int give_up(http_t*, void*) {
  return 0;
}

struct JobStatus {
  int state = IPP_JSTATE_PENDING;
  std::string words;  // job-state-reasons and job-state-message
};

std::string ms_text(milliseconds d) {
  return std::to_string(d.count()) + " ms";
}

class IppSession {
 public:
  static std::expected<IppSession, PrintFault> open(const IppPrinterSettings& s,
                                                    const std::string& uri) {
    http_t* http =
        httpConnect2(s.host.c_str(), s.port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                     static_cast<int>(s.connect_timeout.count()), nullptr);
    if (http == nullptr)
      return std::unexpected(
          PrintFault{PrinterState::offline, uri + ": cannot connect: " + cupsLastErrorString()});
    httpSetTimeout(http, static_cast<double>(s.request_timeout.count()) / 1000.0, give_up, nullptr);
    return IppSession{HttpPtr{http}, uri, s.resource, s.request_timeout};
  }

  std::expected<IppPrinterAttributes, PrintFault> printer_attributes() {
    IppPtr request = new_request(IPP_OP_GET_PRINTER_ATTRIBUTES);
    static const char* const wanted[] = {"printer-state", "printer-state-reasons",
                                         "printer-state-message", "printer-is-accepting-jobs"};
    ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  std::size(wanted), nullptr, wanted);
    auto response = send(std::move(request), "Get-Printer-Attributes");
    if (!response) return std::unexpected(response.error());
    IppPrinterAttributes a;
    if (auto* attr = ippFindAttribute(response->get(), "printer-state", IPP_TAG_ENUM))
      a.state = ippGetInteger(attr, 0);
    if (auto* attr = ippFindAttribute(response->get(), "printer-state-reasons", IPP_TAG_KEYWORD))
      for (int i = 0; i < ippGetCount(attr); ++i)
        a.reasons.emplace_back(ippGetString(attr, i, nullptr));
    if (auto* attr = ippFindAttribute(response->get(), "printer-state-message", IPP_TAG_TEXT))
      a.message = ippGetString(attr, 0, nullptr);
    if (auto* attr =
            ippFindAttribute(response->get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
      a.accepting_jobs = ippGetBoolean(attr, 0) != 0;
    return a;
  }

  // The job id, or 0 when the printer is busy with another job and asks to come back later.
  std::expected<int, PrintFault> print_job(const std::string& pdf, const std::string& job_name) {
    IppPtr request = new_request(IPP_OP_PRINT_JOB);
    ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nullptr,
                 job_title(job_name).c_str());
    ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nullptr,
                 "application/pdf");
    // The HTTP body's length: the request's attributes and the document after them.
    const std::size_t length = ippLength(request.get()) + pdf.size();
    if (cupsSendRequest(http_.get(), request.get(), resource_.c_str(), length) ==
        HTTP_STATUS_CONTINUE)
      cupsWriteRequestData(http_.get(), pdf.data(), pdf.size());
    IppPtr response{cupsGetResponse(http_.get(), resource_.c_str())};
    if (!response) return std::unexpected(no_answer("Print-Job"));
    const ipp_status_t status = ippGetStatusCode(response.get());
    if (status == IPP_STATUS_ERROR_BUSY) return 0;
    if (status > IPP_STATUS_OK_EVENTS_COMPLETE)
      return std::unexpected(PrintFault{
          PrinterState::error,
          uri_ + ": Print-Job refused: " + ippErrorString(status) + " " + cupsLastErrorString()});
    auto* id = ippFindAttribute(response.get(), "job-id", IPP_TAG_INTEGER);
    if (id == nullptr)
      return std::unexpected(
          PrintFault{PrinterState::error, uri_ + ": Print-Job answer has no job-id"});
    return ippGetInteger(id, 0);
  }

  std::expected<JobStatus, PrintFault> job_status(int job_id) {
    IppPtr request = new_request(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddInteger(request.get(), IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
    static const char* const wanted[] = {"job-state", "job-state-reasons", "job-state-message"};
    ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  std::size(wanted), nullptr, wanted);
    auto response = send(std::move(request), "Get-Job-Attributes");
    if (!response) return std::unexpected(response.error());
    JobStatus job;
    if (auto* attr = ippFindAttribute(response->get(), "job-state", IPP_TAG_ENUM))
      job.state = ippGetInteger(attr, 0);
    if (auto* attr = ippFindAttribute(response->get(), "job-state-reasons", IPP_TAG_KEYWORD))
      for (int i = 0; i < ippGetCount(attr); ++i) {
        if (!job.words.empty()) job.words += ", ";
        job.words += ippGetString(attr, i, nullptr);
      }
    if (auto* attr = ippFindAttribute(response->get(), "job-state-message", IPP_TAG_TEXT))
      job.words += std::string(job.words.empty() ? "" : ": ") + ippGetString(attr, 0, nullptr);
    return job;
  }

  void cancel_job(int job_id) {
    IppPtr request = new_request(IPP_OP_CANCEL_JOB);
    ippAddInteger(request.get(), IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
    (void)send(std::move(request), "Cancel-Job");
  }

 private:
  IppSession(HttpPtr http, std::string uri, std::string resource, milliseconds timeout)
      : http_(std::move(http)),
        uri_(std::move(uri)),
        resource_(std::move(resource)),
        timeout_(timeout) {}

  // A request that got no IPP answer: the connection broke or the printer went silent.
  PrintFault no_answer(const char* operation) const {
    std::string why = cupsLastErrorString();
    // libcups leaves errno's "Success" when the wait simply ran out.
    if (why.empty() || why == "Success") why = "no answer within " + ms_text(timeout_);
    return {PrinterState::offline, uri_ + ": " + operation + " failed: " + why};
  }

  IppPtr new_request(ipp_op_t operation) {
    IppPtr request{ippNewRequest(operation)};
    ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr,
                 uri_.c_str());
    ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr,
                 cupsUser());
    return request;
  }

  std::expected<IppPtr, PrintFault> send(IppPtr request, const char* operation) {
    // cupsDoRequest frees the request.
    IppPtr response{cupsDoRequest(http_.get(), request.release(), resource_.c_str())};
    if (!response) return std::unexpected(no_answer(operation));
    const ipp_status_t status = ippGetStatusCode(response.get());
    if (status > IPP_STATUS_OK_EVENTS_COMPLETE)
      return std::unexpected(PrintFault{
          PrinterState::error,
          uri_ + ": " + operation + ": " + ippErrorString(status) + " " + cupsLastErrorString()});
    return response;
  }

  HttpPtr http_;
  std::string uri_;
  std::string resource_;
  milliseconds timeout_;
};

bool is_fault(PrinterState state) {
  return state == PrinterState::media_empty || state == PrinterState::offline ||
         state == PrinterState::error;
}

void sleep_until_next_poll(milliseconds interval, Clock::time_point deadline) {
  const auto now = Clock::now();
  if (now >= deadline) return;
  std::this_thread::sleep_for(std::min<Clock::duration>(interval, deadline - now));
}

}  // namespace

IppPrinter::IppPrinter(IppPrinterSettings settings) : settings_(std::move(settings)) {
  char uri[1024];
  httpAssembleURI(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, settings_.host.c_str(),
                  settings_.port, settings_.resource.c_str());
  uri_ = uri;
}

std::expected<void, PrintFault> IppPrinter::print(const Badge& badge, const BadgeLayout& layout,
                                                  const std::string& job_name) {
  const auto deadline = Clock::now() + settings_.job_timeout;
  auto pdf = render_badge(badge, layout, DocumentFormat::pdf);
  if (!pdf) return std::unexpected(PrintFault{PrinterState::error, pdf.error()});
  auto session = IppSession::open(settings_, uri_);
  if (!session) return std::unexpected(session.error());

  auto attributes = session->printer_attributes();
  if (!attributes) return std::unexpected(attributes.error());
  if (const auto before = map_ipp_printer_state(*attributes); is_fault(before.state))
    return std::unexpected(PrintFault{before.state, uri_ + ": " + before.detail});

  int job_id = 0;
  while (true) {
    auto submitted = session->print_job(*pdf, job_name);
    if (!submitted) return std::unexpected(submitted.error());
    job_id = *submitted;
    if (job_id != 0) break;
    if (Clock::now() >= deadline)
      return std::unexpected(PrintFault{PrinterState::error, uri_ + ": printer stayed busy for " +
                                                                 ms_text(settings_.job_timeout)});
    sleep_until_next_poll(settings_.poll_interval, deadline);
  }

  const std::string job = uri_ + " job " + std::to_string(job_id);
  while (true) {
    auto state = session->job_status(job_id);
    if (!state) return std::unexpected(state.error());
    if (state->state == IPP_JSTATE_COMPLETED) return {};
    if (state->state == IPP_JSTATE_ABORTED || state->state == IPP_JSTATE_CANCELED)
      return std::unexpected(PrintFault{
          PrinterState::error, job +
                                   (state->state == IPP_JSTATE_ABORTED ? " aborted" : " canceled") +
                                   (state->words.empty() ? "" : ": " + state->words)});
    const bool timed_out = Clock::now() >= deadline;
    if (state->state == IPP_JSTATE_STOPPED || timed_out) {
      // Stopped (out of media, say) or out of time: the attendee goes to the desk, so this job
      // must not print later on its own.
      auto printer = session->printer_attributes();
      const auto now_state = printer
                                 ? map_ipp_printer_state(*printer)
                                 : PrinterStatus{PrinterState::offline, printer.error().message};
      if (is_fault(now_state.state) || timed_out) {
        session->cancel_job(job_id);
        const PrinterState fault =
            is_fault(now_state.state) ? now_state.state : PrinterState::error;
        std::string why =
            timed_out ? " not completed within " + ms_text(settings_.job_timeout) : " stopped";
        if (!now_state.detail.empty()) why += " (" + now_state.detail + ")";
        return std::unexpected(PrintFault{fault, job + why + "; canceled"});
      }
    }
    sleep_until_next_poll(settings_.poll_interval, deadline);
  }
}

PrinterStatus IppPrinter::status() {
  auto session = IppSession::open(settings_, uri_);
  if (!session) return {session.error().state, session.error().message};
  auto attributes = session->printer_attributes();
  if (!attributes) return {attributes.error().state, attributes.error().message};
  return map_ipp_printer_state(*attributes);
}

std::string IppPrinter::describe() const {
  return "IPP printer " + uri_;
}

}  // namespace einlass
