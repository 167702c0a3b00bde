// read_input: a whole file or stdin as bytes, refusing directories and oversized inputs before
// reading them. No decoding here: the parser checks UTF-8 and reports where it breaks.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>
#include <system_error>

#include "zanline/io.hpp"

namespace zanline {
namespace {

std::string errno_text(int err) { return std::system_category().message(err); }

// "64 MiB" for whole mebibytes, "1000 bytes" otherwise.
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::string too_large(const std::string& name, std::size_t max_bytes) {
  return name + " is larger than " + size_text(max_bytes);
}

// Reads fd to EOF, stopping as soon as more than max_bytes arrived (pipes and devices have no
// size to check up front, and a regular file may grow while we read it).
ReadResult read_fd(int fd, const std::string& name, std::size_t max_bytes, std::size_t size_hint) {
  ReadResult r;
  if (size_hint > 0) r.bytes.reserve(size_hint);
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      r.bytes.clear();
      r.error = "cannot read " + name + ": " + errno_text(errno);
      return r;
    }
    if (n == 0) break;
    if (r.bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
      r.bytes.clear();
      r.bytes.shrink_to_fit();
      r.error = too_large(name, max_bytes);
      return r;
    }
    r.bytes.append(buf, static_cast<std::size_t>(n));
  }
  return r;
}

// Checks what fd is before reading it: directories and regular files over the limit are refused.
ReadResult read_checked(int fd, const std::string& name, std::size_t max_bytes) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return {{}, "cannot stat " + name + ": " + errno_text(errno)};
  if (S_ISDIR(st.st_mode)) return {{}, name + " is a directory"};
  std::size_t size_hint = 0;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes)
      return {{}, too_large(name, max_bytes)};
    size_hint = static_cast<std::size_t>(st.st_size);
  }
  return read_fd(fd, name, max_bytes, size_hint);
}

}  // namespace

ReadResult read_input(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return read_checked(STDIN_FILENO, "stdin", max_bytes);

  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {{}, "cannot open " + path + ": " + errno_text(errno)};
  ReadResult r = read_checked(fd, path, max_bytes);
  ::close(fd);
  return r;
}

}  // namespace zanline
