#include "zanline/triple.hpp"

#include <filesystem>

#include "zanline/store.hpp"

namespace zanline {
namespace {

namespace fs = std::filesystem;

std::optional<Edition> load(const fs::path& p, std::string* error) {
  std::vector<std::pair<std::string, Diagnostic>> diags;
  auto groups = discover({p.string()}, diags);
  if (groups.empty() || groups.front().empty()) {
    *error = p.string() + ": " + (diags.empty() ? std::string("not readable") : diags.front().second.message);
    return std::nullopt;
  }
  return std::move(groups.front().front());
}

}  // namespace

std::vector<std::string> amending_files(const std::string& folder, const std::string& lang) {
  const fs::path dir(folder);
  const std::string ext = "." + lang + ".md";
  if (fs::exists(dir / ("amending" + ext))) return {(dir / ("amending" + ext)).string()};
  std::vector<std::string> out;
  for (int k = 1; fs::exists(dir / ("amending-" + std::to_string(k) + ext)); ++k)
    out.push_back((dir / ("amending-" + std::to_string(k) + ext)).string());
  return out;
}

std::optional<TripleRun> run_triple(const std::string& folder, const std::string& lang, std::string* error) {
  const fs::path dir(folder);
  const std::string ext = "." + lang + ".md";
  const std::vector<std::string> files = amending_files(folder, lang);
  if (files.empty()) {
    *error = folder + ": no amending" + ext + " nor amending-1" + ext;
    return std::nullopt;
  }
  TripleRun t;
  auto before = load(dir / ("before" + ext), error);
  auto after = before ? load(dir / ("after" + ext), error) : std::nullopt;
  if (!before || !after) return std::nullopt;
  t.before = std::move(*before);
  t.after = std::move(*after);
  for (const std::string& f : files) {
    auto a = load(f, error);
    if (!a) return std::nullopt;
    t.amending.push_back(std::move(*a));
  }
  // Each act is applied to what the one before left; reserve so the pointers below stay valid.
  t.applied.reserve(t.amending.size());
  const ActIdentity base = identity_of(t.before.doc.meta);
  UnitList units = flatten(t.before.doc);
  std::vector<AppliedAct> chain;
  for (const Edition& a : t.amending) {
    t.applied.push_back(consolidate(units, base, a.doc));
    units = t.applied.back().units;
    chain.push_back({&t.applied.back(), &a.doc});
  }
  t.score = score(chain, flatten(t.after.doc));
  return t;
}

}  // namespace zanline
