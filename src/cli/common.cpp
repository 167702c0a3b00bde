#include "cli/common.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <system_error>

namespace zanline::cli {
namespace {

std::string errno_text(int err) { return std::system_category().message(err); }

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

int fail(std::string_view message) {
  std::cerr << "zanline: error: " << message << "\n";
  return kExitError;
}

// Writes `data` to `path` so that readers see either the old file or the whole new one: a
// temporary file in the same directory is written, flushed and renamed over `path`. A symlink is
// followed (the link stays), an existing file keeps its permissions, and devices or FIFOs
// (-o /dev/null) are written in place, never replaced. Returns "" or an error message.
std::string write_file_atomically(const std::string& path, std::string_view data) {
  namespace fs = std::filesystem;
  const std::string failed = "cannot write " + path + ": ";
  fs::path target(path);
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return path + " is a directory";
  if (exists && !S_ISREG(st.st_mode)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) return failed + errno_text(errno);
    const bool ok = write_all(fd, data);
    const int err = errno;
    ::close(fd);
    return ok ? "" : failed + errno_text(err);
  }
  if (exists && fs::is_symlink(target)) {
    std::error_code ec;
    fs::path real = fs::canonical(target, ec);
    if (ec) return failed + ec.message();
    target = real;
  }

  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string stem = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid());
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    tmp = (dir / (stem + "-" + std::to_string(attempt))).string();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);  // umask applies
    if (fd < 0 && errno != EEXIST) return failed + errno_text(errno);
  }
  if (fd < 0) return failed + "no free temporary file name";

  int err = 0;
  if (exists && ::fchmod(fd, st.st_mode & 07777) != 0) err = errno;
  if (err == 0 && (!write_all(fd, data) || ::fsync(fd) != 0)) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    return failed + errno_text(err);
  }
  return "";
}

// Result text to stdout (when output_path is "" or "-") or atomically to a file.
int emit(const std::string& output_path, std::string_view text) {
  if (output_path.empty() || output_path == "-") {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout.flush();
    if (!std::cout) return fail("cannot write to stdout");
    return kExitOk;
  }
  if (std::string err = write_file_atomically(output_path, text); !err.empty()) return fail(err);
  return kExitOk;
}

}  // namespace zanline::cli
