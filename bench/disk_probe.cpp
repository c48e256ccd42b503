#include "disk_probe.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "bench_support.hpp"

namespace zeren::bench {

SyncLatency probe_sync_latency(const std::string& path, int count) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw std::runtime_error("open " + path + ": " + std::strerror(errno));
  const std::vector<char> block(4096, 'z');
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(count));
  std::string error;
  for (int i = 0; i < count && error.empty(); ++i) {
    const auto t0 = SteadyClock::now();
    if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size()))
      error = std::string("write: ") + std::strerror(errno);
    else if (::fdatasync(fd) != 0)
      error = std::string("fdatasync: ") + std::strerror(errno);
    ms.push_back(seconds_since(t0) * 1000.0);
  }
  ::close(fd);
  ::unlink(path.c_str());
  if (!error.empty()) throw std::runtime_error(path + ": " + error);
  return SyncLatency{quantile(ms, 0.5), quantile(ms, 0.99)};
}

std::uint64_t bytes_written_so_far() {
  std::ifstream io("/proc/self/io");
  std::string key;
  std::uint64_t value = 0;
  while (io >> key >> value)
    if (key == "wchar:") return value;
  return 0;
}

}  // namespace zeren::bench
