// Tests for timeline_to_xml / timeline_from_xml (zanline/timeline.hpp) and schema/timeline.xsd:
// round trips, what a plain XML reader sees, schema validation and enumerations, characters, on
// the hand-built timelines of timeline_xml_fixtures.hpp (the holidays law 267-II and the seed
// order No. 130/НҚ). Malformed input: timeline_xml_malformed_test.cpp.
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "test_util.hpp"
#include "timeline_xml_fixtures.hpp"
#include "zanline/timeline.hpp"

namespace zanline {
namespace {

using namespace zanline::testing;

// --- helpers -------------------------------------------------------------------------------------

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : "(none)"; }

// Field by field, so a failure names the field.
void expect_same(const ActRef& a, const ActRef& b) {
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.issuer, b.issuer);
  EXPECT_EQ(iso(a.date), iso(b.date));
  EXPECT_EQ(a.number, b.number);
  EXPECT_EQ(a.registration, b.registration);
}

void expect_same(const Timeline& a, const Timeline& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.uri, b.uri);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(iso(a.date), iso(b.date));
  EXPECT_EQ(a.number, b.number);
  EXPECT_EQ(a.registration, b.registration);
  EXPECT_EQ(iso(a.registered), iso(b.registered));
  EXPECT_EQ(a.act_code, b.act_code);
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    const Event& x = a.events[i];
    const Event& y = b.events[i];
    SCOPED_TRACE("event " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_STREQ(to_string(x.type), to_string(y.type));
    EXPECT_EQ(iso(x.date), iso(y.date));
    EXPECT_EQ(iso(x.effective.date), iso(y.effective.date));
    EXPECT_STREQ(to_string(x.effective.rule), to_string(y.effective.rule));
    EXPECT_EQ(x.effective.amount, y.effective.amount);
    EXPECT_EQ(x.effective.text, y.effective.text);
    expect_same(x.source, y.source);
    EXPECT_EQ(x.source_code, y.source_code);
    EXPECT_EQ(x.note, y.note);
    EXPECT_EQ(x.ingested, y.ingested);
    EXPECT_EQ(x.not_applied, y.not_applied);
  }
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    const SourceFile& x = a.sources[i];
    const SourceFile& y = b.sources[i];
    SCOPED_TRACE("source " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_STREQ(to_string(x.lang), to_string(y.lang));
    EXPECT_EQ(iso(x.date), iso(y.date));
    EXPECT_EQ(x.path, y.path);
    EXPECT_EQ(x.sha256, y.sha256);
    EXPECT_EQ(x.origin, y.origin);
  }
  ASSERT_EQ(a.expressions.size(), b.expressions.size());
  for (std::size_t i = 0; i < a.expressions.size(); ++i) {
    const Expression& x = a.expressions[i];
    const Expression& y = b.expressions[i];
    SCOPED_TRACE(std::string("expression ") + to_string(x.lang));
    EXPECT_STREQ(to_string(x.lang), to_string(y.lang));
    EXPECT_EQ(x.title, y.title);
    ASSERT_EQ(x.units.size(), y.units.size());
    for (std::size_t k = 0; k < x.units.size(); ++k) {
      const UnitTimeline& u = x.units[k];
      const UnitTimeline& w = y.units[k];
      SCOPED_TRACE("unit " + u.eid);
      EXPECT_EQ(u.eid, w.eid);
      EXPECT_STREQ(to_string(u.kind), to_string(w.kind));
      EXPECT_EQ(u.num, w.num);
      ASSERT_EQ(u.versions.size(), w.versions.size());
      for (std::size_t v = 0; v < u.versions.size(); ++v) {
        SCOPED_TRACE("version " + std::to_string(v + 1));
        EXPECT_EQ(u.versions[v].from, w.versions[v].from);
        EXPECT_EQ(u.versions[v].to, w.versions[v].to);
        EXPECT_STREQ(to_string(u.versions[v].status), to_string(w.versions[v].status));
        EXPECT_EQ(u.versions[v].heading, w.versions[v].heading);
        EXPECT_EQ(u.versions[v].text, w.versions[v].text);
        EXPECT_EQ(u.versions[v].source, w.versions[v].source);
      }
    }
  }
}

