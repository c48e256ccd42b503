// A database connection with its prepared statements, and the pool of idle ones a store hands out
// one transaction at a time (PostgreSQL's connections, SQLite's read-only ones).
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

struct Connection {
  explicit Connection(std::unique_ptr<soci::session> s,
                      std::function<void(soci::statement&)> settle = {})
      : sql(std::move(s)), statements(std::make_unique<StatementCache>(*sql, std::move(settle))) {}
  std::unique_ptr<soci::session> sql;
  std::unique_ptr<StatementCache> statements;  // of sql, so gone before it
};

class ConnectionPool {
 public:
  ConnectionPool(std::vector<std::unique_ptr<soci::session>> sessions,
                 const std::function<void(soci::statement&)>& settle = {}) {
    for (auto& s : sessions) idle_.push_back(std::make_unique<Connection>(std::move(s), settle));
    size_ = idle_.size();
  }
  // How many connections the pool has, idle or not.
  std::size_t size() const { return size_; }
  // An idle connection, waiting for one when all are taken.
  std::unique_ptr<Connection> take() {
    std::unique_lock lock(mu_);
    idle_cv_.wait(lock, [&] { return !idle_.empty(); });
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return c;
  }
  void give(std::unique_ptr<Connection> c) {
    {
      std::lock_guard lock(mu_);
      idle_.push_back(std::move(c));
    }
    idle_cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable idle_cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t size_ = 0;
};

}  // namespace zeren::sql
