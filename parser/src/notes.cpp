#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "grammar.hpp"
#include "normalize.hpp"
#include "patterns.hpp"
#include "refs.hpp"
#include "text.hpp"

// Notes (Ескерту / Сноска) -> events, and YAML metadata (front matter, meta.yaml).
namespace zanline {
namespace {

std::string_view sv(const re2::StringPiece& p) { return {p.data(), p.size()}; }

// --- notes ---------------------------------------------------------------------------------------

struct ActionWord {
  std::string_view word;  // matched on lower-cased text
  NoteAction action;
};

// Order matters only for overlapping words; positions decide which action governs a reference.
constexpr ActionWord kActionWords[] = {
    {"жаңа редакцияда", NoteAction::new_wording},
    {"в редакции", NoteAction::new_wording},
    {"өзгерістер енгізілді", NoteAction::amended},
    {"өзгеріс енгізілді", NoteAction::amended},
    {"өзгерту енгізілді", NoteAction::amended},
    {"өзгертулер енгізілді", NoteAction::amended},
    {"с изменени", NoteAction::amended},
    {"внесены изменения", NoteAction::amended},
    {"изменен", NoteAction::amended},
    {"толықтырылды", NoteAction::supplemented},
    {"дополнен", NoteAction::supplemented},
    {"заменен", NoteAction::amended},
    {"ауыстырылды", NoteAction::amended},
    {"алып тасталды", NoteAction::excluded},
    {"исключен", NoteAction::excluded},
    {"күші жойылды", NoteAction::repealed},
    {"утратил", NoteAction::repealed},
    {"қолданысқа енгізіледі", NoteAction::entry_into_force},
    {"вводится в действие с", NoteAction::entry_into_force},
};

struct Found {
  std::size_t pos;
  NoteAction action;
  std::size_t len;
};

// The act-level words a note may start with: "Бұйрықтың", "Қаулы", "Заң", "Постановление".
bool names_whole_act(std::string_view target_lower) {
  for (std::string_view w : {"бұйрық", "қаулы", "заң", "кодекс", "жарлық", "приказ", "постановлени",
                             "закон", "указ", "решени", "шешім"})
    if (target_lower.substr(0, w.size()) == w) return true;
  return false;
}

std::string note_target(std::string_view target_text, Language lang) {
  const std::string lower = text::to_lower(text::trim(target_text));
  if (lower.empty()) return "act";
  std::vector<UnitStep> path = refs::parse_unit_path(target_text, lang);
  if (!path.empty()) return refs::eid_of(path);
  if (lower.starts_with("тақырып") || lower.starts_with("заголов")) return "title";
  if (lower.starts_with("мәтін") || lower.starts_with("в тексте") || lower.starts_with("по всему тексту"))
    return "act";
  if (lower.starts_with("кіріспе") || lower.starts_with("преамбул")) return "preamble";
  if (lower.starts_with("қосымша") || lower.starts_with("приложени")) return "app";
  if (names_whole_act(lower)) {
    // "Қаулы 1-1-тармақпен толықтырылды": the unit is named after the action word.
    return "act";
  }
  return "";
}

}  // namespace

std::vector<NoteEvent> parse_note_events(std::string_view note, Language lang) {
  std::vector<NoteEvent> events;
  const std::string body = text::squeeze_spaces(note);
  const std::string lower = text::to_lower(body);

  std::vector<Found> actions;
  for (const auto& aw : kActionWords) {
    for (std::size_t p = lower.find(aw.word); p != std::string::npos; p = lower.find(aw.word, p + 1)) {
      bool covered = false;
      for (const Found& f : actions)
        if (p >= f.pos && p < f.pos + f.len) covered = true;
      if (!covered) actions.push_back({p, aw.action, aw.word.size()});
    }
  }
  std::sort(actions.begin(), actions.end(), [](const Found& a, const Found& b) { return a.pos < b.pos; });
  if (actions.empty()) return events;

  // Target: the words before the first action ("1-бапқа", "Статья 3", "Бұйрықтың"); for
  // "Қаулы 1-1-тармақпен толықтырылды" / "дополнено пунктом 1-1" the unit comes with the action.
  std::string_view target_text = std::string_view(body).substr(0, actions.front().pos);
  std::string target = note_target(target_text, lang);
  if (target == "act" && actions.front().action == NoteAction::supplemented) {
    std::string_view around = std::string_view(body).substr(0, std::min(body.size(), actions.front().pos + 60));
    auto path = refs::parse_unit_path(around, lang);
    if (!path.empty()) target = refs::eid_of(path);
  }

  // Cited acts: "ҚР ... 20.10.2025 № 521/НҚ (...)", "от 25.06.2008 N 47-IV (...)".
  auto dates = refs::find_dates(body);
  // The act-form word near the end decides the type of every cited act in the note.
  std::string type;
  {
    re2::StringPiece in(body.data(), body.size());
    re2::StringPiece w;
    while (RE2::FindAndConsume(&in, patterns::kWord(), &w))
      if (auto t = refs::act_type_of(sv(w)); !t.empty()) type = t;
  }
  for (std::size_t k = 0; k < dates.size(); ++k) {
    const auto& dm = dates[k];
    // A date inside an EIF parenthesis belongs to the previous act, not to a new one.
    int depth = 0;
    for (std::size_t i = 0; i < dm.begin; ++i) depth += body[i] == '(' ? 1 : body[i] == ')' ? -1 : 0;
    if (depth > 0) continue;
    std::size_t i = dm.end;
    while (i < body.size() && (body[i] == ' ' || body[i] == '.')) ++i;
    if (body.compare(i, 3, "№") != 0 && body.compare(i, 1, "N") != 0) {
      // "01.01.2019 бастап қолданысқа енгізіледі - осы Заңның 2-бабымен."
      continue;
    }
    std::size_t num_end = i;
    NoteEvent ev;
    ev.act.date = dm.date;
    ev.act.number = refs::find_number(body, i, &num_end);
    ev.act.type = type;
    ev.target = target;
    ev.target_text = std::string(text::trim(target_text));
    ev.action = NoteAction::other;
    for (const Found& f : actions)
      if (f.pos < dm.begin && f.action != NoteAction::entry_into_force) ev.action = f.action;
    // EIF in the parenthesis right after the number (or after the act word: "Заңымен (...)").
    std::size_t open = body.find('(', num_end);
    const std::size_t next_date = k + 1 < dates.size() ? dates[k + 1].begin : body.size();
    if (open != std::string::npos && open < next_date + 1) {
      int d = 0;
      std::size_t close = open;
      for (; close < body.size(); ++close) {
        if (body[close] == '(') ++d;
        if (body[close] == ')' && --d == 0) break;
      }
      std::string_view inner = std::string_view(body).substr(open + 1, close - open - 1);
      if (refs::mentions_eif(inner) || inner.find("қараңыз") != std::string_view::npos ||
          inner.find("см.") != std::string_view::npos)
        ev.entry_into_force = refs::parse_eif(inner);
    }
    events.push_back(std::move(ev));
  }
  if (events.empty() && actions.front().action == NoteAction::entry_into_force) {
    NoteEvent ev;
    ev.target = "act";
    ev.action = NoteAction::entry_into_force;
    ev.entry_into_force = refs::parse_eif(body);
    events.push_back(std::move(ev));
  }
  return events;
}

void apply_front_matter(std::string_view yaml, Metadata& meta) {
  std::map<std::string, std::string> kv;  // "caused_by.code" -> "156155"
  std::string parent;
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t nl = yaml.find('\n', start);
    if (nl == std::string_view::npos) nl = yaml.size();
    std::string_view line = yaml.substr(start, nl - start);
    start = nl + 1;
    if (text::trim(line).empty() || text::trim(line).front() == '-') continue;
    const bool nested = line.front() == ' ';
    line = text::trim(line);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(line.substr(0, colon));
    std::string value(text::trim(line.substr(colon + 1)));
    if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (!nested) parent = key;
    kv[nested ? parent + "." + key : key] = value;
  }
  auto get = [&](std::initializer_list<const char*> keys) -> std::string {
    for (const char* k : keys)
      if (auto it = kv.find(k); it != kv.end() && !it->second.empty()) return it->second;
    return {};
  };
  meta.act_code = get({"act_code", "registry_number"});
  if (auto d = parse_iso_date(get({"version_date", "version_date.kaz", "version_date.rus"}))) meta.version_date = d;
  meta.caused_by = get({"caused_by.code"});
  meta.caused_by_requisite = get({"caused_by.requisite"});
  if (auto d = parse_iso_date(get({"approval_date", "approved_on"}))) meta.date = d;
  if (std::string req = get({"requisite"}); !req.empty()) {
    // "Закон ... от 5 октябpя 1994 года. Утратил силу Кодексом ... от 18 сентября 2009 года N 193-IV":
    // only the part before the repeal names this act; look-alike letters are folded first.
    req = fold_lookalikes(req);
    for (std::string_view cut : {"Утратил", "утратил", "Күші жойыл", "күші жойыл"})
      if (std::size_t p = req.find(cut); p != std::string::npos) req.resize(p);
    ActRef r = refs::parse_act_citation(req);
    if (r.date && !meta.date) meta.date = r.date;
    if (!r.number.empty()) meta.number = r.number;
    if (!r.type.empty()) meta.type = r.type;
  }
  if (meta.type.empty()) {
    const std::string form = get({"form"});
    if (form == "ПОСТ") meta.type = "decree";
    else if (form == "ЗАК") meta.type = "law";
    else if (form == "ПРИК") meta.type = "order";
    else if (form == "УКАЗ") meta.type = "edict";
    else if (form == "КОД") meta.type = "code";
  }
  if (meta.form.empty()) meta.form = get({"form"});
}


}  // namespace zanline
