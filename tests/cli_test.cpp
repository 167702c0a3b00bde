// Black-box tests of the `zanline` executable: exit codes, stdout/stderr separation, and that
// hostile inputs (empty, binary, invalid UTF-8, a 50 MB line, a directory) end in one clear
// diagnostic and exit 2 — never a crash, never half an output.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli_util.hpp"

namespace fs = std::filesystem;
using zanline::testing::CliResult;
using zanline::testing::run_cli;
using zanline::testing::shell_quote;
using zanline::testing::slurp;

namespace {

const std::string kCli = ZANLINE_CLI;
const fs::path kCorpus = ZANLINE_CORPUS_DIR;
const fs::path kSeed = kCorpus / "seed" / "order-130-nk-2022-04-19.kaz.txt";

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << p;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("zanline-cli-test-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs `zanline <args>` with stdin from `stdin_path` (or /dev/null).
  CliResult zanline(const std::string& args, const fs::path& stdin_path = "/dev/null") {
    return run_cli(kCli, args, dir_, stdin_path);
  }

  fs::path file(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    write_file(p, bytes);
    return p;
  }

  // A bad input: exit 2, nothing on stdout, and stderr is a short report in the
  // "file:line:col: error: message" form (line:col optional) that names the file.
  void expect_rejected(const fs::path& input) {
    const std::string name = input.string();
    const CliResult r = zanline("parse " + shell_quote(name));
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_LE(r.err.size(), 4096u) << "stderr floods: " << r.err.substr(0, 500);
    const std::vector<std::string> lines = lines_of(r.err);
    ASSERT_FALSE(lines.empty()) << "no diagnostic on stderr";
    int errors = 0;
    for (const std::string& line : lines) {
      EXPECT_EQ(line.rfind(name + ":", 0), 0u) << "diagnostic does not name the file: " << line;
      EXPECT_LE(line.size(), 300u) << "diagnostic line too long: " << line.substr(0, 300);
      if (line.find(": error: ") != std::string::npos) ++errors;
    }
    EXPECT_GE(errors, 1) << r.err;
    static const std::regex kForm(R"(^.+?(:\d+:\d+)?: (note|warning|error): .+$)");
    for (const std::string& line : lines) EXPECT_TRUE(std::regex_match(line, kForm)) << line;
  }

  fs::path dir_;
};

TEST_F(CliTest, VersionPrintsNameAndVersion) {
  const CliResult r = zanline("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "zanline 0.1.0\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, HelpDescribesParseWithExamples) {
  const CliResult r = zanline("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("parse"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("zanline parse order.txt --format json"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cat act.md | zanline parse - --format text"), std::string::npos);
}

TEST_F(CliTest, ParseHelpListsItsFlags) {
  const CliResult r = zanline("parse --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--format", "--format-in", "--no-repair", "--output"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag << " missing in\n" << r.out;
}

TEST_F(CliTest, NoSubcommandIsUsageError) {
  const CliResult r = zanline("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err, "");
}

TEST_F(CliTest, UnknownSubcommandIsUsageError) {
  const CliResult r = zanline("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnknownFlagIsUsageError) {
  EXPECT_EQ(zanline("--frobnicate").exit_code, 2);
  const CliResult r = zanline("parse " + shell_quote(kSeed.string()) + " --frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
}

TEST_F(CliTest, BadFlagValuesAreUsageErrors) {
  const std::string seed = shell_quote(kSeed.string());
  EXPECT_EQ(zanline("parse " + seed + " --format yaml").exit_code, 2);
  EXPECT_EQ(zanline("parse " + seed + " --format-in html").exit_code, 2);
  EXPECT_EQ(zanline("parse").exit_code, 2);  // FILE is required
}

TEST_F(CliTest, MissingFileSaysCannotOpen) {
  const std::string missing = (dir_ / "no-such-act.txt").string();
  const CliResult r = zanline("parse " + shell_quote(missing));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "zanline: error: cannot open " + missing + ": No such file or directory\n");
}

TEST_F(CliTest, DirectoryIsRefused) {
  const CliResult r = zanline("parse " + shell_quote(dir_.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "zanline: error: " + dir_.string() + " is a directory\n");
}

TEST_F(CliTest, FileOver64MiBIsRefusedWithoutReadingIt) {
  const fs::path big = dir_ / "big.txt";
  write_file(big, "");
  fs::resize_file(big, (64u << 20) + 1);  // sparse: costs no disk
  const CliResult r = zanline("parse " + shell_quote(big.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "zanline: error: " + big.string() + " is larger than 64 MiB\n");
}

TEST_F(CliTest, EmptyFileIsRejected) { expect_rejected(file("empty.txt", "")); }

TEST_F(CliTest, BinaryFileIsRejected) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  expect_rejected(file("binary.bin", bytes));
}

TEST_F(CliTest, InvalidUtf8IsRejected) {
  expect_rejected(file("bad-utf8.txt", "\xD0\x90\xFF\xFE text\n"));
}

TEST_F(CliTest, FiftyMegabyteSingleLineIsRejected) {
  const std::string chunk = "аба abc Қазақстан ";  // Cyrillic and ASCII, no newline
  std::string bytes;
  bytes.reserve(50u << 20);
  while (bytes.size() + chunk.size() <= (50u << 20)) bytes += chunk;
  bytes.append((50u << 20) - bytes.size(), 'x');
  expect_rejected(file("one-line.txt", bytes));
}

TEST_F(CliTest, StdinIsReadForDash) {
  const CliResult r = zanline("parse - --format text", kSeed);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(CliTest, EmptyStdinIsRejected) {
  const CliResult r = zanline("parse -");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;
}

TEST_F(CliTest, OutputFileGetsTheXmlThatStdoutWouldShow) {
  const fs::path out = dir_ / "order.xml";
  const std::string seed = shell_quote(kSeed.string());
  const CliResult to_file = zanline("parse " + seed + " -o " + shell_quote(out.string()));
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  ASSERT_TRUE(fs::exists(out));
  const std::string xml = slurp(out);
  EXPECT_EQ(xml.rfind("<", 0), 0u) << xml.substr(0, 200);
  EXPECT_NE(xml.find("urn:zanline:document:1"), std::string::npos);

  const CliResult to_stdout = zanline("parse " + seed + " --format xml");
  ASSERT_EQ(to_stdout.exit_code, 0);
  EXPECT_EQ(xml, to_stdout.out);

  // No temporary files left beside the output.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"order.xml"});
}

TEST_F(CliTest, OutputFileIsNotTouchedWhenInputHasErrors) {
  const fs::path out = dir_ / "out.xml";
  write_file(out, "previous result\n");
  const fs::path empty = file("empty.txt", "");
  const CliResult r =
      zanline("parse " + shell_quote(empty.string()) + " -o " + shell_quote(out.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(slurp(out), "previous result\n");

  const fs::path fresh = dir_ / "fresh.xml";
  EXPECT_EQ(zanline("parse " + shell_quote(empty.string()) + " -o " + shell_quote(fresh.string()))
                .exit_code,
            2);
  EXPECT_FALSE(fs::exists(fresh));
}

TEST_F(CliTest, UnwritableOutputIsAnError) {
  const fs::path out = dir_ / "no-such-dir" / "out.xml";
  const CliResult r =
      zanline("parse " + shell_quote(kSeed.string()) + " -o " + shell_quote(out.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("zanline: error: cannot write " + out.string()), std::string::npos) << r.err;
}

TEST_F(CliTest, RepairAndInputFormatFlagsAreAccepted) {
  const std::string seed = shell_quote(kSeed.string());
  EXPECT_EQ(zanline("parse " + seed + " --no-repair --format json").exit_code, 0);
  EXPECT_EQ(zanline("parse " + seed + " --format-in plain --format text").exit_code, 0);
}

}  // namespace
