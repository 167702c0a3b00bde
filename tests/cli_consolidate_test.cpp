// zanline ingest / apply end to end: option order, exit codes 0/1/2, the JSON report a pipeline
// reads, and a re-ingest that changes nothing. Each test has a store of its own.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;

namespace zanline {
namespace {

using testing::CliResult;
using testing::shell_quote;

class ConsolidateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("zanline-consolidate-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const CliResult b = run("build " + corpus("acts/order-521-nk-2025") + " " +
                            corpus("triples/holidays-10612_by_40216/before.rus.md"));
    ASSERT_EQ(b.exit_code, 0) << b.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string corpus(const std::string& rel) { return shell_quote(testing::corpus_path(rel)); }
  CliResult run(const std::string& args) const {
    return testing::run_cli(ZANLINE_CLI, args + " --store " + shell_quote((dir_ / "store").string()), dir_);
  }
  std::map<std::string, std::string> snapshot() const { return testing::snapshot(dir_ / "store"); }

  fs::path dir_;
};

TEST_F(ConsolidateCli, SeedWithATargetBeforeTheFileAndAJsonReportAfterIt) {
  // --target takes one value: the file after it is not swallowed, whatever follows.
  const std::string seed = corpus("seed/order-130-nk-2022-04-19.kaz.txt");
  CliResult r = run("ingest --target 37/НҚ=215863 " + seed + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["act"], "order № 130/НҚ of 2022-04-19");
  EXPECT_EQ(j[0]["written"], true);
  EXPECT_EQ(j[0]["applied"], 2);
  EXPECT_EQ(j[0]["notApplied"], 0);
  EXPECT_EQ(j[0]["targets"][0]["id"], "215863");
  EXPECT_EQ(j[0]["targets"][0]["act"], "order № 37/НҚ of 2019-04-11");

  // The same act again: nothing to do, nothing rewritten.
  const auto before = snapshot();
  r = run("ingest " + seed + " --format json --target 37/НҚ=215863");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["targets"][0]["already"], true);
  EXPECT_TRUE(snapshot() == before);

  // --published takes one value as well; the seed's appendix 2 is in force 10 days after it.
  r = run("at --published 130/НҚ=2026-02-01 2026-02-12 215863 --unit app_2__para_2__point_2 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto a = nlohmann::json::parse(r.out);
  EXPECT_EQ(a["units"][0]["status"], "in_force");
  EXPECT_EQ(a["units"][0]["since"], "2026-02-12");
  EXPECT_EQ(a["units"][0]["by"], "order № 130/НҚ of 2022-04-19");
}

TEST_F(ConsolidateCli, DryRunReportsWhatWouldBeRecordedAndWritesNothing) {
  const auto before = snapshot();
  CliResult r = run("ingest --dry-run --target 37/НҚ=215863 " + corpus("seed/order-130-nk-2022-04-19.kaz.txt") +
                    " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j[0]["dryRun"], true);
  EXPECT_EQ(j[0]["written"], false);
  EXPECT_EQ(j[0]["applied"], 2);
  EXPECT_TRUE(snapshot() == before);
  r = run("ingest --dry-run --target 37/НҚ=215863 " + corpus("seed/order-130-nk-2022-04-19.kaz.txt"));
  EXPECT_NE(r.out.find("order № 37/НҚ of 2019-04-11 (215863): 2 applied, 0 not applied\n  dry run: nothing was written\n"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(snapshot() == before);
}

TEST_F(ConsolidateCli, AnActNotInTheStoreIsExit1AndWritesNothing) {
  const auto before = snapshot();
  CliResult r = run("ingest " + corpus("seed/order-130-nk-2022-04-19.kaz.txt"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // One line for an act that is not in the store (an omnibus act may cite a hundred of them).
  EXPECT_NE(r.out.find("\n  order № 37/НҚ of 2019-04-11 is not in the store: 2 instruction(s) not applied (line 27, 33)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("NOT recorded"), std::string::npos) << r.out;
  r = run("ingest " + corpus("seed/order-130-nk-2022-04-19.kaz.txt") + " --format json");
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j[0]["written"], false);
  ASSERT_EQ(j[0]["targets"][0]["failures"].size(), 2u);
  const auto& f = j[0]["targets"][0]["failures"][1];
  EXPECT_EQ(f["line"], 33);
  EXPECT_EQ(f["col"], 7);
  EXPECT_EQ(f["reason"], "the amended act order № 37/НҚ of 2019-04-11 is not in the store");
  EXPECT_EQ(f["instruction"].get<std::string>().rfind("көрсетілген бұйрықпен бекітілген меншікті", 0), 0u) << f;
  EXPECT_TRUE(snapshot() == before);
}

TEST_F(ConsolidateCli, AFailedInstructionIsReportedAsFileLineCol) {
  // The real amending law 40216 with its article number changed to one the law does not have.
  const std::string triple = testing::corpus_path("triples/holidays-10612_by_40216");
  std::string text = testing::read_file(triple + "/amending.rus.md");
  text.replace(text.find("статью 3"), std::string("статью 3").size(), "статью 30");
  // The folder names the amending act's code, as in corpus/triples ("<base>_by_<code>").
  fs::create_directories(dir_ / "bad_by_40216");
  std::ofstream(dir_ / "bad_by_40216/amending.rus.md", std::ios::binary) << text;
  const auto before = snapshot();
  const std::string bad = (dir_ / "bad_by_40216/amending.rus.md").string();
  CliResult r = run("ingest " + shell_quote(bad));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("\n  law of 2001-12-13 (10612): 0 applied, 1 not applied\n"
                       "    " + bad + ":5:1: not applied: the act has no unit art_30\n"
                       "      статью 30 дополнить абзацем седьмым следующего содержания:"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(snapshot() == before);
}

TEST_F(ConsolidateCli, UnreadableInputIsExit2) {
  std::ofstream(dir_ / "empty.txt").flush();
  CliResult r = run("ingest " + shell_quote((dir_ / "empty.txt").string()));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos) << r.err;
  r = run("ingest --target 37/НҚ " + corpus("seed/order-130-nk-2022-04-19.kaz.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--target: expected CITED=ACT"), std::string::npos) << r.err;
}

TEST_F(ConsolidateCli, ApplyPrintsTheConsolidatedUnitsWithoutAStore) {
  const std::string triple = "triples/holidays-10612_by_45379/";
  CliResult r = testing::run_cli(ZANLINE_CLI,
                                 "apply " + corpus(triple + "before.rus.md") + " " + corpus(triple + "amending.rus.md") +
                                     " --format json",
                                 dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["applied"], 2);
  EXPECT_EQ(j["notApplied"], 0);
  ASSERT_EQ(j["instructions"].size(), 2u);
  EXPECT_EQ(j["instructions"][0]["outcome"], "applied");
  EXPECT_EQ(j["instructions"][0]["changed"], nlohmann::json::array({"art_3__al_4"}));
  EXPECT_EQ(j["instructions"][1]["line"], 9);  // "абзац девятый исключить."
  // Deleting the last abzac makes the new last one end with "." instead of ";": reported.
  EXPECT_EQ(j["instructions"][1]["consequential"].size(), 1u) << j["instructions"][1].dump();
  std::string art3;
  for (const auto& u : j["units"])
    if (u["eId"] == "art_3") art3 = u["text"];
  EXPECT_NE(art3.find("Наурыз мейрамы - 21-23 марта;"), std::string::npos) << art3;
  EXPECT_EQ(art3.find("День Республики - 25 октября"), std::string::npos) << art3;
}

}  // namespace
}  // namespace zanline
