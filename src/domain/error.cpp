#include "domain/error.hpp"

namespace zeren {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument: return "invalid_argument";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::permission_denied: return "permission_denied";
    case ErrorKind::unavailable: return "unavailable";
    case ErrorKind::storage: return "storage";
    case ErrorKind::corruption: return "corruption";
    case ErrorKind::unauthenticated: return "unauthenticated";
    case ErrorKind::locked: return "locked";
    case ErrorKind::rate_limited: return "rate_limited";
  }
  return "unknown";
}

}  // namespace zeren
