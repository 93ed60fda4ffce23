#!/usr/bin/env bash
# Scale case for `gongkai check` on one huge record: a 部门整体 自评表 with N indicators (default
# 30,000, about the most one record may hold: the loader's budget is 200,000 YAML nodes) in 100 goals, every name distinct except every 97th, which repeats an earlier name with
# another actual value (an `indicator.duplicate` finding). Prints check's wall time and its ratio to
# the same check on N/4 indicators: about 4 when the checks are linear, about 16 when one of them is
# quadratic (before issue 15 the duplicate search alone took 10 s at 60,000 indicators).
# Usage: bench/duplicates.sh [N]. Not part of `cargo test` (timings depend on the machine).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-30000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build -q --release
make_site() { # DIR COUNT
  mkdir -p "$1/content/u"
  printf 'title: 重复指标规模测试\n' >"$1/content/_site.yaml"
  printf 'id: u\nname: 规模测试单位\n' >"$1/content/u/_unit.yaml"
  python3 - "$2" >"$1/content/u/2023.yaml" <<'PY'
import sys
n = int(sys.argv[1]); goals = 100; per = n // goals
print("year: 2023\namount_unit: 万元\ntemplate: hubei\nself_evaluation:\n  goals:")
k = 0
for g in range(goals):
    print(f"    - name: 年度目标{g + 1}\n      indicators:")
    for _ in range(per):
        name = f"指标{k - 50}" if k % 97 == 96 else f"指标{k}"
        print(f"        - name: {name}\n          actual: {k % 91 + 1}次")
        k += 1
PY
}
time_check() { # DIR -> seconds
  local start end
  start=$(date +%s.%N)
  target/release/gongkai check --content "$1/content" >/dev/null 2>"$1/err" || { cat "$1/err" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}'
}
make_site "$tmp/full" "$n"
make_site "$tmp/quarter" "$((n / 4))"
full=$(time_check "$tmp/full")
quarter=$(time_check "$tmp/quarter")
found=$(target/release/gongkai check --content "$tmp/full/content" --format json 2>/dev/null | grep -o '"indicator.duplicate"' | wc -l || true)
echo "check, $n indicators: ${full} s ($found indicator.duplicate findings)"
echo "check, $((n / 4)) indicators: ${quarter} s"
awk -v a="$full" -v b="$quarter" 'BEGIN {if (b > 0) printf "ratio: %.1f (about 4 when linear, 16 when quadratic)\n", a / b}'