// Parses with the flags a reader of the format should use: parse_ws_pcdata_single keeps a
// whitespace-only text ("\n") but not indentation.
void parse_xml(const std::string& xml, pugi::xml_document& out) {
  const pugi::xml_parse_result r =
      out.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  ASSERT_TRUE(r) << r.description() << " at offset " << r.offset;
}

pugi::xml_node node(const pugi::xml_document& doc, const std::string& xpath) {
  return doc.select_node(xpath.c_str()).node();
}


// --- round trip ----------------------------------------------------------------------------------

TEST(TimelineXmlTest, HolidaysRoundTripIsByteIdenticalAndFieldByField) {
  const Timeline t = holidays_timeline();
  const std::string xml = timeline_to_xml(t);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<timeline ", 0), 0u);
  EXPECT_EQ(xml.back(), '\n');
  std::string error = "stale";
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(error, "") << "error is cleared on success";
  expect_same(*back, t);
  EXPECT_EQ(timeline_to_xml(*back), xml);
}

TEST(TimelineXmlTest, SeedOrderRoundTripIsByteIdenticalAndFieldByField) {
  const Timeline t = seed_timeline();
  const std::string xml = timeline_to_xml(t);
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  expect_same(*back, t);
  EXPECT_EQ(timeline_to_xml(*back), xml);
  EXPECT_EQ(back->expression(Language::kk)->units[2].versions[0].text, kAppendixHeader)
      << "leading space and empty lines kept";
}

