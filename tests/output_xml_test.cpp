// Tests for the XML writer of zanline/output.hpp, checked against schema/document.xsd with
// xmllint, and the schema's enumerations, on the seed order Document of output_fixtures.hpp.
// JSON and text: output_json_text_test.cpp.
#include "zanline/output.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "output_fixtures.hpp"
#include "test_util.hpp"

namespace zanline {
namespace {

using namespace zanline::testing;

constexpr const char* kSchema = ZANLINE_SCHEMA_DIR "/document.xsd";

// --- helpers ---------------------------------------------------------------------------------

pugi::xml_node unit_node(const pugi::xml_document& doc, const std::string& eid) {
  return doc.select_node(("//unit[@eId='" + eid + "']").c_str()).node();
}

bool xmllint_available() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

// xmllint's complaints about `xml` against schema/document.xsd; "" when it validates.
std::string schema_errors(const std::string& xml) {
  const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const std::filesystem::path base = std::filesystem::path(::testing::TempDir()) /
                                     ("zanline_output_" + name + "_" +
                                      std::to_string(::getpid()));
  const std::string xml_path = base.string() + ".xml";
  const std::string log_path = base.string() + ".log";
  std::ofstream(xml_path, std::ios::binary) << xml;
  const std::string cmd = "xmllint --noout --schema '" + std::string(kSchema) + "' '" +
                          xml_path + "' >'" + log_path + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  std::stringstream log;
  log << std::ifstream(log_path).rdbuf();
  std::filesystem::remove(xml_path);
  std::filesystem::remove(log_path);
  return rc == 0 ? std::string() : "xmllint exit " + std::to_string(rc) + ":\n" + log.str();
}


// --- XML ---------------------------------------------------------------------------------------

TEST(XmlTest, RootCarriesNamespaceSourceFormatAndLanguage) {
  const std::string xml = to_xml(seed_document());
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document ", 0), 0u);
  EXPECT_EQ(xml.back(), '\n');
  pugi::xml_document doc;
  parse_xml(xml, doc);
  const pugi::xml_node root = doc.document_element();
  EXPECT_STREQ(root.name(), "document");
  EXPECT_STREQ(root.attribute("xmlns").value(), kDocumentNamespace);
  EXPECT_STREQ(root.attribute("source").value(), "order-130-nk-2022-04-19.kaz.txt");
  EXPECT_STREQ(root.attribute("format").value(), "plain");
  EXPECT_STREQ(root.attribute("lang").value(), "kk");
  std::vector<std::string> children;
  for (const pugi::xml_node c : root.children()) children.push_back(c.name());
  EXPECT_EQ(children, (std::vector<std::string>{"meta", "body", "notes", "instructions",
                                                "repairs", "diagnostics"}));
}

TEST(XmlTest, MetaHasIdentityStatusRepealAndEntryIntoForce) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node meta = doc.child("document").child("meta");
  EXPECT_EQ(meta.attribute("line").as_int(), 9);
  EXPECT_STREQ(meta.child_value("type"), "order");
  EXPECT_STREQ(meta.child_value("form"), "бұйрығы");
  EXPECT_STREQ(meta.child_value("date"), "2022-04-19");
  EXPECT_STREQ(meta.child_value("number"), "130/НҚ");
  EXPECT_STREQ(meta.child_value("registration"), "27788");
  EXPECT_STREQ(meta.child_value("registrationDate"), "2022-04-27");
  EXPECT_STREQ(meta.child_value("statusLabel"), "Күшін жойған");
  EXPECT_STREQ(meta.child_value("status"), "repealed");
  EXPECT_FALSE(meta.child("actCode")) << "empty fields are left out";
  EXPECT_FALSE(meta.child("versionDate"));

  const pugi::xml_node repeal = meta.child("repeal");
  EXPECT_STREQ(repeal.attribute("effective").value(), "2026-01-01");
  EXPECT_STREQ(repeal.child("by").attribute("type").value(), "order");
  EXPECT_STREQ(repeal.child("by").attribute("number").value(), "521/НҚ");
  EXPECT_STREQ(repeal.child("by").attribute("date").value(), "2025-10-20");
  EXPECT_FALSE(repeal.child("by").attribute("registration"));
  EXPECT_NE(std::string(repeal.child_value("text")).find("№ 521/НҚ бұйрығымен"),
            std::string::npos);

