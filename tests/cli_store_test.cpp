// The store commands end to end: zanline build / acts / at / history, their exit codes and
// formats, on a store built from the bundled corpus.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;

namespace zanline {
namespace {

using testing::CliResult;

class StoreCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("zanline-store-cli-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    build_ = run("build " + testing::shell_quote(ZANLINE_CORPUS_DIR));
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static CliResult run(const std::string& args) {
    return testing::run_cli(ZANLINE_CLI, args + " --store " + testing::shell_quote((dir_ / "store").string()), dir_);
  }

  static inline fs::path dir_;
  static inline CliResult build_;
};

TEST_F(StoreCli, BuildSummarises) {
  EXPECT_EQ(build_.exit_code, 0) << build_.err;
  EXPECT_NE(build_.out.find(" acts, "), std::string::npos) << build_.out;
  EXPECT_TRUE(fs::exists(dir_ / "store/index.tsv"));
  EXPECT_TRUE(fs::exists(dir_ / "store/acts/10612/timeline.xml"));
}

TEST_F(StoreCli, SeedStatusesThroughTheCli) {
  CliResult r = run("at 2022-04-20 130/НҚ --unit 2-тармақ");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(": pending"), std::string::npos) << r.out;
  r = run("at 2022-05-08 27788 --published 2022-04-28 --format json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(r.out)["status"], "not_yet_in_force");
  r = run("at 2022-05-09 27788 --published 2022-04-28 --format json --unit para_4");
  EXPECT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["status"], "in_force");
  EXPECT_EQ(j["units"][0]["since"], "2022-05-09");
  r = run("at 2026-01-01 /akn/kz/act/order/2022-04-19/130-nk --format json");
  EXPECT_EQ(r.exit_code, 1);
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["status"], "repealed");
  EXPECT_EQ(j["by"], "order № 521/НҚ of 2025-10-20");
}

TEST_F(StoreCli, HumanUnitPathsInKazakhAndRussian) {
  CliResult r = run("at 2021-07-01 132554 --lang ru --unit 'пункт 1 подпункт 2)' --published 350=2021-05-27 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["units"][0]["eId"], "para_1__point_2");
  EXPECT_EQ(j["units"][0]["text"], "с использованием планшетов в период с 1 по 30 октября 2021 года.");
  r = run("at 2021-07-01 132554 --unit '1-тармақ 2) тармақша' --published 350=2021-05-27 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["units"][0]["eId"], "para_1__point_2");
  EXPECT_EQ(nlohmann::json::parse(r.out)["lang"], "kk");
  // Law 95275 has chapters: "статья 12" is chp_3__art_12, the only unit that ends so; "пункт 1"
  // of that law could be any article's and is an error naming them.
  r = run("at 2021-01-01 95275 --lang ru --unit 'статья 12' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["units"][0]["eId"], "chp_3__art_12");
  // The act before the date(s) or after them: both read as meant.
  r = run("at 95275 2021-01-01 --lang ru --unit 'статья 12' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["date"], "2021-01-01");
  r = run("diff 2005-01-01 2010-01-01 10612 --unit art_3 --lang ru --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run("at 2021-01-01 95275 --lang ru --unit 'пункт 1'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("\"пункт 1\" (para_1) could be chp_1__art_3__para_1 chp_3__art_10__para_1"), std::string::npos)
      << r.err;
}

TEST_F(StoreCli, XmlAnswerValidates) {
  CliResult r = run("at 2020-06-10 143717 --format xml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path f = dir_ / "answer.xml";
  std::ofstream(f) << r.out;
  const std::string cmd = "xmllint --noout --schema " + std::string(ZANLINE_SCHEMA_DIR) + "/answer.xsd " +
                          f.string() + " 2>/dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << r.out.substr(0, 400);
}

TEST_F(StoreCli, ErrorsAreExit2WithAClearMessage) {
  CliResult r = run("at 2021-02-30 130/НҚ");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is not a date"), std::string::npos) << r.err;
  r = run("at 2022-01-01 999/XX");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no act \"999/XX\""), std::string::npos) << r.err;
  r = run("at 2022-01-01 130/НҚ --unit 'пункт 99'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has no unit"), std::string::npos) << r.err;
  r = testing::run_cli(ZANLINE_CLI, "acts --store " + testing::shell_quote((dir_ / "nowhere").string()), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no store at"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "nowhere"));
}

TEST_F(StoreCli, AnAmbiguousActIsAnErrorListingTheCandidates) {
  const fs::path other = dir_ / "two";
  fs::create_directories(other);
  std::ofstream(other / "index.tsv") << "id\turi\ttype\tdate\tnumber\tregistration\tact_code\ttitle\n"
                                     << "a\t/akn/kz/act/order/2020-01-01/5\torder\t2020-01-01\t5\t\t\tA\n"
                                     << "b\t/akn/kz/act/decree/2021-01-01/5\tdecree\t2021-01-01\t5\t\t\tB\n";
  CliResult r = testing::run_cli(ZANLINE_CLI, "at 2021-06-01 5 --store " + testing::shell_quote(other.string()), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("\"5\" is ambiguous"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/akn/kz/act/order/2020-01-01/5"), std::string::npos);
  EXPECT_NE(r.err.find("/akn/kz/act/decree/2021-01-01/5"), std::string::npos);
}

TEST_F(StoreCli, ActsAndHistory) {
  CliResult r = run("acts --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(nlohmann::json::parse(r.out).size(), 15u);
  r = run("acts --in-force 1990-01-01");
  EXPECT_EQ(r.exit_code, 1);
  r = run("history 10612 --unit art_3 --lang ru --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto h = nlohmann::json::parse(r.out);
  ASSERT_EQ(h.size(), 3u);  // original (2001), 47-IV (2008), 152-IV (2009)
  EXPECT_EQ(h[1]["by"], "law № 47-IV of 2008-06-25");
  EXPECT_EQ(h[2]["by"], "law № 152-IV of 2009-04-22");
}

TEST_F(StoreCli, RebuildTouchesNothing) {
  const auto before = fs::last_write_time(dir_ / "store/acts/10612/timeline.xml");
  CliResult r = run("build " + testing::shell_quote(ZANLINE_CORPUS_DIR));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(fs::last_write_time(dir_ / "store/acts/10612/timeline.xml"), before);
}

TEST_F(StoreCli, UnreadableInputLeavesTheStoreUnchanged) {
  const fs::path bad = dir_ / "bad";
  fs::create_directories(bad);
  std::ofstream(bad / "x.md", std::ios::binary) << std::string("\xD0\x90\xFF\xFE", 4);
  const std::string index_before = testing::read_file((dir_ / "store/index.tsv").string());
  CliResult r = run("build " + testing::shell_quote(bad.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not valid UTF-8"), std::string::npos) << r.err;
  EXPECT_EQ(testing::read_file((dir_ / "store/index.tsv").string()), index_before);
}

}  // namespace
}  // namespace zanline
