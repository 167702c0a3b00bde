// Table-driven tests: one row per real line from the reference or the corpus, with the exact
// expected parse.
#include <gtest/gtest.h>

#include <algorithm>

#include "grammar.hpp"
#include "patterns.hpp"
#include "refs.hpp"
#include "zanline/date.hpp"
#include "test_util.hpp"
#include "zanline/parser.hpp"

namespace zanline {
namespace {

TEST(Patterns, EveryPatternCompiles) {
  for (const auto& [name, re] : patterns::all()) EXPECT_TRUE(re->ok()) << name << ": " << re->error();
  EXPECT_GT(patterns::all().size(), 40u);
}

struct DateRow {
  const char* text;
  const char* iso;
};

TEST(Dates, KazakhRussianNumeric) {
  const DateRow rows[] = {
      {"министрінің 2019 жылғы 11 сәуірдегі № 37/НҚ", "2019-04-11"},      // seed
      {"Әділет министрлігінде 2022 жылғы 27 сәуірде № 27788", "2022-04-27"},  // seed
      {"2008 жылгы 24 қыркүйектегі", "2008-09-24"},                          // adilet P1100000310
      {"от 13 декабря 2001 года «О праздниках", "2001-12-13"},              // rus/45379
      {"20.10.2025  (№ 521/НҚ", "2025-10-20"},                               // seed
      {"ҚР 1998.03.02. N 211", "1998-03-02"},                                 // GK879
      {"ҚР Президентінің 2015.29.12. № 152 Жарлығымен", "2015-12-29"},        // swapped outlier
  };
  for (const auto& r : rows) {
    auto found = refs::find_dates(r.text);
    ASSERT_FALSE(found.empty()) << r.text;
    EXPECT_EQ(found.front().date.iso(), r.iso) << r.text;
  }
  EXPECT_TRUE(refs::find_dates("31.02.2020").empty());
  EXPECT_EQ(Date({2022, 4, 28}).add_days(10).iso(), "2022-05-08");
  EXPECT_EQ(Date({2024, 2, 28}).add_days(1).iso(), "2024-02-29");
}

struct EifRow {
  const char* text;
  EifKind kind;
  int amount;
  const char* date;
};

TEST(EntryIntoForce, Clauses) {
  const EifRow rows[] = {
      {"4. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
       EifKind::days_after_publication, 10, ""},
      {"5. Настоящий приказ вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.",
       EifKind::days_after_publication, 10, ""},
      {"по истечении двадцати одного календарного дня после дня его первого официального опубликования",
       EifKind::days_after_publication, 21, ""},
      {"4. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.", EifKind::from_signing, 0, ""},
      {"4. Настоящее постановление вводится в действие со дня его подписания.", EifKind::from_signing, 0, ""},
      {"2-бап. Осы Заң ресми жарияланған күнінен бастап бір ай өткеннен кейін қолданысқа енгізіледі.",
       EifKind::months_after_publication, 1, ""},
      {"01.01.2026 бастап қолданысқа енгізіледі", EifKind::from_date, 0, "2026-01-01"},
      {"вводится в действие с 01.01.2019", EifKind::from_date, 0, "2019-01-01"},
      {"вводится в действие с 1 июля 2021 года", EifKind::from_date, 0, "2021-07-01"},
      {"2-бап. Осы Заң алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі.",
       EifKind::from_publication, 0, ""},
      {"Статья 2 . Настоящий Закон вводится в действие со дня его первого официального опубликования.",
       EifKind::from_publication, 0, ""},
      {"3. Осы қаулы шекаралас мемлекеттерге хабарлағаннан кейін қолданысқа енгізіледі.",
       EifKind::after_event, 0, ""},
      {"қолданысқа енгізілу тәртібін 2-баптан қараңыз", EifKind::see_unit, 0, ""},
      {"порядок введения в действие см. ст. 2 ", EifKind::see_unit, 0, ""},
  };
  for (const auto& r : rows) {
    EntryIntoForce e = refs::parse_eif(r.text);
    EXPECT_EQ(e.kind, r.kind) << r.text << " -> " << to_string(e.kind);
    EXPECT_EQ(e.amount, r.amount) << r.text;
    EXPECT_EQ(e.date ? e.date->iso() : std::string(), r.date) << r.text;
  }
}

TEST(EntryIntoForce, OnlyAClauseThatSaysSoIsOne) {
  // Law 161925 types "қолданысқаенгізіледі" without a space; article 3 of law 95275 says that
  // self-regulation "... қызмет салаларына енгізіледі" (is introduced into areas) — no entry into force.
  EXPECT_TRUE(refs::mentions_eif("... заңдары қолданысқа енгізілген күннен бастап қолданысқаенгізіледі."));
  EXPECT_FALSE(refs::mentions_eif(
      "Кәсіпкерлік немесе кәсіптік қызмет саласындағы міндетті мүшелікке (қатысуға) негізделген өзін-өзі реттеу осы "
      "Заңда айқындалатын тәртіппен ... ұштасатын қызмет салаларына енгізіледі."));
  const Document d = parse(testing::read_corpus("triples/self-regulation-95275_by_161925/before.kaz.md"),
                           {.source_name = "95275"});
  EXPECT_EQ(d.meta.entry_into_force.kind, EifKind::none) << d.meta.entry_into_force.text;
}

struct PathRow {
  const char* text;
  Language lang;
  const char* eid;
};

TEST(UnitPaths, KazakhAndRussianCitations) {
  const PathRow rows[] = {
      {"19-тармақ", Language::kk, "para_19"},
      {"1-баптың 2 және 3-тармақтары", Language::kk, "art_1__para_2+3"},
      {"4-баптың 5) тармақшасы", Language::kk, "art_4__point_5"},
      {"1-баптың екінші абзацы", Language::kk, "art_1__al_2"},
      {"21-бабы 4-тармағының 13) тармақшасына", Language::kk, "art_21__para_4__point_13"},
      {"7-баптың 2-тармағы", Language::kk, "art_7__para_2"},
      {"3-бап мынадай мазмұндағы жетінші абзацпен", Language::kk, "art_3__al_7"},
      {"пункты 2 и 3 статьи 1", Language::ru, "art_1__para_2+3"},
      {"подпункт 5) статьи 4", Language::ru, "art_4__point_5"},
      {"абзац второй статьи 1", Language::ru, "art_1__al_2"},
      {"подпункт 2) пункта 2 статьи 28", Language::ru, "art_28__para_2__point_2"},
      {"приложение 1 пункт 8", Language::ru, "app_1__para_8"},
  };
  for (const auto& r : rows) EXPECT_EQ(refs::eid_of(refs::parse_unit_path(r.text, r.lang)), r.eid) << r.text;
}

struct NoteRow {
  const char* text;  // after "Ескерту." / "Сноска."
  Language lang;
  std::size_t events;
  const char* target;
  NoteAction action;
  const char* number;  // of the first event
  const char* date;
  EifKind eif;
};

TEST(Notes, RealNotesToEvents) {
  const NoteRow rows[] = {
      // seed (after repair)
      {"Бұйрықтың күші жойылды - ҚР Премьер-Министрінің орынбасары – Жасанды интеллект және цифрлық даму министрінің 20.10.2025 № 521/НҚ (01.01.2026 бастап қолданысқа енгізіледі) бұйрығымен.",
       Language::kk, 1, "act", NoteAction::repealed, "521/НҚ", "2025-10-20", EifKind::from_date},
      // editions/gov-143717
      {"Қаулы 1-1-тармақпен толықтырылды - ҚР Үкіметінің 10.06.2020 № 369 (қол қойылған күнінен бастап қолданысқа енгізіледі) қаулысымен.",
       Language::kk, 1, "para_1-1", NoteAction::supplemented, "369", "2020-06-10", EifKind::from_signing},
      {"Постановление дополнено пунктом 1-1 в соответствии с постановлением Правительства РК от 10.06.2020 № 369 (вводится в действие со дня его подписания).",
       Language::ru, 1, "para_1-1", NoteAction::supplemented, "369", "2020-06-10", EifKind::from_signing},
      // triples/holidays-10612_by_45379/after.rus.md
      {"Статья 3 с изменениями, внесенными Законами РК от 25.06.2008 N 47-IV (порядок введения в действие см. ст. 2 ); от 22.04.2009 N 152-IV (порядок введения в действие см. ст. 2 ).",
       Language::ru, 2, "art_3", NoteAction::amended, "47-IV", "2008-06-25", EifKind::see_unit},
      {"3-бапқа өзгерту енгізілді - Қазақстан Республикасының 2008.06.25 N 47-IV (қолданысқа енгізілу тәртібін 2-тармақтан қараңыз), 2009.04.22. N 152-IV Заңдарымен.",
       Language::kk, 2, "art_3", NoteAction::amended, "47-IV", "2008-06-25", EifKind::see_unit},
      // editions/gov-132554
      {"1-тармақ жаңа редакцияда - ҚР Үкіметінің 16.09.2020 № 587 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі); 26.05.2021 № 350 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) қаулыларымен.",
       Language::kk, 2, "para_1", NoteAction::new_wording, "587", "2020-09-16", EifKind::days_after_publication},
      {"Заголовок в редакции постановления Правительства РК от 16.09.2020 № 587 (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).",
       Language::ru, 1, "title", NoteAction::new_wording, "587", "2020-09-16", EifKind::days_after_publication},
      // kz-laws/1021 (two actions in one note); as the grammar sees it, after the normalizer turned
      // the Latin "i" of "күнiнен", "енгiзiледi" into Kazakh "і" (see LatinILineOf1021 below)
      {"1-бап жаңа редакцияда - ҚР 2006.03.02 № 130 (ресми жарияланған күнінен бастап қолданысқа енгізіледі), өзгеріс енгізілді - ҚР 03.07.2014 № 227-V (01.01.2015 бастап қолданысқа енгізіледі) Заңдарымен.",
       Language::kk, 2, "art_1", NoteAction::new_wording, "130", "2006-03-02", EifKind::from_publication},
      // triples/nf-transfer-126297_by_130472/after.kaz.md
      {"01.01.2019 бастап қолданысқа енгізіледі - осы Заңның 2-бабымен.", Language::kk, 1, "act",
       NoteAction::entry_into_force, "", "", EifKind::from_date},
  };
  for (const auto& r : rows) {
    auto events = parse_note_events(r.text, r.lang);
    ASSERT_EQ(events.size(), r.events) << r.text;
    EXPECT_EQ(events[0].target, r.target) << r.text;
    EXPECT_EQ(events[0].action, r.action) << r.text;
    EXPECT_EQ(events[0].act.number, r.number) << r.text;
    EXPECT_EQ(events[0].act.date ? events[0].act.date->iso() : std::string(), r.date) << r.text;
    EXPECT_EQ(events[0].entry_into_force.kind, r.eif) << r.text;
  }
  // The second act of the 1021 note is amended (not "new wording"), from 2015-01-01.
  auto two = parse_note_events(rows[7].text, Language::kk);
  EXPECT_EQ(two[1].action, NoteAction::amended);
  ASSERT_TRUE(two[1].entry_into_force.date);
  EXPECT_EQ(two[1].entry_into_force.date->iso(), "2015-01-01");
}

TEST(Notes, LatinILineOf1021) {
  // The raw line of kz-laws/1021/kaz.md, Latin "i" (U+0069) inside Kazakh words.
  const Document d = parse(
      "Ескерту. 1-бап жаңа редакцияда - ҚР 2006.03.02 № 130 (ресми жарияланған күнiнен бастап "
      "қолданысқа енгiзiледi), өзгеріс енгізілді - ҚР 03.07.2014 № 227-V (01.01.2015 бастап "
      "қолданысқа енгізіледі) Заңдарымен.\n",
      {.source_name = "line"});
  ASSERT_EQ(d.notes.size(), 1u);
  ASSERT_EQ(d.notes[0].events.size(), 2u);
  EXPECT_EQ(d.notes[0].events[0].entry_into_force.kind, EifKind::from_publication);
  int lookalikes = 0;
  for (const Repair& r : d.repairs) lookalikes += r.kind == "lookalike";
  EXPECT_EQ(lookalikes, 2);
}

struct InstructionRow {
  const char* file;  // corpus-relative
  std::size_t count;
  std::size_t index;
  Operation op;
  const char* eid;
  const char* act_date;
  const char* old_words;
  const char* new_words;
  const char* new_text_start;
};

TEST(Instructions, AmendingActsOfTheCorpus) {
  const InstructionRow rows[] = {
      {"triples/holidays-10612_by_40216/amending.kaz.md", 1, 0, Operation::insert, "art_3__al_7", "2001-12-13", "", "", "6 шілде - Астана күні;"},
      {"triples/holidays-10612_by_40216/amending.rus.md", 1, 0, Operation::insert, "art_3__al_7", "2001-12-13", "", "", "День Столицы - 6 июля;"},
      {"triples/holidays-10612_by_45379/amending.kaz.md", 2, 0, Operation::substitute, "art_3__al_4", "2001-12-13", "22", "21-23", ""},
      {"triples/holidays-10612_by_45379/amending.rus.md", 2, 0, Operation::substitute, "art_3__al_4", "2001-12-13", "22", "21 - 23", ""},
      {"triples/holidays-10612_by_45379/amending.rus.md", 2, 1, Operation::delete_, "art_3__al_9", "2001-12-13", "", "", ""},
      {"triples/security-council-123314_by_164356/amending.rus.md", 5, 2, Operation::new_wording, "art_1__para_2+3", "2018-07-05", "", "", "2. Президент Республики Казахстан является Председателем"},
      {"triples/security-council-123314_by_164356/amending.kaz.md", 5, 3, Operation::delete_, "art_4__point_5", "2018-07-05", "", "", ""},
      {"triples/security-council-123314_by_164356/amending.kaz.md", 5, 4, Operation::new_wording, "art_7", "2018-07-05", "", "", "7-бап. Қауіпсіздік Кеңесінің Аппараты"},
      {"triples/nf-transfer-126297_by_130472/amending.rus.md", 1, 0, Operation::new_wording, "art_1__al_2", "2018-11-30", "", "", "2019 год – 2 700 000 000 тысяч тенге;"},
      {"triples/nf-transfer-160919_by_167645/amending.kaz.md", 1, 0, Operation::new_wording, "art_1__al_2", "2021-11-30", "", "", "2022 жыл – 4 030 000 000 мың теңге;"},
  };
  for (const auto& r : rows) {
    Document d = parse(testing::read_corpus(r.file), {.source_name = r.file});
    ASSERT_EQ(d.instructions.size(), r.count) << r.file;
    const Instruction& i = d.instructions[r.index];
    EXPECT_EQ(i.op, r.op) << r.file;
    EXPECT_EQ(i.target_eid, r.eid) << r.file;
    EXPECT_EQ(i.target_act.date ? i.target_act.date->iso() : "", r.act_date) << r.file;
    EXPECT_EQ(i.old_words, r.old_words) << r.file;
    EXPECT_EQ(i.new_words, r.new_words) << r.file;
    EXPECT_TRUE(i.new_text.starts_with(r.new_text_start)) << r.file << ": " << i.new_text;
  }
}

TEST(Instructions, RepealByListKazakhOrder521) {
  // "Осы бұйрыққа 3-қосымшаға сәйкес кейбір бұйрықтардың күші жойылды деп танылсын." — the
  // acts are the items of appendix 3. Item 2's title cites order 37/НҚ in the dative (and its
  // nested quotes do not balance); the act repealed is the one named last, 130/НҚ.
  const Document d = parse(testing::read_corpus("acts/order-521-nk-2025/kaz.md"), {.source_name = "521"});
  ASSERT_EQ(d.instructions.size(), 3u);
  const char* numbers[] = {"37/НҚ", "130/НҚ", "413/НҚ"};
  const char* dates[] = {"2019-04-11", "2022-04-19", "2023-09-20"};
  const char* registrations[] = {"18523", "27788", "33450"};
  for (std::size_t k = 0; k < 3; ++k) {
    const Instruction& i = d.instructions[k];
    EXPECT_EQ(i.op, Operation::repeal);
    EXPECT_EQ(i.target_act.number, numbers[k]);
    EXPECT_EQ(i.target_act.date->iso(), dates[k]);
    EXPECT_EQ(i.target_act.registration, registrations[k]);
    EXPECT_EQ(i.target_act.type, "order");
    EXPECT_EQ(i.target_eid, "") << "whole acts";
  }
  EXPECT_EQ(d.instructions[1].pos.line, 170);
}

TEST(Instructions, RepealByListRussianDecree581) {
  // Point 4: "Признать утратившими силу некоторые решения ... согласно приложению 1 к настоящему
  // постановлению." 124 items: whole acts, units of acts, units of documents acts approved.
  const Document d = parse(testing::read_corpus("triples/applied-math-136943_by_170948/amending.rus.md"),
                           {.source_name = "581"});
  std::vector<const Instruction*> listed;
  for (const Instruction& i : d.instructions)
    if (i.op == Operation::repeal) listed.push_back(&i);
  ASSERT_EQ(listed.size(), 124u);
  for (const Instruction* i : listed) EXPECT_EQ(i->target_act.type, "decree") << i->text;
  // 2. Пункт 5 постановления ... от 24 декабря 2004 года № 1376 «О передислокации ...».
  EXPECT_EQ(listed[1]->target_eid, "para_5");
  EXPECT_EQ(listed[1]->target_act.number, "1376");
  EXPECT_EQ(listed[1]->target_act.date->iso(), "2004-12-24");
  EXPECT_EQ(listed[1]->scope, "");
  // 3. Подпункт 4) пункта 4 постановления ... от 4 марта 2005 года № 207 ...
  EXPECT_EQ(listed[2]->target_eid, "para_4__point_4");
  EXPECT_EQ(listed[2]->target_act.number, "207");
  // 100. Пункт 1 изменений и дополнений, ..., утвержденных постановлением ... № 914 «...».
  const Instruction& item100 = *listed[99];
  EXPECT_EQ(item100.pos.line, 1147);
  EXPECT_EQ(item100.target_eid, "para_1");
  EXPECT_EQ(item100.target_act.number, "914");
  EXPECT_EQ(item100.target_act.date->iso(), "2019-12-10");
  EXPECT_EQ(item100.scope,
            "Пункт 1 изменений и дополнений, которые вносятся в некоторые решения Правительства Республики Казахстан");
  // The quoted list of joint-stock companies has unbalanced nested quotes («...«Өрлеу».): the
  // quotation is taken to end before the next numbered instruction, and that is reported.
  const auto w = std::find_if(d.diagnostics.begin(), d.diagnostics.end(),
                              [](const Diagnostic& g) { return g.code == "structure.unbalanced-quotes"; });
  ASSERT_NE(w, d.diagnostics.end());
  EXPECT_EQ(w->pos.line, 865);
  // Appendices "Приложение 1" and "Приложение 2" keep their numbers; the two unnumbered ones
  // before them ("Утверждено" the Regulation, "Утверждены" the changes) take the next free ones.
  std::vector<std::pair<std::string, std::string>> apps;
  for (const Unit& u : d.body)
    if (u.kind == UnitKind::appendix) apps.emplace_back(u.eid, u.heading.substr(0, u.heading.find(' ')));
  EXPECT_EQ(apps, (std::vector<std::pair<std::string, std::string>>{
                      {"app_3", "Положение"}, {"app_4", "Изменения"}, {"app_1", "Перечень"}, {"app_2", "Государственные"}}));
  for (const Diagnostic& g : d.diagnostics) {
    if (g.code != "structure.duplicate-eid") continue;
    EXPECT_TRUE(g.message.starts_with("unit app_3__")) << g.message << " (the Regulation repeats point numbers)";
  }
  // "5. В постановлении ... от 29 декабря 2018 года № 936 «О некоторых вопросах ... и внесении
  // изменений ... в некоторые решения ...»:" is a decree, not a "decision" of its title.
  const auto i936 = std::find_if(d.instructions.begin(), d.instructions.end(),
                                 [](const Instruction& i) { return i.target_act.number == "936"; });
  ASSERT_NE(i936, d.instructions.end());
  EXPECT_EQ(i936->target_act.type, "decree");
}

TEST(Instructions, ThroughoutTheTextNeedsNoUnitButABareInstructionIsReported) {
  // Law 22306 on decree 3845: "в тексте слова "Указом", ... заменить соответственно словами ...;
  // после слов "местный исполнительный орган", ... дополнить ..." — both clauses are meant for
  // the whole act, the second by the first's "в тексте".
  for (const char* f : {"triples/peaceful-assemblies-3845_by_22306/amending.rus.md",
                        "triples/peaceful-assemblies-3845_by_22306/amending.kaz.md"}) {
    const Document d = parse(testing::read_corpus(f), {.source_name = f});
    for (const Diagnostic& g : d.diagnostics) EXPECT_NE(g.code, "instruction.no-target") << f << ": " << g.message;
    std::size_t whole_act = 0;
    for (const Instruction& i : d.instructions)
      if (i.target_eid.empty() && !i.old_words.empty()) ++whole_act;
    EXPECT_EQ(whole_act, 2u) << f;
  }
  const Document bare = parse(
      "1. В Закон Республики Казахстан от 13 декабря 2001 года «О праздниках в Республике Казахстан»:\n\n"
      "слова «9 мая» заменить словами «10 мая».\n",
      {.source_name = "bare"});
  ASSERT_EQ(bare.instructions.size(), 1u);
  EXPECT_TRUE(std::any_of(bare.diagnostics.begin(), bare.diagnostics.end(),
                          [](const Diagnostic& g) { return g.code == "instruction.no-target"; }));
}

TEST(Text, ClipUtf8CutsAtACharacterBoundary) {
  // "тармақ" is 12 bytes; 7 bytes would split "р".
  EXPECT_EQ(clip_utf8("тармақ", 7), "тар…");
  EXPECT_EQ(clip_utf8("тармақ", 12), "тармақ");
  EXPECT_EQ(clip_utf8("19-тармақ", 4), "19-…");
}

TEST(Citations, ListedActKazakhTakesTheLastNonDativeCitation) {
  // Item 100 of decree 581's list in its Kazakh text (a later edition, quoted in corpus/triples/README.md).
  const std::string item =
      "«Қазақстан Республикасы Білім және ғылым министрлігінің Ғылым комитеті «Қолданбалы математика институты» "
      "республикалық мемлекеттік қазыналық кәсіпорнының кейбір мәселелері туралы» Қазақстан Республикасы "
      "Үкіметінің 2019 жылғы 10 желтоқсандағы № 914 қаулысымен бекітілген Қазақстан Республикасы Үкіметінің кейбір "
      "шешімдеріне енгізілетін өзгерістер мен толықтырулардың 1-тармағы.";
  const ActRef r = refs::parse_listed_act(item, Language::kk);
  EXPECT_EQ(r.number, "914");
  EXPECT_EQ(r.date->iso(), "2019-12-10");
  EXPECT_EQ(r.type, "decree");
  EXPECT_EQ(refs::eid_of(refs::parse_unit_path(item, Language::kk)), "para_1");
}

}  // namespace
}  // namespace zanline