  const pugi::xml_node eif = meta.child("entryIntoForce");
  EXPECT_STREQ(eif.attribute("kind").value(), "days-after-publication");
  EXPECT_EQ(eif.attribute("amount").as_int(), 10);
  EXPECT_FALSE(eif.attribute("date"));
  EXPECT_EQ(eif.attribute("line").as_int(), 55);
  EXPECT_EQ(eif.attribute("col").as_int(), 7);
  EXPECT_EQ(std::string(eif.child_value("text")).rfind("Осы бұйрық алғашқы ресми", 0), 0u);
}

TEST(XmlTest, BodyNestsSubpointsUnderPoint2) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node point2 = unit_node(doc, "point_2");
  ASSERT_TRUE(point2);
  EXPECT_STREQ(point2.attribute("kind").value(), "point");
  EXPECT_STREQ(point2.attribute("num").value(), "2");
  EXPECT_EQ(point2.attribute("line").as_int(), 35);
  EXPECT_EQ(point2.attribute("col").as_int(), 7);
  EXPECT_FALSE(point2.attribute("status")) << "status=\"normal\" is left out";
  EXPECT_FALSE(point2.child("heading"));
  EXPECT_EQ(std::string(point2.child_value("text")).rfind("Қазақстан Республикасының", 0), 0u);

  std::vector<std::string> subpoints;
  for (const pugi::xml_node u : point2.children("unit")) {
    EXPECT_STREQ(u.attribute("kind").value(), "subpoint");
    subpoints.push_back(std::string(u.attribute("eId").value()) + "=" +
                        u.attribute("num").value() + "@" + u.attribute("line").value());
  }
  EXPECT_EQ(subpoints, (std::vector<std::string>{"point_2__subpoint_1=1@42",
                                                 "point_2__subpoint_2=2@44",
                                                 "point_2__subpoint_3=3@47"}));
  const pugi::xml_node body = doc.child("document").child("body");
  std::vector<std::string> top;
  for (const pugi::xml_node u : body.children("unit")) top.push_back(u.attribute("eId").value());
  EXPECT_EQ(top, (std::vector<std::string>{"formula", "point_1", "point_2", "point_3", "point_4",
                                           "signature", "app"}));
}

TEST(XmlTest, AppendixInfoNamesTheRestatedAppendix) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node app = unit_node(doc, "app");
  ASSERT_TRUE(app);
  EXPECT_STREQ(app.attribute("kind").value(), "appendix");
  EXPECT_FALSE(app.attribute("num"));
  EXPECT_STREQ(app.child_value("heading"), "Меншікті тауарлар өндірісінің өлшемшарттары");
  const pugi::xml_node info = app.child("appendixInfo");
  EXPECT_STREQ(info.attribute("ofActDate").value(), "2022-04-19");
  EXPECT_STREQ(info.attribute("ofActNumber").value(), "130/НҚ");
  EXPECT_STREQ(info.attribute("restatesActDate").value(), "2019-04-11");
  EXPECT_STREQ(info.attribute("restatesActNumber").value(), "37/НҚ");
  EXPECT_STREQ(info.attribute("restatesNum").value(), "2");
  EXPECT_NE(std::string(info.attribute("restatesHeader").value()).find("2-қосымша"),
            std::string::npos);
  EXPECT_NE(std::string(info.text().get()).find("№ 130/НҚ Бұйрыққа қосымша"), std::string::npos);
  EXPECT_TRUE(unit_node(doc, "app__point_2__subpoint_2"));
}

