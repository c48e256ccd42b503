// A fresh SQLite database file per test, in a temporary directory removed afterwards.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "conformance.hpp"

namespace zeren::testing {

class SqliteFactory final : public StoreFactory {
 public:
  // `readers`: read-only connections beside the writer, as `zeren serve` opens.
  explicit SqliteFactory(int readers = 0) : readers_(readers) {
    namespace fs = std::filesystem;
    dir_ = fs::temp_directory_path() /
           ("zeren-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~SqliteFactory() override { std::filesystem::remove_all(dir_); }
  std::string name() const override { return "sqlite"; }
  Result<OpenedStore> open_fresh() override {
    path_ = (dir_ / ("db" + std::to_string(counter_++) + ".sqlite")).string();
    return open_store(options(true));
  }
  Result<OpenedStore> reopen() override { return open_store(options(false)); }
  const std::string& path() const { return path_; }

 private:
  StoreOptions options(bool create) const {
    StoreOptions o{path_, create, std::nullopt};
    o.readers = readers_;
    return o;
  }
  static inline int counter_ = 0;
  int readers_;
  std::filesystem::path dir_;
  std::string path_;
};

}  // namespace zeren::testing
