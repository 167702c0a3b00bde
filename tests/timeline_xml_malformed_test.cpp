// Tests for timeline_from_xml (zanline/timeline.hpp) on malformed input: each kind of mistake
// gives nullopt and a message naming the line (and the schema rejects it as well); garbage,
// truncated and mutated files never crash. On the hand-built timelines of
// timeline_xml_fixtures.hpp; writing and round trips: timeline_xml_test.cpp.
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "timeline_xml_fixtures.hpp"
#include "zanline/timeline.hpp"

namespace zanline {
namespace {

using namespace zanline::testing;

// --- malformed input -----------------------------------------------------------------------------

struct Malformed {
  const char* name;
  std::string xml;
  std::string error;    // expected to occur in the message
  bool schema_rejects;  // xmllint against timeline.xsd says no as well
};

std::vector<Malformed> malformed_inputs() {
  const std::string good = timeline_to_xml(holidays_timeline());
  const std::string e3 = "<event id=\"e3\" type=\"amended\" date=\"2008-06-25\">";
  const std::string excluded = "status=\"excluded\"";
  return {
      {"empty", "", "not well-formed XML", false},
      {"not a timeline", "<x/>", "root element is <x>, expected <timeline>", false},
      {"no namespace", "<timeline><identity/><events/><sources/></timeline>",
       "<timeline> has no namespace", false},
      {"document namespace", replace(good, kNamespace, "urn:zanline:document:1"),
       "namespace 'urn:zanline:document:1', expected urn:zanline:timeline:1", true},
      {"bad date", replace(good, e3, "<event id=\"e3\" type=\"amended\" date=\"2021-02-30\">"),
       "event e3: bad date '2021-02-30'", true},
      {"bad registered date",
       replace(good, "<identity type=\"law\"", "<identity registered=\"30.12.2001\" type=\"law\""),
       "identity: bad date '30.12.2001' in registered", true},
      {"unknown status", replace(good, excluded, "status=\"deleted\""),
       "expression ru: unit art_3__al_9: version 2: unknown status 'deleted'", true},
      {"unknown event type", replace(good, "type=\"amended\"", "type=\"changed\""),
       "event e3: unknown type 'changed'", true},
      {"unknown rule", replace(good, "rule=\"from-publication\"", "rule=\"soon\""),
       "event e2: effective: unknown rule 'soon'", true},
      {"unknown language", replace(good, "<expression lang=\"kk\">", "<expression lang=\"en\">"),
       "expression en: unknown lang 'en'", true},
      {"missing event id", replace(good, e3, "<event type=\"amended\" date=\"2008-06-25\">"),
       "event #3: missing attribute id on <event>", true},
      {"missing status", replace(good, " " + excluded, ""),
       "version 2: missing attribute status on <version>", true},
      {"missing unit kind", replace(good, " kind=\"part\"", ""),
       "unit art_3__al_9: missing attribute kind on <unit>", true},
      {"duplicate event id", replace(good, "<event id=\"e4\"", "<event id=\"e3\""),
       "event e3: duplicate event id", true},
      {"duplicate unit", replace(good, "eId=\"art_3__al_9\"", "eId=\"art_3\""),
       "unit art_3: duplicate unit eId", true},
      {"second expression in a language",
       replace(good, "<expression lang=\"kk\">", "<expression lang=\"ru\">"),
       "expression ru: second expression in this language", true},
      {"version from an unknown event", replace(good, "from=\"e4\"", "from=\"e9\""),
       "no event 'e9' in <events>", true},
      {"version from an unknown source", replace(good, "source=\"s6\"", "source=\"s7\""),
       "no source 's7' in <sources>", true},
      {"bad amount", replace(good, "rule=\"from-publication\"", "amount=\"ten\""),
       "event e2: effective: bad amount 'ten'", true},
      {"unknown element", replace(good, "<sources>", "<sources>\n    <file />"),
       "sources: unexpected element <file> in <sources>", true},
      {"elements out of order", replace(good, "</timeline>", "  <identity />\n</timeline>"),
       "timeline: <identity> out of order in <timeline>", true},
      {"events twice", replace(good, "<sources>", "<events />\n  <sources>"),
       "timeline: <events> given twice in <timeline>", true},
      {"missing events",
       "<timeline xmlns=\"urn:zanline:timeline:1\"><identity/><sources/></timeline>",
       "timeline: missing <events> before <sources> in <timeline>", true},
      {"no children", "<timeline xmlns=\"urn:zanline:timeline:1\"/>",
       "timeline: missing <identity> in <timeline>", true},
      {"unknown attribute", replace(good, "<identity ", "<identity lang=\"ru\" "),
       "identity: unexpected attribute 'lang' on <identity>", true},
      {"text in a container", replace(good, "<events>", "<events>stray"),
       "events: unexpected text 'stray\\n    '", true},
      {"element in a text", replace(good, "<sourceCode>45379", "<sourceCode><b>45379</b>"),
       "event e4: unexpected element <b> in <sourceCode>", true},
      {"character reference to a control character",
       replace(good, "<sourceCode>45379", "<sourceCode>45379&#1;"),
       "event e4: <sourceCode> holds invalid UTF-8", false},
      {"bad sha256", replace(good, "sha256=\"976f", "sha256=\"976F"),
       "source s6: sha256 is not 64 lowercase hex digits", true},
      {"truncated", good.substr(0, good.size() / 2), "not well-formed XML", false},
  };
}

TEST(TimelineXmlTest, MalformedInputsGiveNulloptAndAnError) {
  const bool lint = xmllint_available();
  for (const Malformed& m : malformed_inputs()) {
    SCOPED_TRACE(m.name);
    std::string error;
    std::optional<Timeline> t;
    ASSERT_NO_THROW(t = timeline_from_xml(m.xml, &error));
    EXPECT_FALSE(t);
    EXPECT_EQ(error.rfind("timeline.xml:", 0), 0u) << error;
    EXPECT_NE(error.find(m.error), std::string::npos) << error;
    if (lint && m.schema_rejects) {
      EXPECT_NE(schema_errors(m.xml), "") << "the schema accepts it";
    }
  }
}

TEST(TimelineXmlTest, ErrorNamesTheLine) {
  const std::string good = timeline_to_xml(holidays_timeline());
  const std::string e3 = "<event id=\"e3\" type=\"amended\" date=\"2008-06-25\">";
  const std::string bad =
      replace(good, e3, "<event id=\"e3\" type=\"amended\" date=\"2021-02-30\">");
  std::string error;
  EXPECT_FALSE(timeline_from_xml(bad, &error));
  EXPECT_EQ(error, "timeline.xml:" + std::to_string(line_of(good, e3)) +
                       ": event e3: bad date '2021-02-30'");
  EXPECT_FALSE(timeline_from_xml("", nullptr)) << "error may be null";
}

TEST(TimelineXmlTest, MegabyteOfGarbageGivesAnError) {
  std::mt19937 rng(20011213);
  std::string garbage(1 << 20, '\0');
  for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
  std::string error;
  EXPECT_FALSE(timeline_from_xml(garbage, &error));
  EXPECT_FALSE(error.empty());

  // Well-formed but deep: a hundred thousand nested elements under an unknown root.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  error.clear();
  EXPECT_FALSE(timeline_from_xml(deep, &error));
  EXPECT_NE(error.find("root element is <a>"), std::string::npos) << error;

  // A megabyte inside an attribute: the message quotes only its start.
  const std::string huge = replace(timeline_to_xml(seed_timeline()), "date=\"2022-04-19\"",
                                   "date=\"" + std::string(1 << 20, '7') + "\"");
  error.clear();
  EXPECT_FALSE(timeline_from_xml(huge, &error));
  EXPECT_NE(error.find("bad date '7777"), std::string::npos);
  EXPECT_LT(error.size(), 200u);
}

// Every proper prefix of a valid file is rejected; every one-byte change is either rejected
// with a message or read into a timeline that then round-trips.
TEST(TimelineXmlTest, TruncatedAndMutatedFilesNeverCrash) {
  const std::string good = timeline_to_xml(seed_timeline());
  for (std::size_t n = 0; n + 1 < good.size(); n += 13) {  // the final "\n" is not needed
    std::string error;
    EXPECT_FALSE(timeline_from_xml(good.substr(0, n), &error)) << n;
    EXPECT_FALSE(error.empty()) << n;
  }
  std::mt19937 rng(130);
  const char alphabet[] =
      "<>/=\"'&;# \n\x01\xff"
      "a-e1";
  for (int i = 0; i < 2000; ++i) {
    std::string mutated = good;
    mutated[rng() % mutated.size()] = alphabet[rng() % (sizeof alphabet - 1)];
    std::string error;
    const std::optional<Timeline> t = timeline_from_xml(mutated, &error);
    if (!t) {
      EXPECT_FALSE(error.empty());
      continue;
    }
    const std::string once = timeline_to_xml(*t);
    const std::optional<Timeline> again = timeline_from_xml(once, &error);
    ASSERT_TRUE(again) << error << "\n" << once;
    EXPECT_EQ(timeline_to_xml(*again), once);
  }
}

}  // namespace
}  // namespace zanline
