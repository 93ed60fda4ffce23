#!/usr/bin/env bash
# Where a build's time and memory go, stage by stage, without a profiler.
# Usage: bench/stages.sh CONTENT_DIR [OUT_DIR]   (set NOSYNC=1 to run under eatmydata, which
# turns fsync into a no-op, to see what the build costs without flushing every file to disk)
#
# gongkai prints one line on stderr as each stage ends (load, score, check, plan, render, write);
# this stamps each line with the time since start and the process's RSS at that moment, and
# samples RSS every 50 ms to report the peak within each stage.
set -euo pipefail
content=${1:?usage: bench/stages.sh CONTENT_DIR [OUT_DIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/target/bench/stages-out}
rm -rf "$out"
wrap=()
if [ "${NOSYNC:-0}" != 0 ]; then wrap=(eatmydata); fi
fifo=$(mktemp -u) && mkfifo "$fifo"
trap 'rm -f "$fifo"' EXIT
start=$(date +%s.%N)
"${wrap[@]}" "$root/target/release/gongkai" build --content "$content" --output "$out" 2>"$fifo" >/dev/null &
pid=$!
peak=0
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0; }
# sampler: writes "peak-so-far" into a file every 50 ms
(
  p=0
  while kill -0 "$pid" 2>/dev/null; do
    r=$(rss); r=${r:-0}
    [ "$r" -gt "$p" ] && p=$r && echo "$p" >"$out.peak"
    sleep 0.05
  done
) &
sampler=$!
prev=0
printf '%-44s %8s %8s %14s\n' "stage line" "at (s)" "took (s)" "peak RSS (MiB)"
while IFS= read -r line; do
  now=$(date +%s.%N)
  at=$(awk -v a="$start" -v b="$now" 'BEGIN {printf "%.2f", b - a}')
  took=$(awk -v a="$prev" -v b="$at" 'BEGIN {printf "%.2f", b - a}')
  pk=$(cat "$out.peak" 2>/dev/null || echo 0)
  printf '%-44s %8s %8s %14s\n' "${line:0:44}" "$at" "$took" "$((pk / 1024))"
  prev=$at
done <"$fifo"
wait "$pid"
wait "$sampler" || true
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN {printf "total %.2f s\n", b - a}'
rm -f "$out.peak"
rm -rf "$out"
