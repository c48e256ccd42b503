// Errors as values: a closed set of kinds, a stable code, a message for people and the field at
// fault. Translated once at each edge (CLI exit code; HTTP status in a later layer).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace zeren {

enum class ErrorKind {
  invalid_argument,   // bad input; `field` names it
  not_found,          // a referenced thing does not exist
  conflict,           // would break uniqueness or a state rule (already loaded, duplicate name)
  permission_denied,  // the actor's role or scope does not allow it
  unavailable,        // the environment lacks something (e.g. OpenSSL without SM3)
  storage,            // the database failed, including a failed commit
  corruption,         // stored data does not verify
  unauthenticated,    // no valid log-in: wrong password, no session, session expired
  locked,             // the account is locked after repeated failed log-ins
  rate_limited,       // too many attempts from one client; try again later
};

const char* to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::invalid_argument;
  std::string code;     // stable slug, e.g. "invalid_share"
  std::string message;  // for people
  std::string field;    // the input field at fault, or empty

  static Error invalid(std::string field, std::string code, std::string message) {
    return {ErrorKind::invalid_argument, std::move(code), std::move(message), std::move(field)};
  }
  static Error not_found(std::string field, std::string message) {
    return {ErrorKind::not_found, "not_found", std::move(message), std::move(field)};
  }
  static Error conflict(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::conflict, std::move(code), std::move(message), std::move(field)};
  }
  static Error denied(std::string message) {
    return {ErrorKind::permission_denied, "forbidden", std::move(message), {}};
  }
  // A business rule refuses this actor for this particular thing (not the role matrix).
  static Error refused(std::string code, std::string message) {
    return {ErrorKind::permission_denied, std::move(code), std::move(message), {}};
  }
  // Role allowed, but the target belongs to a procuratorate outside the actor's scope.
  static Error out_of_scope(std::string message) {
    return {ErrorKind::permission_denied, "out_of_scope", std::move(message), {}};
  }
  static Error unauthenticated(std::string code, std::string message) {
    return {ErrorKind::unauthenticated, std::move(code), std::move(message), {}};
  }
  static Error storage(std::string message) {
    return {ErrorKind::storage, "storage_error", std::move(message), {}};
  }
};

// Result<T>: either a value or an Error. Result<void> is a status.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status ok_status() { return {}; }

}  // namespace zeren

// Returns early from the enclosing function with the error of `expr` when it failed.
#define ZEREN_TRY(expr)                                   \
  do {                                                    \
    auto zeren_try_status_ = (expr);                      \
    if (!zeren_try_status_.ok()) return zeren_try_status_.error(); \
  } while (0)
