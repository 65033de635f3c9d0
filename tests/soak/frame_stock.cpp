#include "soak/frame_stock.h"

#include <cstdio>
#include <stdexcept>

#include "scan/jpeg_decoder.h"
#include "scan/qr_decoder.h"
#include "soak/venue_codes.h"
#include "support/files.h"
#include "support/frames/frame_maker.h"

namespace einlass::test {

FrameStock::FrameStock(const Plan& plan, std::filesystem::path folder,
                       const std::function<std::string(int)>& genuine)
    : plan_(plan), folder_(std::move(folder)) {
  std::filesystem::create_directories(folder_);
  for (const auto& scan : plan.scans) {
    // A foreign code names a made-up ticket; it is made from ticket 1's code.
    const int template_ticket =
        scan.code == CodeKind::other_event || scan.code == CodeKind::unknown_key ? 1 : scan.ticket;
    codes_.push_back(code_text(scan.code, scan.ticket, genuine(template_ticket)));
  }
  constexpr std::size_t kThreads = 2;
  failures_.resize(kThreads);
  for (std::size_t t = 0; t < kThreads; ++t)
    threads_.emplace_back([this, t] {
      try {
        make(t, kThreads);
      } catch (...) {
        failures_[t] = std::current_exception();
      }
    });
}

FrameStock::~FrameStock() {
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

void FrameStock::wait() {
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  for (const auto& failure : failures_)
    if (failure) std::rethrow_exception(failure);
}

std::string FrameStock::name(int scan) const {
  char text[32];
  std::snprintf(text, sizeof text, "s%05d.jpg", scan);
  return text;
}

void FrameStock::make(std::size_t from, std::size_t step) {
  auto jpeg = JpegDecoder::create();
  if (!jpeg) throw std::runtime_error("no JPEG decoder: " + jpeg.error().message);
  GrayImage read_back(1, 1, 0);
  for (std::size_t i = from; i < plan_.scans.size(); i += step) {
    const auto& scan = plan_.scans[i];
    for (std::uint32_t attempt = 0;; ++attempt) {
      const auto frame = make_frame(codes_[i], scan.style, scan.frame_seed + attempt);
      const auto bytes = encode_jpeg(frame.view());
      // As the kiosk reads the file: JPEG decoded, then every attempt of a still frame.
      QrDecoder decoder(FrameSequence::stills);
      const bool read = jpeg->decode(bytes, read_back, name(scan.id)) &&
                        decoder.decode(read_back.view()) == codes_[i];
      if (!read && attempt < 20) {
        ++remade_;
        continue;
      }
      write_file(path(scan.id), std::string(bytes.begin(), bytes.end()));
      break;
    }
  }
}

}  // namespace einlass::test
