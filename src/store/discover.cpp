#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "zanline/io.hpp"
#include "zanline/parser.hpp"
#include "zanline/store.hpp"

namespace fs = std::filesystem;

namespace zanline {
namespace {

bool is_text_file(const fs::path& p) {
  const std::string name = p.filename().string();
  const std::string ext = p.extension().string();
  if (ext != ".md" && ext != ".txt") return false;
  if (name == "README.md" || name.find(".expected.") != std::string::npos) return false;
  return true;
}

void collect(const fs::path& p, std::vector<fs::path>& out) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> children;
    for (const auto& e : fs::directory_iterator(p, ec)) {
      const std::string name = e.path().filename().string();
      if (name.starts_with(".") || name.starts_with("build")) continue;
      children.push_back(e.path());
    }
    std::sort(children.begin(), children.end());
    for (const fs::path& c : children) collect(c, out);
  } else if (is_text_file(p) || fs::is_regular_file(p, ec)) {
    if (is_text_file(p)) out.push_back(p);
  }
}

std::string read_if_exists(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return {};
  ReadResult r = read_input(p.string());
  return r.ok() ? r.bytes : std::string();
}

// "before.kaz.md" -> "before"; "2020-06-10.kaz.md" -> "2020-06-10"
std::string first_stem(const fs::path& p) {
  std::string name = p.filename().string();
  return name.substr(0, name.find('.'));
}

}  // namespace

std::vector<std::vector<Edition>> discover(
    const std::vector<std::string>& paths, std::vector<std::pair<std::string, Diagnostic>>& diagnostics,
    const std::function<void(std::size_t, std::size_t, const std::string&)>& progress) {
  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      diagnostics.emplace_back(p, Diagnostic{Severity::error, "build.no-such-path", "no such file or directory", {}});
      continue;
    }
    collect(p, files);
  }
  static const std::regex kDated(R"(^([0-9]{4}-[0-9]{2}-[0-9]{2}))");
  static const std::regex kByCode(R"(_by_([0-9]+)$)");
  static const std::regex kDigits(R"(^[0-9]+$)");

  std::map<std::string, std::vector<Edition>> groups;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path& f = files[i];
    const std::string origin = f.generic_string();
    if (progress) progress(i, files.size(), origin);
    ReadResult r = read_input(origin);
    if (!r.ok()) {
      diagnostics.emplace_back(origin, Diagnostic{Severity::error, "input.unreadable", r.error, {}});
      continue;
    }
    Edition ed;
    ed.origin = origin;
    ed.extension = f.extension().string();
    ed.doc = parse(r.bytes, {.source_name = origin});
    ed.bytes = std::move(r.bytes);
    bool fatal = false;
    for (const Diagnostic& d : ed.doc.diagnostics) {
      if (d.severity == Severity::error) fatal = true;
      if (d.severity != Severity::note) diagnostics.emplace_back(origin, d);
    }
    if (fatal) continue;
    Metadata& m = ed.doc.meta;

    // Edition date: front matter, then a dated file name.
    ed.date = m.version_date;
    std::smatch match;
    const std::string stem = first_stem(f);
    if (!ed.date && std::regex_search(stem, match, kDated)) ed.date = parse_iso_date(match[1].str());

    // meta.<name>.yaml (triples) or meta.yaml beside the file or above a versions/ folder.
    const fs::path dir = f.parent_path();
    std::string specific = read_if_exists(dir / ("meta." + stem + ".yaml"));
    if (!specific.empty()) {
      Metadata mm;
      read_meta_yaml(specific, mm);
      if (m.act_code.empty()) m.act_code = mm.act_code;
      if (!ed.date) ed.date = mm.version_date;
      if (m.caused_by.empty()) m.caused_by = mm.caused_by;
      if (m.caused_by_requisite.empty()) m.caused_by_requisite = mm.caused_by_requisite;
      if (!m.date) m.date = mm.date;
      if (m.number.empty()) m.number = mm.number;
      if (m.type.empty()) m.type = mm.type;
    }
    for (const fs::path& meta : {dir / "meta.yaml", dir.parent_path() / "meta.yaml"}) {
      if (!m.act_code.empty()) break;
      if (meta == dir.parent_path() / "meta.yaml" && dir.filename() != "versions") continue;
      std::string yaml = read_if_exists(meta);
      if (yaml.empty()) continue;
      Metadata mm;
      read_meta_yaml(yaml, mm);  // act identity only: its version_date names one edition
      m.act_code = mm.act_code;
      if (!m.date) m.date = mm.date;
      if (m.number.empty()) m.number = mm.number;
      if (m.type.empty()) m.type = mm.type;
    }
    // The code in a folder name: triples/<slug>_by_<code>/amending.*, kz-laws/<code>/.
    const std::string dirname = dir.filename().string();
    if (m.act_code.empty() && stem == "amending" && std::regex_search(dirname, match, kByCode)) {
      m.act_code = match[1].str();
      // The edition after it names it: meta.after.yaml caused_by {code, requisite}.
      Metadata after;
      read_meta_yaml(read_if_exists(dir / "meta.after.yaml"), after);
      if (after.caused_by == m.act_code && !after.caused_by_requisite.empty()) {
        Metadata cause;
        read_meta_yaml("requisite: " + after.caused_by_requisite + "\n", cause);
        if (!m.date) m.date = cause.date;
        if (m.number.empty()) m.number = cause.number;
        if (m.type.empty()) m.type = cause.type;
      }
    }
    if (m.act_code.empty() && std::regex_match(dirname, kDigits)) m.act_code = dirname;

    const std::string key = act_key(m.type, m.date, m.number, m.act_code);
    groups[key].push_back(std::move(ed));
  }
  if (progress) progress(files.size(), files.size(), "");
  std::vector<std::vector<Edition>> out;
  for (auto& [key, eds] : groups) out.push_back(std::move(eds));
  return out;
}

}  // namespace zanline