TEST(XmlTest, NoteEventNamesTheRepealingAct) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node note = doc.child("document").child("notes").child("note");
  EXPECT_FALSE(note.attribute("attachedTo")) << "a note on the whole act";
  EXPECT_EQ(note.attribute("line").as_int(), 15);
  EXPECT_EQ(std::string(note.child_value("text")).rfind("Ескерту. Бұйрықтың", 0), 0u);
  const pugi::xml_node event = note.child("event");
  EXPECT_STREQ(event.attribute("target").value(), "act");
  EXPECT_STREQ(event.attribute("targetText").value(), "Бұйрықтың");
  EXPECT_STREQ(event.attribute("action").value(), "repealed");
  EXPECT_STREQ(event.child("act").attribute("number").value(), "521/НҚ");
  EXPECT_STREQ(event.child("act").attribute("date").value(), "2025-10-20");
  EXPECT_STREQ(event.child("entryIntoForce").attribute("kind").value(), "from-date");
  EXPECT_STREQ(event.child("entryIntoForce").attribute("date").value(), "2026-01-01");
  EXPECT_FALSE(event.child("entryIntoForce").attribute("amount"));
}

TEST(XmlTest, InstructionGivesNewWordingOfPoint19) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node in = doc.child("document").child("instructions").child("instruction");
  EXPECT_STREQ(in.attribute("op").value(), "new-wording");
  EXPECT_STREQ(in.attribute("targetEid").value(), "point_19");
  EXPECT_EQ(in.attribute("line").as_int(), 25);
  const pugi::xml_node act = in.child("targetAct");
  EXPECT_STREQ(act.attribute("number").value(), "37/НҚ");
  EXPECT_STREQ(act.attribute("date").value(), "2019-04-11");
  EXPECT_STREQ(act.attribute("registration").value(), "18523");
  EXPECT_STREQ(in.child("path").child("step").attribute("kind").value(), "point");
  EXPECT_STREQ(in.child("path").child("step").attribute("num").value(), "19");
  EXPECT_EQ(std::string(in.child_value("newText")).rfind("19. Есептеу операцияларын орындау", 0),
            0u);
  EXPECT_EQ(in.child_value("newText"), kPoint19);
  EXPECT_FALSE(in.child("newText").attribute("ref"));
  EXPECT_FALSE(in.child("oldWords"));

  const pugi::xml_node app = in.next_sibling("instruction");
  EXPECT_STREQ(app.attribute("targetEid").value(), "app_2");
  EXPECT_STREQ(app.child("newText").attribute("ref").value(), "appendix");
  EXPECT_STREQ(app.child_value("newText"), "");
}

TEST(XmlTest, RepairAndDiagnosticKeepPositions) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node repair = doc.child("document").child("repairs").child("repair");
  EXPECT_STREQ(repair.attribute("kind").value(), "displaced-word");
  EXPECT_EQ(repair.attribute("offset").as_ullong(), 1602u);
  EXPECT_EQ(repair.attribute("line").as_int(), 17);
  EXPECT_EQ(repair.attribute("col").as_int(), 43);
  EXPECT_STREQ(repair.child_value("before"), "қолданысқа");
  EXPECT_TRUE(repair.child("after")) << "before/after are always written";
  EXPECT_STREQ(repair.child_value("after"), "");

  const pugi::xml_node d = doc.child("document").child("diagnostics").child("diagnostic");
  EXPECT_STREQ(d.attribute("severity").value(), "warning");
  EXPECT_STREQ(d.attribute("code").value(), "normalize.displaced-word");
  EXPECT_EQ(d.attribute("line").as_int(), 17);
  EXPECT_NE(std::string(d.text().get()).find("\"қолданысқа\""), std::string::npos);
}

TEST(XmlTest, IsDeterministicAndIndentedWithTwoSpaces) {
  const Document doc = seed_document();
  const std::string first = to_xml(doc);
  const Document copy = doc;
  EXPECT_EQ(first, to_xml(copy));
  EXPECT_EQ(first, to_xml(seed_document()));
  EXPECT_NE(first.find("\n  <meta line=\"9\" col=\"1\">\n    <type>order</type>\n"),
            std::string::npos);
}

TEST(XmlTest, SeedDocumentValidatesAgainstSchema) {
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(to_xml(seed_document())), "");
}

