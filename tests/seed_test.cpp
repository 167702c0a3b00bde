// The founding example: order No. 130/НҚ of 19.04.2022 (PDF export, Kazakh). Every value
// asserted here is read off the real text in corpus/seed/.
#include <gtest/gtest.h>

#include "test_util.hpp"
#include "zanline/parser.hpp"

namespace zanline {
namespace {

const Document& seed() {
  static const Document doc =
      parse(testing::read_corpus("seed/order-130-nk-2022-04-19.kaz.txt"), {.source_name = "seed"});
  return doc;
}

const Unit* find(const std::vector<Unit>& units, const std::string& eid) {
  for (const Unit& u : units) {
    if (u.eid == eid) return &u;
    if (const Unit* c = find(u.children, eid)) return c;
  }
  return nullptr;
}

TEST(Seed, Metadata) {
  const Metadata& m = seed().meta;
  EXPECT_EQ(m.lang, Language::kk);
  EXPECT_EQ(m.type, "order");
  EXPECT_EQ(m.number, "130/НҚ");
  ASSERT_TRUE(m.date);
  EXPECT_EQ(m.date->iso(), "2022-04-19");
  EXPECT_EQ(m.registration, "27788");
  ASSERT_TRUE(m.registration_date);
  EXPECT_EQ(m.registration_date->iso(), "2022-04-27");
  EXPECT_EQ(m.status_label, "Күшін жойған");
  EXPECT_EQ(m.status, ActStatus::repealed);
  EXPECT_EQ(m.issuer,
            "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрінің");
  EXPECT_TRUE(m.title.starts_with("\"Ақпараттық-коммуникациялық технологиялар саласындағы"));
  EXPECT_TRUE(m.title.ends_with("№ 37/НҚ бұйрығына өзгерістер енгізу туралы"));
}

TEST(Seed, RepealedBy521FromNewYear2026) {
  const auto& r = seed().meta.repeal;
  ASSERT_TRUE(r);
  EXPECT_EQ(r->by.number, "521/НҚ");
  ASSERT_TRUE(r->by.date);
  EXPECT_EQ(r->by.date->iso(), "2025-10-20");
  ASSERT_TRUE(r->effective);
  EXPECT_EQ(r->effective->iso(), "2026-01-01");
}

TEST(Seed, EntersIntoForceTenDaysAfterPublicationUnresolved) {
  const EntryIntoForce& e = seed().meta.entry_into_force;
  EXPECT_EQ(e.kind, EifKind::days_after_publication);
  EXPECT_EQ(e.amount, 10);
  EXPECT_FALSE(e.date);  // the publication date is not in the text
  EXPECT_EQ(e.pos.line, 55);
}

TEST(Seed, PointsSubpointsSignature) {
  const Document& d = seed();
  for (const char* eid : {"para_1", "para_2", "para_3", "para_4"}) EXPECT_TRUE(find(d.body, eid)) << eid;
  EXPECT_FALSE(find(d.body, "para_5"));
  const Unit* p2 = find(d.body, "para_2");
  ASSERT_TRUE(p2);
  ASSERT_EQ(p2->children.size(), 3u);
  EXPECT_EQ(p2->children[0].eid, "para_2__point_1");
  EXPECT_EQ(p2->children[0].text,
            "осы бұйрықты Қазақстан Республикасы Әділет министрлігінде мемлекеттік тіркеуді;");
  EXPECT_EQ(p2->children[2].num, "3");
  EXPECT_EQ(p2->pos.line, 35);
  EXPECT_EQ(p2->pos.col, 7);
  const Unit* sig = find(d.body, "signature");
  ASSERT_TRUE(sig);
  EXPECT_EQ(sig->text,
            "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрі\n"
            "Б. Мусин");
}

TEST(Seed, AppendixRestatesAppendix2OfOrder37) {
  const Unit* app = find(seed().body, "app_1");
  ASSERT_TRUE(app);
  ASSERT_TRUE(app->appendix);
  EXPECT_EQ(app->heading, "Меншікті тауарлар өндірісінің өлшемшарттары");
  EXPECT_EQ(app->appendix->of_act_number, "130/НҚ");
  EXPECT_EQ(app->appendix->of_act_date, "2022-04-19");
  EXPECT_EQ(app->appendix->restates_act_number, "37/НҚ");
  EXPECT_EQ(app->appendix->restates_act_date, "2019-04-11");
  EXPECT_EQ(app->appendix->restates_num, "2");
  ASSERT_EQ(app->children.size(), 3u);
  const Unit* p2 = find(seed().body, "app_1__para_2");
  ASSERT_TRUE(p2);
  ASSERT_EQ(p2->children.size(), 2u);
  // The repaired reading of the displaced words of line 103.
  EXPECT_EQ(p2->children[1].text,
            "\"Қазақстан Республикасының Ұлттық Кәсіпкерлер палатасы туралы\" Қазақстан Республикасы "
            "Заңының 21-бабы 4-тармағының 13) тармақшасына сәйкес индустриялық сертификаттың бар болуы.");
}

TEST(Seed, TwoInstructionsAgainstOrder37) {
  const auto& ins = seed().instructions;
  ASSERT_EQ(ins.size(), 2u);
  for (const Instruction& i : ins) {
    EXPECT_EQ(i.target_act.number, "37/НҚ");
    ASSERT_TRUE(i.target_act.date);
    EXPECT_EQ(i.target_act.date->iso(), "2019-04-11");
    EXPECT_EQ(i.target_act.registration, "18523");
    EXPECT_EQ(i.target_act.type, "order");
    EXPECT_EQ(i.op, Operation::new_wording);
  }
  EXPECT_EQ(ins[0].target_eid, "para_19");
  EXPECT_EQ(ins[0].scope,
            "көрсетілген бұйрықпен бекітілген Ақпараттық-коммуникациялық технологиялар саласындағы "
            "басым қызмет түрлерінің тізбесінде");
  EXPECT_EQ(ins[0].new_text,
            "19. Есептеу операцияларын орындау және деректерді өңдеу үшін кешенді есептеу "
            "инфрақұрылымымен қамтамасыз ету бойынша көрсетілетін қызметтер (цифрлық майнинг бойынша "
            "қызметті жүзеге асыратын тұлғаларға инфрақұрылым ұсынатын деректерді өңдеу орталықтарын "
            "(Data-орталықтарды) қоспағанда).");
  EXPECT_EQ(ins[0].pos.line, 27);
  EXPECT_EQ(ins[1].target_eid, "app_2");
  EXPECT_EQ(ins[1].new_text_ref, "app_1");
  EXPECT_EQ(ins[1].scope, "көрсетілген бұйрықпен бекітілген меншікті өндірістің өлшемшарттары");
}

TEST(Seed, RepairsAreRecordedAndReversible) {
  const Document& d = seed();
  int displaced = 0;
  for (const Repair& r : d.repairs) displaced += r.kind == "displaced-word";
  EXPECT_EQ(displaced, 10);
  const Repair* first = nullptr;
  for (const Repair& r : d.repairs)
    if (r.kind == "displaced-word") {
      first = &r;
      break;
    }
  ASSERT_TRUE(first);
  EXPECT_EQ(first->pos.line, 16);
  EXPECT_EQ(first->before, "Жасанды интеллект және цифрлық даму министрінің 20.10.2025  (№ 521/НҚ");
  EXPECT_EQ(first->after, "Жасанды интеллект және цифрлық даму министрінің 20.10.2025 № 521/НҚ (");
  // The original line is in the input exactly at the recorded offset.
  const std::string input = testing::read_corpus("seed/order-130-nk-2022-04-19.kaz.txt");
  EXPECT_EQ(input.substr(first->offset, first->before.size()), first->before);
}

TEST(Seed, RepealNoteReadsAsRepairedSentence) {
  const Document& d = seed();
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].text,
            "Ескерту. Бұйрықтың күші жойылды - ҚР Премьер-Министрінің орынбасары – Жасанды интеллект және "
            "цифрлық даму министрінің 20.10.2025 № 521/НҚ (01.01.2026 бастап қолданысқа енгізіледі) "
            "бұйрығымен.");
  ASSERT_EQ(d.notes[0].events.size(), 1u);
  EXPECT_EQ(d.notes[0].events[0].target, "act");
  EXPECT_EQ(d.notes[0].events[0].action, NoteAction::repealed);
}

