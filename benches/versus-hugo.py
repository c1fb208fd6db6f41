#!/usr/bin/env python3
"""resin against Hugo on the same content: build time (median of 5) and peak memory.

For each size (default 1,000, 10,000 and 50,000 places, with half as many offers), the
repository's generator writes a corpus; `resin build` builds it, and `hugo` builds the same
`content/` folder with the site of `benches/hugo/` (same page families: a page per place and
per offer, lists by commune, by need and by public with 30 places a page, the home page, the
sitemap; similar templates). Both run one after the other, alternately, with corpus and outputs
in memory (tmpfs, /dev/shm) when there is one, so that the disk does not decide. Peak memory is
the maximum resident set size reported by `/usr/bin/time -v`.

    cargo build --release --example generate --bin resin
    apt-get install hugo time          # Debian's hugo (0.111 on bookworm)
    benches/versus-hugo.py [SIZES...] [--runs 5]

Prints a Markdown table (the one in the README).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESIN = os.path.join(ROOT, "target/release/resin")
GENERATE = os.path.join(ROOT, "target/release/examples/generate")
HUGO_SITE = os.path.join(ROOT, "benches/hugo")


def timed(command, env=None):
    """Wall time (s) and peak resident memory (MiB) of a command, through /usr/bin/time -v."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    return wall, peak


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for tool in (RESIN, GENERATE):
        if not os.access(tool, os.X_OK):
            sys.exit("run first: cargo build --release --example generate --bin resin")
    hugo = shutil.which("hugo")
    if not hugo or not os.access("/usr/bin/time", os.X_OK):
        sys.exit("install Debian's hugo and time: apt-get install hugo time")
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    work = tempfile.mkdtemp(prefix="resin-vs-hugo-", dir=base)
    env = dict(os.environ, RESIN_DATE="2026-11-25")
    rows = []
    try:
        for size in args.sizes:
            corpus = os.path.join(work, f"corpus-{size}")
            subprocess.run([GENERATE, str(size), corpus], check=True, stderr=subprocess.DEVNULL)
            resin_out, hugo_out = os.path.join(work, "resin-out"), os.path.join(work, "hugo-out")
            resin_cmd = [RESIN, "build", "--root", corpus, "--output", resin_out]
            hugo_cmd = [hugo, "--quiet", "--source", HUGO_SITE, "--contentDir", os.path.join(corpus, "content"),
                        "--destination", hugo_out, "--cacheDir", os.path.join(work, "hugo-cache")]
            results = {"resin": [], "hugo": []}
            for _ in range(args.runs):
                # Each from an empty output folder, alternately.
                for name, command, out in (("resin", resin_cmd, resin_out), ("hugo", hugo_cmd, hugo_out)):
                    shutil.rmtree(out, ignore_errors=True)
                    results[name].append(timed(command, env))
            files = (count_files(resin_out), count_files(hugo_out))
            resin_t = statistics.median(t for t, _ in results["resin"])
            hugo_t = statistics.median(t for t, _ in results["hugo"])
            resin_m = max(m for _, m in results["resin"])
            hugo_m = max(m for _, m in results["hugo"])
            rows.append((size, resin_t, resin_m, files[0], hugo_t, hugo_m, files[1]))
            print(f"{size} places: resin {resin_t:.2f} s {resin_m:.0f} MiB, hugo {hugo_t:.2f} s {hugo_m:.0f} MiB",
                  file=sys.stderr)
            shutil.rmtree(corpus)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{os.cpu_count()} cores; Hugo {version}; median of {args.runs} builds from an empty output folder, "
          f"on {'tmpfs' if base else 'disk'}; peak memory: the highest of the runs.\n")
    print("| places (offers) | resin | resin memory | resin files | Hugo | Hugo memory | Hugo files | time resin/Hugo | memory resin/Hugo |")
    print("|---|---|---|---|---|---|---|---|---|")
    for size, rt, rm, rf, ht, hm, hf in rows:
        print(f"| {size:,} ({size // 2:,}) | {rt:.2f} s | {rm:.0f} MiB | {rf:,} | {ht:.2f} s | {hm:.0f} MiB | {hf:,} "
              f"| {rt / ht:.2f} | {rm / hm:.2f} |".replace(",", " "))
    if len(rows) >= 2:
        by_size = {size: rt for size, rt, *_ in rows}
        if 10000 in by_size and 50000 in by_size:
            print(f"\nresin at 50 000 places: {by_size[50000] / by_size[10000]:.1f} × its time at 10 000.")


if __name__ == "__main__":
    main()