TEST(XmlTest, EmptyDocumentValidatesAgainstSchema) {
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  const std::string xml = to_xml(Document{});
  EXPECT_EQ(schema_errors(xml), "");
  EXPECT_NE(xml.find("<status>unknown</status>"), std::string::npos);
  EXPECT_EQ(xml.find("entryIntoForce"), std::string::npos) << "kind none is left out";
}

// Regression: pugixml writes U+0001 as "&#01;", which XML 1.0 forbids; the writer must not.
TEST(XmlTest, ControlCharactersAndBadUtf8BecomeReplacementCharacter) {
  Document doc = seed_document();
  doc.body[2].text = "тәртіппен\x01:\x1b[31m" + std::string(1, '\0') + "\xff!";
  doc.body[2].num = "2\x02";
  doc.diagnostics[0].message = "byte \x0b and \xc0\x80 (overlong)";
  doc.repairs[0].before = "\t \r\n";
  const std::string xml = to_xml(doc);
  for (char c : xml) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_FALSE(b < 0x20 && c != '\t' && c != '\n' && c != '\r') << "control byte " << int(b);
  }
  EXPECT_FALSE(std::regex_search(xml, std::regex("&#(0[0-8]|1[124-9]|2[0-9]|3[01]);")))
      << "no character references to forbidden characters";

  pugi::xml_document parsed;
  parse_xml(xml, parsed);
  const pugi::xml_node point2 = unit_node(parsed, "point_2");
  ASSERT_TRUE(point2);
  EXPECT_STREQ(point2.child_value("text"), "тәртіппен\uFFFD:\uFFFD[31m\uFFFD\uFFFD!");
  EXPECT_STREQ(point2.attribute("num").value(), "2\uFFFD");
  EXPECT_STREQ(parsed.select_node("//diagnostic").node().text().get(),
               "byte \uFFFD and \uFFFD\uFFFD (overlong)");
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(XmlTest, ExcludedUnitKeepsStatusAndStatusText) {
  Document doc = seed_document();
  Unit& sub = doc.body[2].children[1];
  sub.text.clear();
  sub.status = UnitStatus::excluded;
  sub.status_text = "алып тасталды - ҚР Цифрлық даму министрінің 01.01.2024 бұйрығымен";
  const std::string xml = to_xml(doc);
  pugi::xml_document parsed;
  parse_xml(xml, parsed);
  const pugi::xml_node u = unit_node(parsed, "point_2__subpoint_2");
  EXPECT_STREQ(u.attribute("status").value(), "excluded");
  EXPECT_FALSE(u.child("text"));
  EXPECT_EQ(std::string(u.child_value("statusText")).rfind("алып тасталды", 0), 0u);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(XmlTest, InvalidDatesAreLeftOut) {
  Document doc = seed_document();
  doc.meta.date = Date{2021, 2, 29};
  doc.body.back().appendix->restates_act_date = "2019-13-11";
  const std::string xml = to_xml(doc);
  pugi::xml_document parsed;
  parse_xml(xml, parsed);
  EXPECT_FALSE(parsed.child("document").child("meta").child("date"));
  EXPECT_FALSE(unit_node(parsed, "app").child("appendixInfo").attribute("restatesActDate"));
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

// The schema's enumerations are exactly the names to_string() gives (document.cpp).
TEST(SchemaTest, EnumerationsMatchToString) {
  const std::string xsd = testing::read_file(kSchema);
  ASSERT_FALSE(xsd.empty()) << kSchema;
  testing::expect_xsd_enumeration<Severity>(xsd, "Severity");
  testing::expect_xsd_enumeration<Language>(xsd, "Language");
  testing::expect_xsd_enumeration<UnitKind>(xsd, "UnitKind");
  testing::expect_xsd_enumeration<UnitStatus>(xsd, "UnitStatus");
  testing::expect_xsd_enumeration<EifKind>(xsd, "EifKind");
  testing::expect_xsd_enumeration<ActStatus>(xsd, "ActStatus");
  testing::expect_xsd_enumeration<NoteAction>(xsd, "NoteAction");
  testing::expect_xsd_enumeration<Operation>(xsd, "Operation");
}

}  // namespace
}  // namespace zanline
