// Timelines built from the real corpus, and point-in-time answers checked against the edition
// files themselves, unit by unit.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "test_util.hpp"
#include "zanline/build.hpp"
#include "zanline/diff.hpp"
#include "zanline/parser.hpp"
#include "zanline/query.hpp"
#include "zanline/store.hpp"

namespace fs = std::filesystem;

namespace zanline {
namespace {

Date date(const char* iso) { return *parse_iso_date(iso); }

// The act with the most editions under a corpus folder (a triple folder also holds the
// amending act).
std::vector<Edition> editions_of(const std::string& rel) {
  std::vector<std::pair<std::string, Diagnostic>> diags;
  auto groups = discover({testing::corpus_path(rel)}, diags);
  EXPECT_FALSE(groups.empty()) << rel;
  std::size_t best = 0;
  for (std::size_t i = 0; i < groups.size(); ++i)
    if (groups[i].size() > groups[best].size()) best = i;
  return groups.empty() ? std::vector<Edition>{} : std::move(groups[best]);
}

Timeline timeline_of(const std::string& rel) {
  std::vector<Diagnostic> diags;
  return build_timeline(editions_of(rel), diags);
}

const UnitState* unit(const AtResult& r, const std::string& eid) {
  for (const UnitState& u : r.units)
    if (u.eid == eid) return &u;
  return nullptr;
}

TEST(SeedTimeline, PendingUntilPublicationThenInForceThenRepealed) {
  const Timeline t = timeline_of("seed");
  EXPECT_EQ(t.id, "order-2022-04-19-130-nk");
  EXPECT_EQ(t.uri, "/akn/kz/act/order/2022-04-19/130-nk");
  EXPECT_EQ(t.registration, "27788");

  AtResult r = at(t, date("2022-04-20"), Language::kk, "para_2", {});
  EXPECT_EQ(r.act.status, Status::pending);
  ASSERT_NE(unit(r, "para_2"), nullptr);
  EXPECT_EQ(unit(r, "para_2")->status, Status::pending);
  EXPECT_TRUE(unit(r, "para_2")->text.starts_with("Қазақстан Республикасының Цифрлық даму"));
  EXPECT_EQ(r.units.size(), 4u);  // point 2 and its subpoints 1)-3)

  Publication pub;
  pub.self = date("2022-04-28");
  r = at(t, date("2022-05-08"), Language::kk, "para_4", pub);
  EXPECT_EQ(r.act.status, Status::not_yet_in_force);
  EXPECT_EQ(unit(r, "para_4")->status, Status::not_yet_in_force);
  EXPECT_FALSE(r.has_result());

  r = at(t, date("2022-05-09"), Language::kk, "para_4", pub);
  EXPECT_EQ(r.act.status, Status::in_force);
  EXPECT_EQ(unit(r, "para_4")->status, Status::in_force);
  EXPECT_EQ(unit(r, "para_4")->since->iso(), "2022-05-09");
  EXPECT_EQ(unit(r, "para_4")->text,
            "Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
            "енгізіледі.");

  r = at(t, date("2025-12-31"), Language::kk, "", pub);
  EXPECT_EQ(r.act.status, Status::in_force);
  EXPECT_EQ(unit(r, "app_1__para_2__point_1")->status, Status::in_force);

  r = at(t, date("2026-01-01"), Language::kk, "", {});
  EXPECT_EQ(r.act.status, Status::repealed);
  EXPECT_EQ(r.act.by, "order № 521/НҚ of 2025-10-20");
  EXPECT_EQ(unit(r, "para_1")->status, Status::repealed);
  EXPECT_FALSE(r.has_result());

  r = at(t, date("2022-04-18"), Language::kk, "", {});
  EXPECT_EQ(r.act.status, Status::absent);  // not adopted yet
}

// Every unit of every edition, per language: eId -> text as the timeline stores it.
std::map<std::string, std::string> texts(const Document& doc) {
  std::map<std::string, std::string> out;
  for_each_unit(doc.body, [&](const Unit& u) {
    out[u.eid] = u.status == UnitStatus::normal ? u.text : u.status_text;
  });
  return out;
}

struct EditionSet {
  std::vector<std::pair<Date, std::map<std::string, std::string>>> editions;  // by date
};

std::map<Language, EditionSet> by_language(const std::vector<Edition>& eds) {
  std::map<Language, EditionSet> out;
  for (const Edition& e : eds) out[e.doc.meta.lang].editions.emplace_back(*e.date, texts(e.doc));
  for (auto& [lang, set] : out)
    std::sort(set.editions.begin(), set.editions.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// Every amending act of the timeline published on the day it was adopted, the act itself too:
// then every rule that waits on a publication resolves.
Publication published_on_adoption(const Timeline& t) {
  Publication p;
  p.self = t.date;
  for (const Event& e : t.events)
    if (e.type == EventType::amended && e.date && !e.source.number.empty())
      p.acts.emplace_back(e.source.number, *e.date);
  return p;
}

class MultiEdition : public ::testing::TestWithParam<const char*> {};

TEST_P(MultiEdition, AtReturnsTheEditionInForceUnitByUnit) {
  const std::vector<Edition> eds = editions_of(GetParam());
  std::vector<Diagnostic> diags;
  const Timeline t = build_timeline(eds, diags);
  const Publication pub = published_on_adoption(t);
  int compared = 0;
  for (const auto& [lang, set] : by_language(eds)) {
    ASSERT_GE(set.editions.size(), 2u);
    for (std::size_t k = 0; k < set.editions.size(); ++k) {
      const auto& [d, expected] = set.editions[k];
      // (1) On the edition date, knowing nothing of publications: every unit reads as in the
      // edition; or that wording waits on a publication (pending, the wording shown as pending);
      // or it applies from a known later date (then the previous edition's wording still applies).
      AtResult r = at(t, d, lang, "", {});
      for (const auto& [eid, text] : expected) {
        const UnitState* u = unit(r, eid);
        ASSERT_NE(u, nullptr) << eid;
        if (!u->pending_text.empty()) {
          EXPECT_EQ(u->pending_text, text) << GetParam() << " " << to_string(lang) << " " << d.iso() << " " << eid;
        } else if (u->until && k > 0) {
          const auto& previous = set.editions[k - 1].second;
          auto p = previous.find(eid);
          ASSERT_NE(p, previous.end()) << eid;
          EXPECT_EQ(u->text, p->second) << GetParam() << " " << to_string(lang) << " " << d.iso() << " " << eid;
        } else if (u->status == Status::absent) {
          EXPECT_TRUE(k > 0) << eid;  // inserted by a change that applies later
        } else {  // in force, or not yet (an act that enters into force after its date)
          EXPECT_EQ(u->text, text) << GetParam() << " " << to_string(lang) << " " << d.iso() << " " << eid;
        }
        ++compared;
      }
      // (2) Publications known: from this edition until the next change takes effect (the next
      // edition's date, or earlier when a change made after this edition applies earlier),
      // exactly this edition.
      Date until = k + 1 < set.editions.size() ? set.editions[k + 1].first : d.add_days(400);
      for (const Event& e : t.events)
        if (e.type == EventType::amended && e.date && *e.date > d)
          if (auto eff = resolve_effect(e, pub); eff && *eff < until) until = *eff;
      for (const Date when : {Date::from_days((d.days_since_epoch() + until.days_since_epoch()) / 2),
                              until.add_days(-1)}) {
        if (when <= d.add_days(11)) continue;  // a change of this edition may still wait out its days
        r = at(t, when, lang, "", pub);
        for (const UnitState& u : r.units) {
          auto it = expected.find(u.eid);
          if (it == expected.end()) {
            EXPECT_EQ(u.status, Status::absent) << u.eid << " " << when.iso();
            continue;
          }
          // A change adopted after this edition whose start the texts do not state (no EIF clause)
          // stays pending: the edition's wording is then the one shown, the new one pending —
          // or the edition's own such change is the pending one.
          if (u.status == Status::pending)
            EXPECT_TRUE(u.text == it->second || u.pending_text == it->second)
                << GetParam() << " " << to_string(lang) << " " << when.iso() << " " << u.eid;
          else
            EXPECT_EQ(u.text, it->second) << GetParam() << " " << to_string(lang) << " " << when.iso() << " " << u.eid;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 40);
}

INSTANTIATE_TEST_SUITE_P(Corpus, MultiEdition,
                         ::testing::Values("editions/gov-120244", "editions/gov-120595", "editions/gov-132554",
                                           "editions/gov-143717", "triples/holidays-10612_by_40216",
                                           "triples/holidays-10612_by_45379", "triples/security-council-123314_by_164356",
                                           "triples/nf-transfer-126297_by_130472", "triples/nf-transfer-160919_by_167645",
                                           "triples/peaceful-assemblies-3845_by_22306", "triples/assembly-41901_by_53075",
                                           "triples/aids-104332_by_22306", "triples/nf-transfer-116373_by_126297",
                                           "triples/nf-transfer-107818_by_116373",
                                           "triples/probation-108646_by_161925"),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(InsertedAndExcluded, CheckpointsDecree143717) {
  const Timeline t = timeline_of("editions/gov-143717");
  // Point 1-1 was added by decree № 369 of 10.06.2020, in force from its signing.
  AtResult before = at(t, date("2020-06-09"), Language::ru, "para_1-1", {});
  ASSERT_EQ(before.units.size(), 1u);
  EXPECT_EQ(before.units[0].status, Status::absent);
  AtResult after = at(t, date("2020-06-10"), Language::ru, "para_1-1", {});
  EXPECT_EQ(after.units[0].status, Status::in_force);
  EXPECT_EQ(after.units[0].by, "decree № 369 of 2020-06-10");
  EXPECT_TRUE(after.units[0].text.starts_with("В пунктах пропуска через Государственную границу Республики"));
  // Subpoint 1) of the appendix (the Chinese border) was excluded by the same decree.
  AtResult ex = at(t, date("2020-07-01"), Language::ru, "app_1__point_1", {});
  EXPECT_EQ(ex.units[0].status, Status::excluded);
  AtResult was = at(t, date("2020-04-01"), Language::ru, "app_1__point_1", {});
  EXPECT_EQ(was.units[0].status, Status::pending);  // the decree itself waits on a notification
  EXPECT_NE(was.units[0].text.find("Китайской Народной Республикой"), std::string::npos);
}

TEST(Languages, KazakhAndRussianAreOneActAlignedByEid) {
  const Timeline t = timeline_of("triples/holidays-10612_by_45379");
  EXPECT_EQ(t.id, "10612");
  EXPECT_EQ(t.number, "267-II");
  ASSERT_NE(t.expression(Language::kk), nullptr);
  ASSERT_NE(t.expression(Language::ru), nullptr);
  std::vector<std::string> kk, ru;
  for (const UnitTimeline& u : t.expression(Language::kk)->units) kk.push_back(u.eid);
  for (const UnitTimeline& u : t.expression(Language::ru)->units) ru.push_back(u.eid);
  EXPECT_EQ(kk, ru);
  // This folder holds the 2008 and 2009 editions. The 2008 one already carries the change of
  // 47-IV, so article 3 before it is unknown; then 47-IV's wording; then 152-IV's.
  auto h = history(t, Language::ru, "art_3", {});
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].version.status, VersionStatus::unknown);
  EXPECT_EQ(h[1].by, "law № 47-IV of 2008-06-25");
  EXPECT_NE(h[1].version.text.find("День Столицы - 6 июля;"), std::string::npos);
  EXPECT_EQ(h[2].by, "law № 152-IV of 2009-04-22");
  EXPECT_NE(h[2].version.text.find("Наурыз мейрамы - 21-23 марта;"), std::string::npos);
  EXPECT_EQ(h[2].version.text.find("День Республики"), std::string::npos);
}

TEST(UnknownPast, NotesBeforeTheFirstEditionLeaveTheOlderWordingUnknown) {
  // Census decree 132554: the first stored edition (16.09.2020) already carries the changes of
  // № 587; what point 1 said before them is not in the texts.
  const Timeline t = timeline_of("editions/gov-132554");
  auto h = history(t, Language::ru, "para_1", {});
  ASSERT_GE(h.size(), 2u);
  EXPECT_EQ(h[0].version.status, VersionStatus::unknown);
  EXPECT_EQ(h[1].by, "decree № 587 of 2020-09-16");
  Publication pub = published_on_adoption(t);
  AtResult r = at(t, date("2020-01-01"), Language::ru, "para_1", pub);
  EXPECT_EQ(r.units[0].status, Status::unknown);
}

TEST(Timelines, XmlRoundTripAndSchemaForEveryActOfTheCorpus) {
  std::vector<std::pair<std::string, Diagnostic>> diags;
  auto groups = discover({std::string(ZANLINE_CORPUS_DIR)}, diags);
  ASSERT_GE(groups.size(), 15u);
  const fs::path dir = fs::temp_directory_path() / ("zanline-tl-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string files;
  for (const auto& g : groups) {
    std::vector<Diagnostic> bd;
    const Timeline t = build_timeline(g, bd);
    const std::string xml = timeline_to_xml(t);
    std::string error;
    auto back = timeline_from_xml(xml, &error);
    ASSERT_TRUE(back) << t.id << ": " << error;
    EXPECT_EQ(timeline_to_xml(*back), xml) << t.id;
    const fs::path f = dir / (t.id + ".xml");
    std::ofstream(f) << xml;
    files += " " + f.string();
  }
  const std::string cmd = "xmllint --noout --schema " + std::string(ZANLINE_SCHEMA_DIR) + "/timeline.xsd" +
                          files + " 2>" + (dir / "log").string();
  EXPECT_EQ(std::system(cmd.c_str()), 0) << testing::read_file((dir / "log").string());
  fs::remove_all(dir);
}

using testing::snapshot;

TEST(Store, RebuildFromTheSameInputsIsByteIdenticalAndFindsActs) {
  const fs::path base = fs::temp_directory_path() / ("zanline-store-" + std::to_string(::getpid()));
  fs::remove_all(base);
  std::map<std::string, std::string> first;
  for (int round = 0; round < 2; ++round) {
    const fs::path dir = base / std::to_string(round);
    std::vector<std::pair<std::string, Diagnostic>> diags;
    std::vector<StoredAct> acts;
    for (auto& g : discover({std::string(ZANLINE_CORPUS_DIR)}, diags)) {
      std::vector<Diagnostic> bd;
      StoredAct a{build_timeline(g, bd), {}};
      for (const SourceFile& s : a.timeline.sources)
        for (const Edition& e : g)
          if (e.origin == s.origin) a.sources.emplace_back(s.path, e.bytes);
      acts.push_back(std::move(a));
    }
    std::string error;
    auto store = Store::open(dir.string(), true, &error);
    ASSERT_TRUE(store) << error;
    ASSERT_TRUE(store->put(acts, &error)) << error;
    auto snap = snapshot(dir);
    if (round == 0) first = std::move(snap);
    else EXPECT_TRUE(snap == first) << "rebuild differs";
  }
  std::string error;
  auto store = Store::open((base / "0").string(), false, &error);
  ASSERT_TRUE(store);
  for (const char* spec : {"130/НҚ", "130/нқ", "27788", "/akn/kz/act/order/2022-04-19/130-nk", "order-2022-04-19-130-nk"}) {
    auto hits = store->find(spec);
    ASSERT_EQ(hits.size(), 1u) << spec;
    EXPECT_EQ(hits[0].id, "order-2022-04-19-130-nk");
  }
  EXPECT_EQ(store->find("267-II").size(), 1u);
  EXPECT_TRUE(store->find("37/НҚ").empty());
  // Sources are stored unchanged.
  EXPECT_EQ(testing::read_file((base / "0/acts/order-2022-04-19-130-nk/sources/kk/undated.txt").string()),
            testing::read_corpus("seed/order-130-nk-2022-04-19.kaz.txt"));
  // ... with their SHA-256 (as `sha256sum corpus/seed/order-130-nk-2022-04-19.kaz.txt` prints it).
  auto seed = store->load("order-2022-04-19-130-nk", &error);
  ASSERT_TRUE(seed) << error;
  ASSERT_EQ(seed->sources.size(), 1u);
  EXPECT_EQ(seed->sources[0].sha256, "09e26d397fbfd38811933b0105f12c8545ec25ce845dace1e7eac4b01c62e618");
  fs::remove_all(base);
}

TEST(Diff, HolidaysArticle3From2005To2010WordByWord) {
  // Law 10612 with its 2001, 2008 and 2009 editions; the amending laws' own texts (in the same
  // folders) say they enter into force on publication, which links resolve.
  std::vector<std::pair<std::string, Diagnostic>> diags;
  auto groups = discover({testing::corpus_path("triples/holidays-10612_by_40216"),
                          testing::corpus_path("triples/holidays-10612_by_45379")},
                         diags);
  std::vector<Timeline> timelines;
  for (const auto& g : groups) {
    std::vector<Diagnostic> bd;
    timelines.push_back(build_timeline(g, bd));
  }
  std::vector<Timeline*> all;
  for (Timeline& t : timelines) all.push_back(&t);
  EXPECT_EQ(link_amendments(all), 2u);  // 47-IV and 152-IV: "порядок введения в действие см. ст. 2"
  const Timeline* law = nullptr;
  for (const Timeline& t : timelines)
    if (t.id == "10612") law = &t;
  ASSERT_NE(law, nullptr);
  Publication pub;
  pub.self = Date{2001, 12, 20};
  pub.acts = {{"47-IV", Date{2008, 6, 28}}, {"152-IV", Date{2009, 4, 25}}};
  auto changes = diff(*law, Date{2005, 1, 1}, Date{2010, 1, 1}, Language::ru, "art_3", pub);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].eid, "art_3");
  const std::string d = render_word_diff(changes[0].ops);
  EXPECT_NE(d.find("Наурыз мейрамы - [-22-]{+21-23+} марта;"), std::string::npos) << d;
  EXPECT_NE(d.find("{+День Столицы - 6 июля;\n+}"), std::string::npos) << d;
  EXPECT_NE(d.find("[-День Республики - 25 октября.-]"), std::string::npos) << d;
  EXPECT_TRUE(diff(*law, Date{2005, 1, 1}, Date{2006, 1, 1}, Language::ru, "", pub).empty());
}

TEST(AnswerSchema, EnumerationsMatchToString) {
  const std::string xsd = testing::read_file(std::string(ZANLINE_SCHEMA_DIR) + "/answer.xsd");
  testing::expect_xsd_enumeration<Status>(xsd, "status");
  testing::expect_xsd_enumeration<UnitKind>(xsd, "unitKind");
}

TEST(Store, AnInterruptedCommitIsFinishedOnOpen) {
  const fs::path dir = fs::temp_directory_path() / ("zanline-journal-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "index.tsv") << "old\n";
  std::ofstream(dir / "index.tsv.tmp.1") << "id\turi\ttype\tdate\tnumber\tregistration\tact_code\ttitle\n";
  std::ofstream(dir / "journal.tsv") << (dir / "index.tsv.tmp.1").string() << "\t" << (dir / "index.tsv").string() << "\n";
  std::string error;
  auto store = Store::open(dir.string(), false, &error);
  ASSERT_TRUE(store) << error;
  EXPECT_FALSE(fs::exists(dir / "journal.tsv"));
  EXPECT_FALSE(fs::exists(dir / "index.tsv.tmp.1"));
  EXPECT_TRUE(testing::read_file((dir / "index.tsv").string()).starts_with("id\turi"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace zanline
