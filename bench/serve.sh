#!/usr/bin/env bash
# How long a save takes to show under `gongkai serve`.
# Usage: bench/serve.sh N [RUNS]   (uses target/bench/N/content from bench/run.sh N, or generates
# it with the same generator and seed)
#
# Builds the corpus once, starts `gongkai serve` over it on a free loopback port, then RUNS
# times: appends a marker to the source title (`source.title`) of one record (a different record each run, as an
# editor would save it: a new file renamed over the old one), and polls that record's page
# over HTTP every 20 ms until the served page shows the marker. Prints each delay and the
# median, from the moment the file was saved to the moment the server served the new page.
# A page open in a browser asks the server for its generation every 500 ms (the live-reload
# script) and reloads, so what a person sees comes up to 0.5 s later than the figure here.
# Content files are aged one hour first (see bench/incremental.sh).
set -euo pipefail
n=${1:?usage: bench/serve.sh N [RUNS]}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
aged_content
out=$work/serve
"$gongkai" build --quiet --content "$content" --output "$out"

log=$work/serve.log
"$gongkai" serve --content "$content" --output "$out" --port 0 >"$log.out" 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
url=
for _ in $(seq 1 600); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log.out" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "serve did not start:" >&2; cat "$log" >&2; exit 1; }
echo "serving $url"

units=("$content"/u*/)
delays=()
for i in $(seq 1 "$runs"); do
  unit=${units[$(( (i * 7919) % ${#units[@]} ))]}
  record=$(ls "$unit"*.yaml | grep -v _unit.yaml | head -1)
  id=$(basename "$unit")
  year=$(basename "$record" .yaml)
  page="${url}units/$id/$year/index.html"
  marker="（第${i}次保存$$）"
  curl -sf "$page" >/dev/null || { echo "no page at $page" >&2; exit 1; }
  sleep 1 # let the watcher see the folder at rest
  start=$(date +%s.%N)
  # The first two-space `title:` is `source.title`, printed on the record's page.
  sed -i "0,/^  title: /s/^\(  title: .*\)$/\1$marker/" "$record"
  shown=
  for _ in $(seq 1 3000); do
    if curl -sf "$page" | grep -qF "$marker"; then
      shown=$(date +%s.%N)
      break
    fi
    sleep 0.02
  done
  [ -n "$shown" ] || { echo "run $i: the page never showed the edit" >&2; tail "$log" >&2; exit 1; }
  d=$(awk -v a="$start" -v b="$shown" 'BEGIN {printf "%.2f", b - a}')
  delays+=("$d")
  echo "run $i: $id/$year shown after $d s"
done
echo
echo "N = $n unit-years: save → page served, median of $runs: $(printf '%s\n' "${delays[@]}" | median) s (target ≤ 1 s; add up to 0.5 s for the open page's reload poll)"
