// zanline/store.hpp — the embedded store: a directory of timelines and the texts they came from.
//
//   <store>/index.tsv                     one line per act: id, uri, type, date, number, ...
//   <store>/acts/<id>/timeline.xml        schema/timeline.xsd
//   <store>/acts/<id>/sources/kk/2020-06-10.md   the source texts, unchanged
//
//   std::string err;
//   auto store = zanline::Store::open("zanline-store", /*create=*/true, &err);
//   auto groups = zanline::discover({"corpus"}, diags);     // editions grouped by act
//   store->put(timelines_and_sources, &err);                // atomic: all files or none
//   auto hits = store->find("130/НҚ");                      // by number, registration, URI, id
//   std::optional<zanline::Timeline> t = store->load(hits[0].id, &err);
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zanline/build.hpp"
#include "zanline/timeline.hpp"

namespace zanline {

struct IndexEntry {
  std::string id;
  std::string uri;
  std::string type;
  std::string date;
  std::string number;
  std::string registration;
  std::string act_code;
  std::string title;
};

// Several files replaced together: each is written to a temporary file beside its target and
// flushed; a journal lists the renames; then every rename happens and the journal is removed.
// A crash before the journal is complete leaves the old files; after it, the next open of the
// store finishes the renames (roll forward).
class Transaction {
 public:
  explicit Transaction(std::string root) : root_(std::move(root)) {}
  void stage(const std::string& relative_path, std::string content);
  bool commit(std::string* error);

 private:
  std::string root_;
  std::vector<std::pair<std::string, std::string>> files_;
};

// Finishes an interrupted commit of `root` (see Transaction); false if it could not.
bool recover_journal(const std::string& root, std::string* error);

struct StoredAct {
  Timeline timeline;
  std::vector<std::pair<std::string, std::string>> sources;  // path in the act folder -> bytes
};

class Store {
 public:
  static std::optional<Store> open(const std::string& dir, bool create, std::string* error);

  const std::string& dir() const { return dir_; }
  std::vector<IndexEntry> acts() const { return index_; }
  std::optional<Timeline> load(const std::string& id, std::string* error) const;
  // Acts matching a number ("130/НҚ", "130/нқ"), registration number ("27788"), URI, store id or
  // zan.gov.kz code. Empty when none; several when ambiguous.
  std::vector<IndexEntry> find(std::string_view spec) const;
  // Adds or replaces acts; every file and the index change together or not at all.
  bool put(const std::vector<StoredAct>& acts, std::string* error);

 private:
  std::string dir_;
  std::vector<IndexEntry> index_;
};

// Walks files and folders, parses every .md / .txt legal text and groups the editions by act
// (front matter act_code; meta.yaml / meta.<name>.yaml beside the file; the code in the folder
// name; else type + date + number). Edition dates come from version_date or a YYYY-MM-DD file
// name. `progress(done, total, path)` is called per file when set.
std::vector<std::vector<Edition>> discover(
    const std::vector<std::string>& paths, std::vector<std::pair<std::string, Diagnostic>>& diagnostics,
    const std::function<void(std::size_t, std::size_t, const std::string&)>& progress = {});

}  // namespace zanline
