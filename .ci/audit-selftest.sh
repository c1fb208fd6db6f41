#!/usr/bin/env bash
# Shows that the quality gate catches what it must: on copies of the built site, a broken
# link, a contrast violation and an injected script each make the audit fail.
#   .ci/audit-selftest.sh AUDIT_DIR SITE_DIR WORK_DIR
set -euo pipefail
audit="$1/audit"; site="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"

mutate() { # name, HTML put at the start of the home page's <main>
  local dir="$work/$1"
  cp -r "$site" "$dir"
  python3 - "$dir/index.html" "$2" <<'PY'
import sys
path, snippet = sys.argv[1], sys.argv[2]
html = open(path, encoding="utf-8").read()
at = html.index(">", html.index("<main")) + 1
open(path, "w", encoding="utf-8").write(html[:at] + snippet + html[at:])
PY
}

expect_fail() { # name, pattern the summary must show
  local dir="$work/$1" out="$work/$1-audit"
  set +e
  "$audit" "$dir" --out "$out" --pages 1 --screenshots 0 --skip-vnu --quiet > "$out.txt" 2>&1
  local code=$?
  set -e
  node "$(dirname "$0")/audit-gate.mjs" "$out/report.json" >> "$out.txt" 2>&1 && code=0
  if [ "$code" -eq 0 ] || ! grep -qE "$2" "$out.txt"; then
    echo "the gate let a $1 through:"; cat "$out.txt"; exit 1
  fi
  echo "  $1: caught ($(grep -E "$2" "$out.txt" | head -1 | sed 's/^ *//'))"
}

mutate lien-casse '<p><a href="/cette-page-n-existe-pas/">Un lien cassé</a></p>'
mutate contraste '<p style="color:#c8c8c8;background:#ffffff">Un texte trop pâle pour être lu.</p>'
mutate script-injecte '<script>document.title = "piraté";</script>'
expect_fail lien-casse 'Broken links: [1-9]'
expect_fail contraste 'serious [1-9]'
expect_fail script-injecte 'Console errors: [1-9]'
