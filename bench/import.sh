#!/usr/bin/env bash
# Benchmark: `gongkai import` of one record's 决算 workbook (issue 18 target: a 10-sheet
# workbook under 100 ms). Usage: bench/import.sh [RUNS]
#
# Builds gongkai (release) and the field site, takes the nine-sheet juesuan.xlsx of field 31
# (its largest 科目 tables), and, when LibreOffice is present, its .xls and .ods re-saves; prints
# the median wall time of RUNS imports of each into an empty content folder (process start
# included), with the load average. The 部门决算 software's workbook has ten or more sheets; the
# sheets import does not read cost only their opening.
set -euo pipefail
runs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/target/bench/import
rm -rf "$work" && mkdir -p "$work"
cd "$root"
cargo build --release --quiet
bin=$root/target/release/gongkai
"$bin" build --quiet --content tests/fixtures/sites/field/content --output "$work/site"
book=$work/juesuan.xlsx
cp "$work/site/data/putuo-guihua-ziran/2024/juesuan.xlsx" "$book"
books=("$book")
if command -v soffice >/dev/null 2>&1; then
  for ext in xls ods; do
    HOME=$work soffice -env:UserInstallation=file://$work/lo --headless --convert-to $ext --outdir "$work" "$book" >/dev/null 2>&1
    books+=("$work/juesuan.$ext")
  done
fi
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
echo "== $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
for b in "${books[@]}"; do
  times=()
  for _ in $(seq "$runs"); do
    c=$work/content && rm -rf "$c" && mkdir -p "$c/putuo-guihua-ziran"
    cp tests/fixtures/sites/field/content/_site.yaml "$c/"
    cp tests/fixtures/sites/field/content/putuo-guihua-ziran/_unit.yaml "$c/putuo-guihua-ziran/"
    s=$(date +%s%N)
    "$bin" import "$b" --unit putuo-guihua-ziran --year 2024 --edition shanghai --content "$c" >/dev/null
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  ms=$(printf '%s\n' "${times[@]}" | median | awk '{printf "%.1f", $1/1000}')
  echo "import $(basename "$b") ($(du -k "$b" | cut -f1) KiB): median ${ms} ms over $runs runs (target ≤ 100 ms)"
done
