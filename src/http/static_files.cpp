#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace zeren::http {

namespace {

std::string type_of(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

bool read_file(const std::filesystem::path& p, std::string& out) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  out = s.str();
  return true;
}

}  // namespace

Response serve_static(const std::string& root, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(root, ec);
  fs::path target = fs::weakly_canonical(base / fs::path(path).relative_path(), ec);
  // Nothing outside the web root, whatever the path says.
  const auto rel = target.lexically_relative(base).string();
  const bool inside = !ec && !rel.empty() && rel.rfind("..", 0) != 0;
  Response r;
  if (!inside || !fs::is_regular_file(target, ec)) target = base / "index.html";
  if (!read_file(target, r.body)) {
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "not found\n";
    return r;
  }
  r.content_type = type_of(target);
  // Vite's hashed assets never change; index.html must be revalidated.
  r.headers.emplace_back("Cache-Control", target.filename() == "index.html"
                                              ? "no-cache"
                                              : "public, max-age=31536000, immutable");
  return r;
}

}  // namespace zeren::http