TEST(TimelineXmlTest, IngestedLanguagesAndNotAppliedInstructionsRoundTrip) {
  Timeline t = holidays_timeline();
  Event& e4 = t.events[3];
  e4.ingested = {Language::ru, Language::kk};
  e4.not_applied = {"в статье 30 слова «A» заменить словами «B» (3:1): the act has no unit art_30"};
  const std::string xml = timeline_to_xml(t);
  EXPECT_NE(xml.find("<event id=\"e4\" type=\"amended\" date=\"2009-04-22\" ingested=\"ru kk\">"),
            std::string::npos);
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  expect_same(*back, t);
  EXPECT_EQ(timeline_to_xml(*back), xml);
  EXPECT_FALSE(timeline_from_xml(
      replace(xml, "ingested=\"ru kk\"", "ingested=\"ru en\""), &error));
  EXPECT_NE(error.find("event e4: unknown language 'en' in ingested"), std::string::npos) << error;
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(TimelineXmlTest, EmptyTimelineRoundTrips) {
  const std::string xml = timeline_to_xml(Timeline{});
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<timeline xmlns=\"urn:zanline:timeline:1\">\n"
            "  <identity />\n"
            "  <events />\n"
            "  <sources />\n"
            "</timeline>\n");
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  expect_same(*back, Timeline{});
  EXPECT_EQ(timeline_to_xml(*back), xml);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(TimelineXmlTest, IsDeterministicAndIndentedWithTwoSpaces) {
  const std::string xml = timeline_to_xml(seed_timeline());
  EXPECT_EQ(xml, timeline_to_xml(seed_timeline()));
  EXPECT_NE(
      xml.find("\n  <events>\n    <event id=\"e1\" type=\"adopted\" date=\"2022-04-19\" />\n"),
      std::string::npos)
      << xml;
}

// A text is the only child of its element, so the indenting writer puts nothing around it.
TEST(TimelineXmlTest, MultiLineTextIsWrittenInlineAsItIs) {
  const std::string xml = timeline_to_xml(seed_timeline());
  EXPECT_NE(xml.find("<text> Қазақстан Республикасының\nЦифрлық даму, инновациялар\n\nжәне "),
            std::string::npos);
  EXPECT_NE(xml.find("\n\nқосымша</text>\n"), std::string::npos);
  EXPECT_NE(timeline_to_xml(holidays_timeline())
                .find("<text>Государственными праздниками в Республике Казахстан являются "
                      "праздники, отмечаемые в следующие дни:\nНовый год - 1-2 января;\n"),
            std::string::npos);
}

// --- what a plain XML reader sees ----------------------------------------------------------------

TEST(TimelineXmlTest, HolidaysAttributesAsPugixmlReadsThem) {
  pugi::xml_document doc;
  parse_xml(timeline_to_xml(holidays_timeline()), doc);
  const pugi::xml_node root = doc.document_element();
  EXPECT_STREQ(root.name(), "timeline");
  EXPECT_STREQ(root.attribute("xmlns").value(), kNamespace);
  EXPECT_STREQ(root.attribute("id").value(), "10612");
  EXPECT_STREQ(root.attribute("uri").value(), "/akn/kz/act/law/2001-12-13/267-ii");
  std::vector<std::string> children;
  for (const pugi::xml_node c : root.children()) children.push_back(c.name());
  EXPECT_EQ(children, (std::vector<std::string>{"identity", "events", "sources", "expression",
                                                "expression"}));

  const pugi::xml_node identity = root.child("identity");
  EXPECT_STREQ(identity.attribute("type").value(), "law");
  EXPECT_STREQ(identity.attribute("date").value(), "2001-12-13");
  EXPECT_STREQ(identity.attribute("number").value(), "267-II");
  EXPECT_STREQ(identity.attribute("actCode").value(), "10612");
  EXPECT_FALSE(identity.attribute("registration")) << "a law is not registered: left out";
  EXPECT_FALSE(identity.attribute("registered"));

  const pugi::xml_node e2 = node(doc, "//event[@id='e2']");
  EXPECT_STREQ(e2.attribute("type").value(), "entry-into-force");
  EXPECT_FALSE(e2.attribute("date"));
  EXPECT_STREQ(e2.child("effective").attribute("rule").value(), "from-publication");
  EXPECT_FALSE(e2.child("effective").attribute("date")) << "publication date not known";
  EXPECT_FALSE(e2.child("effective").attribute("amount"));
  EXPECT_FALSE(e2.child("source")) << "the act itself";

  const pugi::xml_node e4 = node(doc, "//event[@id='e4']");
  EXPECT_STREQ(e4.attribute("type").value(), "amended");
  EXPECT_STREQ(e4.attribute("date").value(), "2009-04-22");
  EXPECT_STREQ(e4.child("source").attribute("type").value(), "law");
  EXPECT_STREQ(e4.child("source").attribute("number").value(), "152-IV");
  EXPECT_STREQ(e4.child("source").attribute("date").value(), "2009-04-22");
  EXPECT_FALSE(e4.child("source").attribute("issuer"));
  EXPECT_STREQ(e4.child_value("sourceCode"), "45379");
  EXPECT_NE(std::string(e4.child_value("note")).find("от 22.04.2009 N 152-IV"), std::string::npos);
  std::vector<std::string> e4_children;
  for (const pugi::xml_node c : e4.children()) e4_children.push_back(c.name());
  EXPECT_EQ(e4_children, (std::vector<std::string>{"effective", "source", "sourceCode", "note"}));

  const pugi::xml_node s6 = node(doc, "//sources/source[@id='s6']");
  EXPECT_STREQ(s6.attribute("lang").value(), "ru");
  EXPECT_STREQ(s6.attribute("date").value(), "2009-04-22");
  EXPECT_STREQ(s6.attribute("path").value(), "sources/ru/2009-04-22.md");
  EXPECT_STREQ(s6.attribute("sha256").value(),
               "976fa7762aa8d5fd25d936034e8969ec4fb32cddf5059ef8ee54c46ddfe4110d");
  EXPECT_STREQ(s6.attribute("origin").value(),
               "corpus/triples/holidays-10612_by_45379/after.rus.md");

  const pugi::xml_node ru = node(doc, "//expression[@lang='ru']");
  EXPECT_STREQ(ru.child_value("title"), "О праздниках в Республике Казахстан");
  const pugi::xml_node art3 = ru.find_child_by_attribute("unit", "eId", "art_3");
  EXPECT_STREQ(art3.attribute("kind").value(), "article");
  EXPECT_STREQ(art3.attribute("num").value(), "3");
  const pugi::xml_node last = art3.last_child();
  EXPECT_STREQ(last.attribute("from").value(), "e4");
  EXPECT_FALSE(last.attribute("to")) << "open";
  EXPECT_STREQ(last.attribute("status").value(), "text");
  EXPECT_STREQ(last.attribute("source").value(), "s6");
  EXPECT_STREQ(last.child_value("heading"), "Государственные праздники");
  EXPECT_EQ(last.child_value("text"), kArt3Ru2009);

  const pugi::xml_node excluded = node(doc, "//expression[@lang='ru']/unit[@eId='art_3__al_9']");
  EXPECT_STREQ(excluded.attribute("kind").value(), "part");
  const pugi::xml_node gone = excluded.last_child();
  EXPECT_STREQ(gone.attribute("status").value(), "excluded");
  EXPECT_FALSE(gone.first_child()) << "no heading, no text";
  EXPECT_STREQ(excluded.first_child().attribute("to").value(), "e4");
}

TEST(TimelineXmlTest, SeedOrderEntryIntoForceIsARuleAndRepealHasADate) {
  pugi::xml_document doc;
  parse_xml(timeline_to_xml(seed_timeline()), doc);
  const pugi::xml_node identity = doc.document_element().child("identity");
  EXPECT_STREQ(identity.attribute("number").value(), "130/НҚ");
  EXPECT_STREQ(identity.attribute("registration").value(), "27788");
  EXPECT_STREQ(identity.attribute("registered").value(), "2022-04-27");
  EXPECT_FALSE(identity.attribute("actCode"));

  EXPECT_STREQ(node(doc, "//event[@id='e2']").attribute("type").value(), "registered");
  const pugi::xml_node eif = node(doc, "//event[@id='e3']/effective");
  EXPECT_STREQ(eif.attribute("rule").value(), "days-after-publication");
  EXPECT_EQ(eif.attribute("amount").as_int(), 10);
  EXPECT_FALSE(eif.attribute("date")) << "unresolved";
  EXPECT_EQ(eif.child_value("text"), kPoint4);

  const pugi::xml_node repeal = node(doc, "//event[@id='e4']");
  EXPECT_STREQ(repeal.attribute("type").value(), "repealed");
  EXPECT_STREQ(repeal.attribute("date").value(), "2025-10-20");
  EXPECT_STREQ(repeal.child("effective").attribute("date").value(), "2026-01-01");
  EXPECT_STREQ(repeal.child("effective").attribute("rule").value(), "from-date");
  EXPECT_STREQ(repeal.child("source").attribute("number").value(), "521/НҚ");
  EXPECT_EQ(std::string(repeal.child("source").attribute("issuer").value())
                .rfind("Қазақстан Республикасы Премьер-Министрінің орынбасары", 0),
            0u);
  EXPECT_FALSE(repeal.child("sourceCode"));

  const pugi::xml_node s1 = node(doc, "//sources/source");
  EXPECT_FALSE(s1.attribute("date")) << "edition date unknown";
  const pugi::xml_node unknown = node(doc, "//expression[@lang='ru']/unit/version");
  EXPECT_STREQ(unknown.attribute("status").value(), "unknown");
  EXPECT_FALSE(unknown.attribute("source"));
  EXPECT_FALSE(unknown.first_child());
  EXPECT_FALSE(node(doc, "//expression[@lang='ru']/title")) << "no title known";
  const pugi::xml_node repealed = node(doc, "//unit[@eId='para_4']/version[2]");
  EXPECT_STREQ(repealed.attribute("status").value(), "repealed");
  EXPECT_FALSE(repealed.attribute("to"));
}

// --- schema --------------------------------------------------------------------------------------

TEST(TimelineSchemaTest, HandBuiltTimelinesValidate) {
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(timeline_to_xml(holidays_timeline())), "");
  EXPECT_EQ(schema_errors(timeline_to_xml(seed_timeline())), "");
}

