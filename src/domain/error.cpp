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
  }
  return "unknown";
}

}  // namespace zeren
