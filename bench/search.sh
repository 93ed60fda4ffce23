#!/usr/bin/env bash
# Benchmark of site search on 10,000 unit-years: builds the example site into a temporary
# folder, replaces its search index by a synthetic one of 10,000 unit-years
# (examples/search_index.rs), prints the index size against the HTML, then opens
# search.html?q=信访件办结率 in headless Chromium from file:// and prints the time to first
# results (written by static/search.js into #search-status[data-ms], ms since navigation start).
# Usage: bench/search.sh [runs, default 5]. Not part of `cargo test` (timings depend on the
# machine and its load).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo run -q --release -- build --output "$tmp/site" >/dev/null 2>&1
cargo run -q --release --example search_index -- content "$tmp/site"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
query="%E4%BF%A1%E8%AE%BF%E4%BB%B6%E5%8A%9E%E7%BB%93%E7%8E%87" # 信访件办结率
for url in "search.html?q=$query" "search.html?q=$query&year=2023" "search.html?q=2023"; do
  for i in $(seq "$runs"); do
    dom="$("$browser" --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$tmp/profile-$i" --dump-dom \
      "file://$tmp/site/$url" 2>/dev/null)"
    ms="$(grep -o 'data-ms="[0-9]*"' <<<"$dom" | grep -o '[0-9]*' || echo "none")"
    found="$(grep -o '找到 [0-9]* 个页面' <<<"$dom" || echo "no results")"
    echo "$url run $i: first results at ${ms} ms ($found; load average $(cut -d' ' -f1 /proc/loadavg))"
  done
done