TEST(Seed, WarnsAboutMixedScriptStKz) {
  const Document& d = seed();
  ASSERT_FALSE(d.has_errors());
  int warnings = 0;
  for (const Diagnostic& x : d.diagnostics) {
    if (x.code != "text.mixed-script") continue;
    ++warnings;
    EXPECT_EQ(x.severity, Severity::warning);
    EXPECT_EQ(x.pos.line, 100);
    EXPECT_NE(x.message.find("КZ"), std::string::npos);
  }
  EXPECT_EQ(warnings, 1);
}

TEST(Seed, NoRepairKeepsTextAndWarns) {
  const Document d = parse(testing::read_corpus("seed/order-130-nk-2022-04-19.kaz.txt"),
                           {.source_name = "seed", .repair = false});
  int displaced_repairs = 0, displaced_warnings = 0;
  for (const Repair& r : d.repairs) displaced_repairs += r.kind == "displaced-word";
  for (const Diagnostic& x : d.diagnostics) displaced_warnings += x.code == "text.displaced-word";
  EXPECT_EQ(displaced_repairs, 0);
  EXPECT_EQ(displaced_warnings, 10);
  ASSERT_FALSE(d.notes.empty());
  EXPECT_NE(d.notes[0].text.find("бұйрығымен.қолданысқа"), std::string::npos);
}

}  // namespace
}  // namespace zanline
