// A fresh PostgreSQL database per test on the throwaway cluster the CTest fixture `postgres`
// starts (scripts/pg-start.sh): its admin URL is in the file named by ZEREN_PG_URL_FILE. Each
// database is made by open_store itself (create = true) and dropped afterwards.
#pragma once

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "conformance.hpp"
#include "storage/postgres/pg_store.hpp"

namespace zeren::testing {

// The throwaway cluster's admin URL (…/postgres), or "" when this test run has none.
inline std::string postgres_admin_url() {
  const char* file = std::getenv("ZEREN_PG_URL_FILE");
  if (!file) return {};
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  return url;
}

// The admin URL with its database replaced by `name`.
inline std::string postgres_url_for(const std::string& admin, const std::string& name) {
  return admin.substr(0, admin.rfind('/') + 1) + name;
}

// Runs one statement on the cluster's admin database (CREATE / DROP DATABASE); throws on failure.
inline void postgres_admin_exec(const std::string& statement) {
  auto conninfo = postgres::conninfo_of(postgres_admin_url());
  if (!conninfo) throw std::runtime_error(conninfo.error().message);
  soci::session admin(soci::postgresql, *conninfo);
  admin << statement;
}

class PostgresFactory final : public StoreFactory {
 public:
  PostgresFactory() : admin_(postgres_admin_url()) {}
  ~PostgresFactory() override {
    if (admin_.empty() || made_.empty()) return;
    try {
      for (const auto& name : made_)
        postgres_admin_exec("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    } catch (const std::exception&) {
      // The cluster is thrown away after the run; a database left behind harms nothing.
    }
  }
  std::string name() const override { return "postgresql"; }
  Result<OpenedStore> open_fresh() override {
    const std::string name = "zt_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++);
    made_.push_back(name);
    url_ = postgres_url_for(admin_, name);
    StoreOptions o;
    o.database = url_;
    o.create = true;
    return open_store(o);
  }
  Result<OpenedStore> reopen() override {
    StoreOptions o;
    o.database = url_;
    return open_store(o);
  }

 private:
  static inline int counter_ = 0;
  std::string admin_, url_;
  std::vector<std::string> made_;
};

}  // namespace zeren::testing
