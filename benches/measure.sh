#!/usr/bin/env bash
# Measures resin: build time and peak memory for the example directory and for a generated
# corpus of 10,000 places (5,000 offers), and the transferred size of a place page.
# Usage: cargo build --release --example generate --bin resin && benches/measure.sh [PLACES...]
set -euo pipefail
cd "$(dirname "$0")/.."
resin=target/release/resin
generate=target/release/examples/generate
[ -x "$resin" ] && [ -x "$generate" ] || { echo "run: cargo build --release --example generate --bin resin" >&2; exit 2; }
export RESIN_DATE=2026-11-25
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a build 3 times; prints the best wall time and the peak resident memory (max RSS).
measure() {
  local root=$1 label=$2 out=${3:-$work/out}
  python3 - "$resin" "$root" "$out" "$label" <<'PY'
import resource, subprocess, sys, time
resin, root, out, label = sys.argv[1:]
times = []
for _ in range(3):
    start = time.perf_counter()
    subprocess.run([resin, "build", "--root", root, "--output", out], check=True, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{label}: build {min(times)*1000:.0f} ms (best of 3), peak memory {peak:.0f} MiB")
PY
}

# Peak resident memory (max RSS by /usr/bin/time -v) of `resin ARGS...`, in MiB: the median of
# 5 runs and the highest (it varies by some 10 % from run to run with the allocator's timing).
peak_rss() {
  local runs=()
  for _ in 1 2 3 4 5; do
    runs+=("$(/usr/bin/time -v "$resin" "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')")
  done
  printf '%s\n' "${runs[@]}" | sort -n | awk '{ kb[NR] = $1 } END { printf "%d MiB (highest %d)", kb[3] / 1024, kb[5] / 1024 }'
}

echo "machine: $(nproc) cores, $(uname -m)"
[ -x /usr/bin/time ] || { echo "install GNU time (apt-get install time) for the check/build memory figures" >&2; exit 2; }
measure . "example (47 places, 26 offers)"
page="$work/out/lieux/mediatheque-du-bachut"
html=$(wc -c < "$page/index.html"); css=$(wc -c < "$work/out/static/style.css")
ghtml=$(gzip -6 -c "$page/index.html" | wc -c); gcss=$(gzip -6 -c "$work/out/static/style.css" | wc -c)
echo "place page $(basename "$page"): HTML $html B + CSS $css B = $((html + css)) B; gzip -6: $((ghtml + gcss)) B"

for n in "${@:-10000}"; do
  "$generate" "$n" "$work/corpus-$n" 2>/dev/null
  measure "$work/corpus-$n" "corpus of $n places ($((n / 2)) offers)"
  if [ -d /dev/shm ]; then
    shm=$(mktemp -d /dev/shm/resin-XXXXXX)
    measure "$work/corpus-$n" "  same, output in memory (tmpfs: no disk)" "$shm/out"
    rm -rf "$shm"
  fi
  start=$(date +%s%N); "$resin" check --root "$work/corpus-$n" 2>/dev/null; end=$(date +%s%N)
  echo "  check only: $(( (end - start) / 1000000 )) ms"
  # Issue 19: check must not need more memory than build (it kept every rendered page).
  echo "  peak memory (max RSS, /usr/bin/time -v, median of 5): check $(peak_rss check --root "$work/corpus-$n")," \
    "build $(peak_rss build --root "$work/corpus-$n" --output "$work/out")"
  echo "  files written: $(find "$work/out" -type f | wc -l), output size: $(du -sh "$work/out" | cut -f1)"
done
