// The views of the organisation a server has read (view_organisation), kept for as long as the
// organisation's version stays the one they were read at. Every page names its cases' 院,
// departments, units and people from such a view; at provincial scale reading one means thousands
// of rows, for an organisation that changes a few times a year. The database moves the version
// with every write of the organisation's tables (migration 13), in the writing transaction, so a
// view is reused only by transactions that see the organisation exactly as it was read.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace zeren::app {

struct OrganisationView;

class OrganisationCache {
 public:
  // What a view depends on: the version it was read at and the reach it was cut to.
  struct Key {
    std::int64_t version = 0;
    std::optional<std::int64_t> own;    // the reader's 院; none at the console
    std::vector<std::int64_t> reached;  // the 院 in reach, ascending
    auto operator<=>(const Key&) const = default;
  };

  std::shared_ptr<const OrganisationView> find(const Key& key) const;
  // Any view of `version` whose reach holds `procuratorate`: it holds all of that 院's
  // departments, units and people, whoever read it.
  std::shared_ptr<const OrganisationView> find_covering(std::int64_t version,
                                                        std::int64_t procuratorate) const;
  // Keeps `view` under `key`, dropping every view of another version (the organisation has
  // changed since) and, past kMaxViews, all of them (one per distinct reach: a few dozen).
  void keep(const Key& key, std::shared_ptr<const OrganisationView> view);
  std::size_t size() const;

  static constexpr std::size_t kMaxViews = 64;

 private:
  mutable std::mutex mutex_;
  std::map<Key, std::shared_ptr<const OrganisationView>> views_;
};

}  // namespace zeren::app
