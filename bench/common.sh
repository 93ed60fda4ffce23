# Shared by bench/incremental.sh and bench/serve.sh (sourced, after `n` and `root` are set):
# `median`, and `aged_content`, which builds gongkai (release), makes target/bench/N/content
# with the same generator and seed as bench/run.sh when it is not there, ages every content
# file by an hour (files modified in the last seconds before a build are always loaded again:
# stamps that recent cannot be trusted) and prints the machine line. Sets `work`, `content`
# and `gongkai`.

# median of the numbers on stdin (the mean of the two middle ones for an even count)
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

aged_content() {
  work=$root/target/bench/$n
  content=$work/content
  (cd "$root" && cargo build --release --quiet --bin gongkai --example synth)
  gongkai=$root/target/release/gongkai
  if [ ! -d "$content" ]; then
    "$root/target/release/examples/synth" "$n" "$content" --seed 42 --years 5
  fi
  find "$content" -type f -exec touch -d '1 hour ago' {} +
  echo "== machine: $(nproc) cores, $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
}
