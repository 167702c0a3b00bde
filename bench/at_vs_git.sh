#!/usr/bin/env bash
# Benchmark (not a test): "which text of unit U of act A was in force on date D?"
#
#   zanline way: zanline at D A --unit U          (one process, reads the act's timeline.xml)
#   git way:     a repository with one commit per edition (committer date = edition date):
#                git log --before=D -1 -- FILE  +  git show COMMIT:FILE   (two processes; it
#                returns the whole file and knows nothing of units, entry into force or notes,
#                so it does less work than zanline does)
#
# Both answer the same questions, in the same invocation, on the same machine; the script prints
# the time per query of each and their ratio. Usage: bench/at_vs_git.sh [build/release/src/zanline] [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ZANLINE=${1:-build/release/src/zanline}
N=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$ZANLINE" build --store "$work/store" corpus >/dev/null

# The git way's repository: every dated edition of the multi-edition acts, in date order.
git init -q "$work/repo"
mapfile -t editions < <(ls corpus/editions/*/versions/*.md | awk -F/ '{print $NF"\t"$0}' | sort | cut -f2)
for f in "${editions[@]}"; do
  act=$(basename "$(dirname "$(dirname "$f")")")
  name=$(basename "$f")          # 2020-06-10.rus.md
  d=${name%%.*}
  lang=${name#*.}; lang=${lang%%.*}
  mkdir -p "$work/repo/$act"
  cp "$f" "$work/repo/$act/$lang.md"
  git -C "$work/repo" add -A
  GIT_AUTHOR_DATE="${d}T12:00:00Z" GIT_COMMITTER_DATE="${d}T12:00:00Z" \
    git -C "$work/repo" -c user.name=bench -c user.email=bench@localhost commit -q -m "$act $name" || true
done

# The questions: (act, file, unit, date) — dates before, between and after editions.
questions=(
  "132554 gov-132554/rus.md para_1 2021-01-05"
  "132554 gov-132554/rus.md para_1 2021-07-01"
  "143717 gov-143717/rus.md para_1-1 2020-07-01"
  "120244 gov-120244/rus.md app_1 2018-12-01"
  "120595 gov-120595/rus.md app_1__para_3 2018-06-01"
)

now_ns() { date +%s%N; }
run_zanline() {
  local i q
  for ((i = 0; i < N; i++)); do
    q=(${questions[i % ${#questions[@]}]})
    "$ZANLINE" at "${q[3]}" "${q[0]}" --unit "${q[2]}" --lang ru --store "$work/store" >/dev/null || true
  done
}
run_git() {
  local i q c
  for ((i = 0; i < N; i++)); do
    q=(${questions[i % ${#questions[@]}]})
    c=$(git -C "$work/repo" log --before="${q[3]}T23:59:59Z" -1 --format=%H -- "${q[1]}")
    [ -n "$c" ] && git -C "$work/repo" show "$c:${q[1]}" >/dev/null
  done
}

run_zanline; run_git  # warm caches
t0=$(now_ns); run_zanline; t1=$(now_ns); run_git; t2=$(now_ns)
z=$(( (t1 - t0) / N / 1000 )); g=$(( (t2 - t1) / N / 1000 ))
echo "queries: $N (5 questions over 4 acts with dated editions)"
echo "zanline at:          ${z} us/query"
echo "git log + git show:  ${g} us/query"
awk -v z="$z" -v g="$g" 'BEGIN { printf "ratio git/zanline:  %.2f\n", g / z }'
