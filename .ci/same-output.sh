#!/usr/bin/env bash
# Shows that a change leaves the published output as it was: builds the example directory, and
# a generated corpus, with resin as it is at REV and as it is in the working tree, then compares
# the two outputs file by file. Used for restructurings, which must not change a byte.
#
# Usage: .ci/same-output.sh [--except-scripts] REV [PLACES]
#   REV     a commit to compare with (for example the commit before the restructuring);
#   PLACES  the size of the generated corpus (default 300; 0 leaves it out);
#   --except-scripts  leaves out of the comparison the theme's scripts (`static/**/*.js`) and
#           the lines of pages that load them, for a change that reworks only the scripts.
# Exit status: 0 when both outputs are byte-identical, 1 otherwise (the differing files are
# listed), 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."
except_scripts=false
if [ "${1:-}" = --except-scripts ]; then except_scripts=true; shift; fi
rev=${1:?usage: .ci/same-output.sh [--except-scripts] REV [PLACES]}
places=${2:-300}
work=target/same-output
rm -rf "$work/base" "$work/out" && mkdir -p "$work/out"
git worktree prune
git worktree add --detach --quiet "$work/base" "$rev"
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true' EXIT

echo "== building resin at $rev and in the working tree"
cargo build --quiet --manifest-path "$work/base/Cargo.toml" --target-dir "$work/target" --bin resin
cargo build --quiet --bin resin --example generate
before=$work/target/debug/resin
after=target/debug/resin

export RESIN_DATE=2026-11-25
# Each root holds a content/ folder: the example (this repository) and the generated corpus.
roots=(.)
if [ "$places" -gt 0 ]; then
  rm -rf "$work/corpus"
  target/debug/examples/generate "$places" "$work/corpus" >/dev/null 2>&1
  roots+=("$work/corpus")
fi

status=0
for root in "${roots[@]}"; do
  name=$([ "$root" = . ] && echo example || basename "$root")
  # Both builds read the same content, from the working tree.
  "$before" build --root "$root" --output "$work/out/$name-before" >/dev/null 2>&1
  "$after" build --root "$root" --output "$work/out/$name-after" >/dev/null 2>&1
  if $except_scripts; then
    for side in before after; do
      find "$work/out/$name-$side/static" -name '*.js' -delete
      find "$work/out/$name-$side/static" -type d -empty -delete
      find "$work/out/$name-$side" -name '*.html' -exec sed -i '/<script [^>]*src="[^"]*\/static\/[^"]*\.js"/d' {} +
    done
  fi
  if diff -rq "$work/out/$name-before" "$work/out/$name-after"; then
    echo "$name: $(find "$work/out/$name-after" -type f | wc -l) files, byte-identical"
  else
    echo "$name: the outputs differ (above)"
    status=1
  fi
done
exit $status
