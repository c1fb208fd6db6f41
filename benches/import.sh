#!/usr/bin/env bash
# Measures `resin import` on a CSV of N rows (100,000 by default): wall time and peak memory
# (max RSS, from /usr/bin/time -v) of one import into an empty site of the Métropole de Lyon.
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/site/content" "$work/site/data"
cp content/site.yaml "$work/site/content/"
cp -r data/territoire "$work/site/data/"
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
echo "machine: $(nproc) cores, $(uname -m); file: $rows rows, $(du -h "$work/export.csv" | cut -f1)"
/usr/bin/time -v "$resin" import "$work/export.csv" --root "$work/site" >"$work/report.txt" 2>"$work/time.txt"
grep -E "^Import|dans le territoire" "$work/report.txt"
elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
echo "import of $rows rows: $elapsed (wall clock), peak memory $((peak / 1024)) MiB"
