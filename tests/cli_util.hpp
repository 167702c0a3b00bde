// Running the zanline binary from tests: exit code, stdout and stderr of one invocation.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace zanline::testing {

struct CliResult {
  int exit_code = -1;  // -1 if the binary did not exit normally (killed by a signal)
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `<cli> <args>` (args already shell-quoted as needed) with stdin from `stdin_path`; stdout
// and stderr go through files in `scratch`.
inline CliResult run_cli(const std::string& cli, const std::string& args, const std::filesystem::path& scratch,
                         const std::filesystem::path& stdin_path = "/dev/null") {
  const std::filesystem::path out = scratch / ".stdout", err = scratch / ".stderr";
  const std::string cmd = shell_quote(cli) + " " + args + " <" + shell_quote(stdin_path.string()) + " >" +
                          shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  const int status = std::system(cmd.c_str());
  CliResult r;
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

}  // namespace zanline::testing