// The schema's enumerations are exactly the names to_string() gives.
TEST(TimelineSchemaTest, EnumerationsMatchToString) {
  const std::string xsd = testing::read_file(kSchema);
  ASSERT_FALSE(xsd.empty()) << kSchema;
  testing::expect_xsd_enumeration<EventType>(xsd, "EventType");
  testing::expect_xsd_enumeration<VersionStatus>(xsd, "VersionStatus");
  testing::expect_xsd_enumeration<EifKind>(xsd, "EifKind");
  testing::expect_xsd_enumeration<UnitKind>(xsd, "UnitKind");
  testing::expect_xsd_enumeration<Language>(xsd, "Language");
}

// --- characters ----------------------------------------------------------------------------------

TEST(TimelineXmlTest, WhitespaceAndMarkupCharactersSurviveExactly) {
  Timeline t = seed_timeline();
  Version& v = t.expressions[0].units[0].versions[0];
  v.heading = "  two leading, one trailing ";
  v.text = "\n";  // whitespace only
  t.expressions[0].units[1].versions[0].text = "\t<b>&amp;</b> ]]> \"'\n\n";
  t.events[3].source.issuer = "line 1\nline 2\ttab  \"quoted\" <&>";
  t.events[3].note = " ";
  t.sources[0].origin = " /path with spaces/ ";
  const std::string xml = timeline_to_xml(t);
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  expect_same(*back, t);
  EXPECT_EQ(timeline_to_xml(*back), xml);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

// XML cannot carry a CR through a parser (it becomes LF), nor control characters or bad UTF-8:
// the writer turns CR LF and CR into LF and the others into U+FFFD, so what it writes reads back
// to the same bytes.
TEST(TimelineXmlTest, CarriageReturnsBecomeLineFeedsAndForbiddenCharactersReplacement) {
  Timeline t = seed_timeline();
  t.expressions[0].units[0].versions[0].text = "a\r\nb\rc\r";
  t.expressions[0].units[1].versions[0].text = "x\x01y" + std::string(1, '\0') + "z\xff!";
  t.events[3].source.issuer = "\r\n";
  const std::string xml = timeline_to_xml(t);
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->expressions[0].units[0].versions[0].text, "a\nb\nc\n");
  EXPECT_EQ(back->expressions[0].units[1].versions[0].text, "x\uFFFDy\uFFFDz\uFFFD!");
  EXPECT_EQ(back->events[3].source.issuer, "\n");
  EXPECT_EQ(timeline_to_xml(*back), xml);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(TimelineXmlTest, InvalidDatesAreLeftOut) {
  Timeline t = seed_timeline();
  t.date = Date{2021, 2, 29};
  t.events[3].effective.date = Date{2026, 13, 1};
  t.events[3].effective.rule = EifKind::none;
  t.events[3].effective.text.clear();
  t.events[0].date = Date{2021, 2, 30};
  const std::string xml = timeline_to_xml(t);
  pugi::xml_document doc;
  parse_xml(xml, doc);
  EXPECT_FALSE(doc.document_element().child("identity").attribute("date"));
  EXPECT_FALSE(node(doc, "//event[@id='e1']").attribute("date"));
  EXPECT_FALSE(node(doc, "//event[@id='e4']/effective")) << "nothing left to write";
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_FALSE(back->date);
  EXPECT_EQ(timeline_to_xml(*back), xml);
}

}  // namespace
}  // namespace zanline
