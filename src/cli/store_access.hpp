// Opening the store and naming acts from the command line (shared by build, acts, at, history).
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

#include "zanline/store.hpp"

namespace zanline::cli {

// --store, else $ZANLINE_STORE, else ./zanline-store.
inline std::string store_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ZANLINE_STORE"); env && *env) return env;
  return "zanline-store";
}

inline std::optional<Store> open_store(const std::string& flag, bool create, std::string* error) {
  return Store::open(store_dir(flag), create, error);
}

// The one act `spec` names, or an error message listing none / several candidates.
inline std::optional<IndexEntry> resolve_act(const Store& store, const std::string& spec, std::string* error) {
  auto hits = store.find(spec);
  if (hits.size() == 1) return hits.front();
  if (hits.empty()) {
    *error = "no act \"" + spec + "\" in the store " + store.dir() +
             " (give a number like 130/НҚ, a registration number, a URI or an id; `zanline acts` lists them)";
  } else {
    *error = "\"" + spec + "\" is ambiguous:";
    for (const IndexEntry& e : hits) *error += "\n  " + e.id + "  " + e.uri + "  " + e.title;
  }
  return std::nullopt;
}

}  // namespace zanline::cli
