#include "storage/sql/statement_cache.hpp"

#include <algorithm>

namespace zeren::sql {

namespace {
// More distinct statements than the repositories have: a query text built from values (which
// should not come here) cannot grow the cache without bound.
constexpr std::size_t kMaxStatements = 512;
}  // namespace

StatementCache::StatementCache(soci::session& sql, std::function<void(soci::statement&)> settle)
    : sql_(sql), settle_(std::move(settle)) {}

StatementCache::~StatementCache() = default;

soci::statement& StatementCache::prepared(const std::string& query) {
  soci::statement* st = nullptr;
  if (auto at = statements_.find(query); at != statements_.end()) {
    st = at->second.get();
  } else {
    auto fresh = std::make_unique<soci::statement>(sql_);
    fresh->alloc();
    fresh->prepare(query);  // throws before anything is kept
    st = fresh.get();
    if (statements_.size() < kMaxStatements)
      statements_.emplace(query, std::move(fresh));
    else
      overflow_.push_back(std::move(fresh));
  }
  note_used(*st);
  return *st;
}

void StatementCache::note_used(soci::statement& st) {
  if (settle_ && std::find(used_.begin(), used_.end(), &st) == used_.end()) used_.push_back(&st);
}

bool StatementCache::execute_kept(const std::string& query, soci::statement& st) {
  try {
    const bool read = st.execute(true);
    if (settle_) settle_(st);
    return read;
  } catch (...) {
    used_.erase(std::remove(used_.begin(), used_.end(), &st), used_.end());
    kept_.erase(query);
    throw;
  }
}

void StatementCache::forget(const std::string& query) {
  auto at = statements_.find(query);
  if (at == statements_.end()) return;
  used_.erase(std::remove(used_.begin(), used_.end(), at->second.get()), used_.end());
  statements_.erase(at);
}

void StatementCache::settle() {
  if (settle_)
    for (auto* st : used_) settle_(*st);
  used_.clear();
  overflow_.clear();
}

void StatementCache::clear() {
  used_.clear();
  overflow_.clear();
  statements_.clear();
  kept_.clear();
}

}  // namespace zeren::sql
