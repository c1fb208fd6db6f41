#!/usr/bin/env bash
# The README's test command: on a fresh machine that has Rust, installs what the test suite
# needs and is missing, then runs it.
#
#   1. Debian packages: chromium (the browser tests), nodejs and npm (the npm packages and the
#      JavaScript tests), poppler-utils (`pdfinfo` counts the pages of the printed fiche
#      d'orientation, tests/navigateur/orienter.test.mjs), fonts-dejavu-core (the printed pages);
#      with sudo when not root, only when one of the commands is missing;
#   2. `npm ci`: the npm packages pinned in package-lock.json;
#   3. a Python virtual environment in target/tools/data-inclusion with the official
#      data·inclusion package, pinned in tests/data-inclusion/requirements.txt: the tests validate
#      the data·inclusion export with it (tests/integration/data_inclusion.rs); made again only
#      when requirements.txt changes (python3 and python3-venv are installed when missing);
#   4. `cargo test --locked`, with this script's arguments (`scripts/test.sh --test integration docs`).
#
# With RESIN_SANS_NAVIGATEUR=1, Chromium and poppler-utils are neither required nor installed, and
# the browser tests are skipped (on purpose: without the variable, a missing browser is an error).
# Messages are in French, like the rest of what resin says to its users; CI calls this script
# (.ci/run), so the README's command is the one that CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '== %s\n' "$*"; }

command -v cargo >/dev/null 2>&1 || {
  echo "cargo est introuvable : installez Rust (https://rustup.rs), puis relancez scripts/test.sh" >&2
  exit 2
}

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if [ "${RESIN_SANS_NAVIGATEUR:-}" != 1 ]; then
  # The browser tests look for $CHROMIUM, /usr/bin/chromium by default (tests/integration/navigateur.rs).
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "installation des paquets manquants : ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get est introuvable (ce n'est pas une Debian ou une Ubuntu) : installez vous-même ${missing[*]}," >&2
    echo "ou lancez RESIN_SANS_NAVIGATEUR=1 scripts/test.sh pour sauter les tests dans le navigateur." >&2
    exit 2
  fi
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || {
      echo "il faut être root ou avoir sudo pour installer ${missing[*]}" >&2
      exit 2
    }
    SUDO=(sudo)
  fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" fonts-dejavu-core >/dev/null
fi

say "outils"
cargo --version
node --version
[ "${RESIN_SANS_NAVIGATEUR:-}" = 1 ] || "${CHROMIUM:-/usr/bin/chromium}" --version

say "paquets npm épinglés (npm ci)"
npm ci --no-audit --no-fund

say "paquet Python data-inclusion-schema épinglé (tests/data-inclusion/requirements.txt)"
venv=target/tools/data-inclusion
if ! cmp -s tests/data-inclusion/requirements.txt "$venv/requirements.txt"; then
  # Wheels only (checked for CPython 3.11 on x86_64): nothing is compiled, a Python without them fails here.
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: -r tests/data-inclusion/requirements.txt
  cp tests/data-inclusion/requirements.txt "$venv/requirements.txt"
fi
"$venv/bin/pip" show data-inclusion-schema | grep '^Version'

say "cargo test --locked $*"
started=$(date +%s)
cargo test --locked "$@"
say "tests réussis en $(( $(date +%s) - started )) s"
