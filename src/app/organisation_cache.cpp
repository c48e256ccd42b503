#include "app/organisation_cache.hpp"

#include <algorithm>

namespace zeren::app {

std::shared_ptr<const OrganisationView> OrganisationCache::find(const Key& key) const {
  std::lock_guard lock(mutex_);
  auto at = views_.find(key);
  return at == views_.end() ? nullptr : at->second;
}

std::shared_ptr<const OrganisationView> OrganisationCache::find_covering(
    std::int64_t version, std::int64_t procuratorate) const {
  std::lock_guard lock(mutex_);
  for (const auto& [key, view] : views_)
    if (key.version == version &&
        std::binary_search(key.reached.begin(), key.reached.end(), procuratorate))
      return view;
  return nullptr;
}

void OrganisationCache::keep(const Key& key, std::shared_ptr<const OrganisationView> view) {
  std::lock_guard lock(mutex_);
  // A view read at an older version than those kept came from a transaction that began before
  // the organisation last changed: it is not kept. One at a newer version replaces them all.
  if (!views_.empty()) {
    const std::int64_t kept = views_.begin()->first.version;
    if (key.version < kept) return;
    if (key.version > kept || views_.size() >= kMaxViews) views_.clear();
  }
  views_[key] = std::move(view);
}

std::size_t OrganisationCache::size() const {
  std::lock_guard lock(mutex_);
  return views_.size();
}

}  // namespace zeren::app
