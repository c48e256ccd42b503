#include "disk_probe.hpp"

#include <fcntl.h>
#include <sys/resource.h>
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

ProcessWork ProcessWork::operator-(const ProcessWork& before) const {
  return {written_bytes - before.written_bytes, write_calls - before.write_calls,
          user_s - before.user_s, system_s - before.system_s};
}

ProcessWork ProcessWork::operator+(const ProcessWork& other) const {
  return {written_bytes + other.written_bytes, write_calls + other.write_calls,
          user_s + other.user_s, system_s + other.system_s};
}

ProcessWork work_so_far() {
  ProcessWork w;
  std::ifstream io("/proc/self/io");
  std::string key;
  std::uint64_t value = 0;
  while (io >> key >> value) {
    if (key == "wchar:") w.written_bytes = value;
    if (key == "syscw:") w.write_calls = value;
  }
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) == 0) {
    const auto seconds = [](const timeval& t) {
      return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    w.user_s = seconds(usage.ru_utime);
    w.system_s = seconds(usage.ru_stime);
  }
  return w;
}

}  // namespace zeren::bench
