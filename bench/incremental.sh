#!/usr/bin/env bash
# Incremental rebuilds: how long `gongkai build` takes over its own previous output.
# Usage: bench/incremental.sh N [RUNS]   (uses target/bench/N/content from bench/run.sh N, or
# generates it with the same generator and seed)
#
# Builds the corpus once into an empty folder, then times RUNS rebuilds of each kind:
#   nothing changed   the same content again;
#   one record edited its source title (`source.title`, printed on its pages) lengthened (a
#                     different record each run), so its unit is loaded and rendered again, its
#                     changed pages and the pages over every unit that show it are written, and
#                     every other unit is taken over. (A YAML comment would change no page: since
#                     issue 20 pages rendered to the bytes they had are linked, not written.)
# and prints the median wall time, CPU time and peak RSS of each, the stage lines of the last
# run (单位: units taken over, 写入: files written), and whether the last incremental site equals a clean
# build of the same content byte for byte (diff -r, when CHECK_EQUAL is not 0).
# Content files are aged one hour first: files modified in the last seconds before a build are
# always loaded again (stamps that recent cannot be trusted), as right after generating them.
set -euo pipefail
n=${1:?usage: bench/incremental.sh N [RUNS]}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
aged_content
out=$work/incremental
times=$work/incremental-times
# The output, and what a previous run left beside it (the spare, the stamps).
rm -rf "$out" "$work/.gongkai-spare-incremental" "$work/.gongkai-stamps-incremental.json" "$times"
mkdir -p "$times"
/usr/bin/time -f "%e %U %S %M" -o "$times/clean" "$gongkai" build --quiet --content "$content" --output "$out"
echo "clean build: $(awk '{printf "%s s wall, %.2f s CPU, %.0f MiB", $1, $2 + $3, $4 / 1024}' "$times/clean")"

# time_run TAG: one rebuild, appended to $times/TAG as "wall cpu rss_kib"; stage lines kept
time_run() {
  /usr/bin/time -f "%e %U %S %M" -o "$times/last" \
    "$gongkai" build --verbose --content "$content" --output "$out" 2>"$times/$1.log" >/dev/null
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$times/last" >>"$times/$1"
}

units=("$content"/u*/)
for i in $(seq 1 "$runs"); do
  time_run unchanged
  # A different unit each run, its first record; the edit is kept (the content stays valid).
  unit=${units[$(( (i * 7919) % ${#units[@]} ))]}
  record=$(ls "$unit"*.yaml | grep -v _unit.yaml | head -1)
  sed -i "0,/^  title: /s/^\(  title: .*\)$/\1（第${i}次修改）/" "$record"
  time_run edited
done

med() { cut -d' ' -f"$2" "$times/$1" | median; }
echo
echo "N = $n unit-years, median of $runs rebuilds each (all runs: $times/)"
printf '%-20s %10s %10s %12s\n' "" "wall (s)" "CPU (s)" "peak RSS"
for tag in unchanged edited; do
  printf '%-20s %10s %10s %9.0f MiB\n' "$tag" "$(med "$tag" 1)" "$(med "$tag" 2)" \
    "$(awk -v k="$(med "$tag" 3)" 'BEGIN {print k / 1024}')"
done
echo "last edited rebuild:"
# The stage lines are in Chinese (规划/单位/写入); a missing line must not end the script.
grep -E '^(规划|单位|写入)：' "$times/edited.log" | sed 's/^/  /' || echo "  (no stage lines in $times/edited.log)"


if [ "${CHECK_EQUAL:-1}" != 0 ]; then
  rm -rf "$work/incremental-clean" "$work/.gongkai-stamps-incremental-clean.json"
  "$gongkai" build --quiet --content "$content" --output "$work/incremental-clean"
  if diff -r -q "$out" "$work/incremental-clean" >/dev/null; then
    echo "the incremental site equals a clean build byte for byte"
  else
    echo "the incremental site DIFFERS from a clean build:" >&2
    diff -r -q "$out" "$work/incremental-clean" | head >&2
    exit 1
  fi
  rm -rf "$work/incremental-clean" "$work/.gongkai-stamps-incremental-clean.json"
fi
