#include "zanline/store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "zanline/io.hpp"
#include "zanline/parser.hpp"

namespace fs = std::filesystem;

namespace zanline {
namespace {

constexpr const char* kJournal = "journal.tsv";
constexpr const char* kIndex = "index.tsv";

bool write_and_sync(const std::string& path, const std::string& content, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = "cannot write " + path + ": " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    *error = "cannot flush " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string render_index(std::vector<IndexEntry> index) {
  std::sort(index.begin(), index.end(), [](const IndexEntry& a, const IndexEntry& b) { return a.id < b.id; });
  std::string out = "id\turi\ttype\tdate\tnumber\tregistration\tact_code\ttitle\n";
  for (const IndexEntry& e : index)
    out += tsv_field(e.id) + "\t" + tsv_field(e.uri) + "\t" + tsv_field(e.type) + "\t" + tsv_field(e.date) +
           "\t" + tsv_field(e.number) + "\t" + tsv_field(e.registration) + "\t" + tsv_field(e.act_code) +
           "\t" + tsv_field(e.title) + "\n";
  return out;
}

std::string fold(std::string_view s) {
  // Case-insensitive comparison of act numbers: "130/нқ" finds "130/НҚ"; "N 47-IV" and "№ 47-IV".
  std::string lower;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) lower += static_cast<char>(std::tolower(c));
    else lower += static_cast<char>(c);
  }
  static const std::pair<std::string_view, std::string_view> kUpper[] = {
      {"Н", "н"}, {"Қ", "қ"}, {"І", "і"}, {"В", "в"}, {"Х", "х"}, {"С", "с"}, {"М", "м"},
      {"Л", "л"}, {"Д", "д"}, {"П", "п"}, {"К", "к"}, {"Т", "т"}, {"Р", "р"}, {"Е", "е"}};
  for (const auto& [up, low] : kUpper)
    for (std::size_t p = lower.find(up); p != std::string::npos; p = lower.find(up, p)) lower.replace(p, up.size(), low);
  std::string_view v = lower;
  for (std::string_view prefix : {"№", "n "}) {
    if (v.substr(0, prefix.size()) == prefix) v.remove_prefix(prefix.size());
  }
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  return std::string(v);
}

}  // namespace

void Transaction::stage(const std::string& relative_path, std::string content) {
  files_.emplace_back(relative_path, std::move(content));
}

bool Transaction::commit(std::string* error) {
  std::string journal;
  const std::string suffix = ".tmp." + std::to_string(::getpid());
  for (const auto& [rel, content] : files_) {
    const fs::path target = fs::path(root_) / rel;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      *error = "cannot create " + target.parent_path().string() + ": " + ec.message();
      return false;
    }
    // Unchanged files are not rewritten: a rebuild from the same inputs touches nothing.
    if (fs::exists(target) && read_all(target.string()) == content) continue;
    const std::string tmp = target.string() + suffix;
    if (!write_and_sync(tmp, content, error)) return false;
    journal += tmp + "\t" + target.string() + "\n";
  }
  if (journal.empty()) return true;
  const std::string journal_path = (fs::path(root_) / kJournal).string();
  if (!write_and_sync(journal_path + suffix, journal, error)) return false;
  if (::rename((journal_path + suffix).c_str(), journal_path.c_str()) != 0) {
    *error = "cannot write the journal " + journal_path + ": " + std::strerror(errno);
    return false;
  }
  return recover_journal(root_, error);
}

bool recover_journal(const std::string& root, std::string* error) {
  const std::string journal_path = (fs::path(root) / kJournal).string();
  if (!fs::exists(journal_path)) return true;
  std::istringstream in(read_all(journal_path));
  for (std::string line; std::getline(in, line);) {
    auto f = split_tabs(line);
    if (f.size() != 2) continue;
    if (fs::exists(f[0]) && ::rename(f[0].c_str(), f[1].c_str()) != 0) {
      *error = "cannot rename " + f[0] + " to " + f[1] + ": " + std::strerror(errno);
      return false;
    }
  }
  if (::unlink(journal_path.c_str()) != 0) {
    *error = "cannot remove " + journal_path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

std::optional<Store> Store::open(const std::string& dir, bool create, std::string* error) {
  std::error_code ec;
  if (!fs::exists(dir)) {
    if (!create) {
      *error = "no store at " + dir + " (run `zanline build DIR...` first, or give --store)";
      return std::nullopt;
    }
    fs::create_directories(dir, ec);
    if (ec) {
      *error = "cannot create the store " + dir + ": " + ec.message();
      return std::nullopt;
    }
  } else if (!fs::is_directory(dir)) {
    *error = dir + " is not a directory";
    return std::nullopt;
  }
  if (!recover_journal(dir, error)) return std::nullopt;
  Store s;
  s.dir_ = dir;
  const std::string index_path = (fs::path(dir) / kIndex).string();
  if (fs::exists(index_path)) {
    std::istringstream in(read_all(index_path));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      auto f = split_tabs(line);
      if (f.size() < 8) continue;
      s.index_.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]});
    }
  }
  return s;
}

std::optional<Timeline> Store::load(const std::string& id, std::string* error) const {
  const std::string path = (fs::path(dir_) / "acts" / id / "timeline.xml").string();
  ReadResult r = read_input(path);
  if (!r.ok()) {
    *error = r.error;
    return std::nullopt;
  }
  std::string why;
  auto t = timeline_from_xml(r.bytes, &why);
  if (!t) *error = path + ": " + why;
  return t;
}

std::vector<IndexEntry> Store::find(std::string_view spec) const {
  std::vector<IndexEntry> out;
  const std::string key = fold(spec);
  for (const IndexEntry& e : index_) {
    if (e.id == spec || e.uri == spec || (!e.act_code.empty() && e.act_code == spec) ||
        (!e.registration.empty() && e.registration == spec) || (!e.number.empty() && fold(e.number) == key))
      out.push_back(e);
  }
  return out;
}

bool Store::put(const std::vector<StoredAct>& acts, std::string* error) {
  Transaction tx(dir_);
  std::map<std::string, IndexEntry> index;
  for (const IndexEntry& e : index_) index[e.id] = e;
  for (const StoredAct& a : acts) {
    const Timeline& t = a.timeline;
    const std::string folder = "acts/" + t.id + "/";
    for (const auto& [path, bytes] : a.sources) tx.stage(folder + path, bytes);
    tx.stage(folder + "timeline.xml", timeline_to_xml(t));
    IndexEntry e{t.id, t.uri, t.type, t.date ? t.date->iso() : "", t.number, t.registration, t.act_code, {}};
    for (Language lang : {Language::kk, Language::ru})
      if (const Expression* x = t.expression(lang); x && e.title.empty()) e.title = x->title;
    index[t.id] = e;
  }
  std::vector<IndexEntry> all;
  for (auto& [id, e] : index) all.push_back(e);
  tx.stage(kIndex, render_index(all));
  if (!tx.commit(error)) return false;
  index_ = std::move(all);
  return true;
}

}  // namespace zanline
