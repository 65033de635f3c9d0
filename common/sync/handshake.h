#pragma once
// The first messages of a sync connection. Each side sends `version` with the protocol versions
// it speaks; both pick the highest they share, or the connection ends with an error that says
// which side to update. Then the kiosk says hello: who it is, what it runs, where its pull
// cursor stands.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sync/sync_error.h"

namespace einlass {

inline constexpr int kSyncProtocolVersion = 1;

struct VersionOffer {
  std::vector<int> versions;  // every version the sender speaks
  std::string software;       // "0.1.0", for the other side's logs and health page
  bool operator==(const VersionOffer&) const = default;
};

std::string encode_version_offer(const VersionOffer& offer);
SyncResult<VersionOffer> parse_version_offer(std::string_view payload);

// The highest version in both lists, or unsupported_version with a message for the log and the
// peer: "the server speaks sync protocol 1, the kiosk offers 2, 3: update the server".
SyncResult<int> negotiate_version(std::span<const int> ours, const VersionOffer& theirs,
                                  std::string_view we_are, std::string_view they_are);

struct Hello {
  std::string kiosk_id;
  std::string software;
  std::string cursor;  // empty before the first pull
  bool operator==(const Hello&) const = default;
};

std::string encode_hello(const Hello& hello);
SyncResult<Hello> parse_hello(std::string_view payload);

}  // namespace einlass
