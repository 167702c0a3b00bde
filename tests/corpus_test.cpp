// Invariants over every text in corpus/: parses without errors, every Ескерту/Сноска line is
// a note with events, every XML document validates, and the golden outputs match byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "test_util.hpp"
#include "zanline/output.hpp"
#include "zanline/parser.hpp"

namespace fs = std::filesystem;

namespace zanline {
namespace {

// Corpus-relative paths of every source text (expected outputs and documentation excluded).
std::vector<std::string> corpus_texts() {
  std::vector<std::string> out;
  const fs::path root(ZANLINE_CORPUS_DIR);
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string name = e.path().filename().string();
    const std::string ext = e.path().extension().string();
    if ((ext != ".md" && ext != ".txt") || name == "README.md" || name.find(".expected.") != std::string::npos)
      continue;
    out.push_back(fs::relative(e.path(), root).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

int count_note_lines(const std::string& text) {
  static const std::regex kNoteLine(R"(^\s*(> )?\*?(Ескерту|Сноска|ЕСКЕРТУ|СНОСКА)\.)");
  int n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) n += std::regex_search(line, kNoteLine);
  return n;
}

TEST(Corpus, HasTheExpectedTexts) {
  // At least: the seed, 9 kz-laws, 16 editions, 30 texts of the first five triples.
  EXPECT_GE(corpus_texts().size(), 56u);
}

TEST(Corpus, EveryTextParsesWithoutErrorsAndEveryNoteHasEvents) {
  int total_notes = 0;
  for (const std::string& rel : corpus_texts()) {
    SCOPED_TRACE(rel);
    const std::string text = testing::read_corpus(rel);
    const Document d = parse(text, {.source_name = rel});
    for (const Diagnostic& x : d.diagnostics)
      EXPECT_NE(x.severity, Severity::error) << format_diagnostic(rel, x);
    EXPECT_EQ(static_cast<int>(d.notes.size()), count_note_lines(text));
    for (const Note& n : d.notes) EXPECT_FALSE(n.events.empty()) << n.text;
    total_notes += static_cast<int>(d.notes.size());
    EXPECT_NE(d.meta.lang, Language::unknown);
    EXPECT_FALSE(d.body.empty());
  }
  EXPECT_GE(total_notes, 55);  // 55 in the first 56 texts
}

TEST(Corpus, LanguageDetection) {
  for (const std::string& rel : corpus_texts()) {
    const Document d = parse(testing::read_corpus(rel), {.source_name = rel});
    const bool rus = rel.find("rus") != std::string::npos;
    EXPECT_EQ(d.meta.lang, rus ? Language::ru : Language::kk) << rel;
  }
}

TEST(Corpus, EveryXmlValidatesAgainstTheSchema) {
  const fs::path dir = fs::temp_directory_path() / ("zanline-corpus-xml-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string files;
  int k = 0;
  for (const std::string& rel : corpus_texts()) {
    const fs::path out = dir / (std::to_string(k++) + ".xml");
    std::ofstream(out) << to_xml(parse(testing::read_corpus(rel), {.source_name = rel}));
    files += " " + out.string();
  }
  const std::string cmd = "xmllint --noout --schema " + std::string(ZANLINE_SCHEMA_DIR) +
                          "/document.xsd" + files + " 2>" + (dir / "log").string();
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << testing::read_file((dir / "log").string());
  fs::remove_all(dir);
}

// Golden outputs live beside their source as "<name>.expected.xml". Regenerate deliberately
// with ZANLINE_UPDATE_GOLDEN=1 and review the diff.
class Golden : public ::testing::TestWithParam<const char*> {};

TEST_P(Golden, XmlMatchesByteForByte) {
  const std::string rel = GetParam();
  const std::string xml = to_xml(parse(testing::read_corpus(rel), {.source_name = rel}));
  const fs::path src(rel);
  const std::string golden =
      testing::corpus_path((src.parent_path() / (src.stem().string() + ".expected.xml")).generic_string());
  if (std::getenv("ZANLINE_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << xml;
    GTEST_SKIP() << "updated " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with ZANLINE_UPDATE_GOLDEN=1";
  EXPECT_TRUE(xml == testing::read_file(golden)) << "differs from " << golden;
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, Golden,
    ::testing::Values("seed/order-130-nk-2022-04-19.kaz.txt",
                      "triples/holidays-10612_by_45379/after.rus.md",
                      "triples/holidays-10612_by_45379/amending.kaz.md",
                      "triples/security-council-123314_by_164356/amending.rus.md",
                      "triples/nf-transfer-126297_by_130472/after.kaz.md",
                      "editions/gov-143717/versions/2020-06-10.kaz.md",
                      "editions/gov-132554/versions/2021-05-26.rus.md",
                      "kz-laws/1021/kaz.md"),
    [](const auto& param_info) {
      std::string n = param_info.param;
      for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return n;
    });

}  // namespace
}  // namespace zanline
