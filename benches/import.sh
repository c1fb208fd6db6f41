#!/usr/bin/env bash
# Measures `resin import` on a CSV of N rows (100,000 by default): wall time (median of 3) and
# peak memory (max RSS, from /usr/bin/time -v) of an import into an empty site of the Métropole
# de Lyon, in memory (tmpfs) when /dev/shm exists: writing 100,000 files to this machine's disk
# varies by half from one run to the next.
# Every row is a valid place of a commune of the territory, so that every row is read,
# cleaned, matched and written. The file is always the same (no randomness).
# Usage: cargo build --release --bin resin && benches/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
resin=$PWD/target/release/resin
[ -x "$resin" ] || { echo "run: cargo build --release --bin resin" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
rows=${1:-100000}
export RESIN_DATE=2026-11-25
work=$(mktemp -d /dev/shm/resin-import-XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$rows" data/territoire/communes-metropole-lyon.csv "$work/export.csv" <<'PY'
import csv, sys
rows, communes_path, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(communes_path, encoding="utf-8") as f:
    communes = list(csv.DictReader(f))
services = ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"]
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(["id", "nom", "adresse", "code_postal", "commune", "code_insee", "latitude", "longitude",
                "telephone", "horaires", "services", "presentation_resume", "date_maj"])
    for i in range(rows):
        c = communes[i % len(communes)]
        w.writerow([f"lieu-{i}", f"Espace numérique {i}", f"{i % 200 + 1} rue de la République",
                    c["codes_postaux"].split("|")[0].split(" ")[0], c["nom"], c["code_insee"],
                    f"{float(c['latitude']) + (i % 7) * 0.0001:.4f}", f"{float(c['longitude']) + (i % 5) * 0.0001:.4f}",
                    f"04 78 {i % 100:02d} {i // 100 % 100:02d} 00", "Mo-Fr 09:00-12:00",
                    services[i % 2], "Un conseiller vous aide,\nsur rendez-vous.", "2026-03-03"])
PY
echo "machine: $(nproc) cores, $(uname -m); file: $rows rows, $(du -h "$work/export.csv" | cut -f1); in $work"
for run in 1 2 3; do
  rm -rf "$work/site" && mkdir -p "$work/site/content" "$work/site/data"
  cp content/site.yaml "$work/site/content/" && cp -r data/territoire "$work/site/data/"
  /usr/bin/time -v "$resin" import "$work/export.csv" --root "$work/site" >"$work/report.txt" 2>"$work/time-$run.txt"
done
grep -E "^Import|dans le territoire" "$work/report.txt"
python3 - "$rows" "$work"/time-*.txt <<'PY'
import re, statistics, sys
rows, files = sys.argv[1], sys.argv[2:]
def seconds(text):
    parts = [float(p) for p in re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)[1].split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
texts = [open(f).read() for f in files]
times = sorted(seconds(t) for t in texts)
peak = max(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)[1]) for t in texts) / 1024
cpu = statistics.median(
    sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", t)[1]) for kind in ("User", "System")) for t in texts
)
print(f"import of {rows} rows: {statistics.median(times):.1f} s (median of 3; {times[0]:.1f} to {times[-1]:.1f} s), "
      f"CPU {cpu:.1f} s (user + system, median), peak memory {peak:.0f} MiB")
PY
