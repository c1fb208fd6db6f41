#!/usr/bin/env python3
"""Measures `resin serve` on a generated corpus: the time from saving a file to the correct
pages being served.

    cargo build --release --bin resin --example generate
    benches/serve.py [PLACES] [RUNS]          # default: 10000 places, 10 runs per kind

For each kind of edit (a place's name, a place's commune, a new place, a deleted place), the
script saves the change, then asks the server for the place's page and every page of the
commune lists concerned until they are right (new name shown and old one gone, place listed in
its new commune and not the old one, new place listed, deleted place gone and its page a 404).
The time from the save to the first fully right answer is recorded; the median of RUNS is
reported per kind, with the update time `resin serve` itself prints.

A full rebuild is measured too: the first build when the server starts, and a change of
`site.yaml` (every entry checked again) until the home page shows it.

At the end, every file the server serves is compared with a fresh `resin build` of the same
content: the served site must be byte-identical (what `resin serve` injects into HTML pages,
the reload script, excepted).
"""

import http.client
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESIN = REPO / "target/release/resin"
GENERATE = REPO / "target/release/examples/generate"
TODAY = "2026-11-25"


class Server:
    def __init__(self, root):
        env = dict(os.environ, RESIN_DATE=TODAY, NO_COLOR="1")
        self.process = subprocess.Popen(
            [str(RESIN), "serve", "--root", str(root), "--port", "0"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True)
        self.lines = []
        self.address = None
        ready = threading.Event()

        def read():
            for line in self.process.stderr:
                self.lines.append(line.rstrip("\n"))
                match = re.match(r"Aperçu : http://([^/]+)/", line)
                if match:
                    self.address = match.group(1)
                    ready.set()
        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(600):
            sys.exit("resin serve did not start:\n" + "\n".join(self.lines))
        host, port = self.address.rsplit(":", 1)
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)

    def get(self, path):
        for _ in range(3):
            try:
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                return response.status, response.read().decode("utf-8", "replace")
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
        raise RuntimeError(f"GET {path} failed")

    def get_bytes(self, path):
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        return response.status, response.read()

    def updates(self):
        return [int(m.group(1)) for line in self.lines if (m := re.search(r"aperçu à jour en (\d+) ms", line))]

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


def field(text, key):
    match = re.search(rf"^{key}: (.*)$", text, re.M)
    return match.group(1) if match else None


def set_field(text, key, value):
    return re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)


def commune_pages(server, slug):
    """Every page of a commune's list of places."""
    status, first = server.get(f"/communes/{slug}/")
    if status != 200:
        return [first]
    match = re.search(r"\(page 1 sur (\d+)\)", first)
    pages = [first]
    for n in range(2, int(match.group(1)) + 1 if match else 1):
        pages.append(server.get(f"/communes/{slug}/page/{n}/")[1])
    return pages


def commune_of(server, place):
    status, page = server.get(f"/lieux/{place}/")
    return re.search(r'href="/communes/([^/"]+)/">Autres lieux', page).group(1)


def wait_until(check, limit=30.0):
    start = time.perf_counter()
    while not check():
        if time.perf_counter() - start > limit:
            raise RuntimeError("the served site never became right")
        time.sleep(0.002)


def main():
    places = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    if not RESIN.exists() or not GENERATE.exists():
        sys.exit("run first: cargo build --release --bin resin --example generate")
    work = Path(tempfile.mkdtemp(prefix="resin-serve-bench-"))
    try:
        root = work / "site"
        subprocess.run([str(GENERATE), str(places), str(root)], check=True, stderr=subprocess.DEVNULL)
        lieux = root / "content/lieux"
        offers = "".join(p.read_text() for p in (root / "content/offres").glob("*.md"))
        named = set(re.findall(r"lieux: \[([^\]]*)\]", offers))
        named = {s.strip() for group in named for s in group.split(",")}
        files = sorted(lieux.glob("*.md"))
        free = [p for p in files if p.stem not in named]
        rng = random.Random(42)

        started = time.perf_counter()
        server = Server(root)
        print(f"machine: {os.cpu_count()} cores; corpus: {places} places, {len(named)} named by offers")
        print(f"first build (serve start, every page rendered): {server.updates()[0]} ms "
              f"(process ready after {time.perf_counter() - started:.1f} s)")

        results = {"name": [], "commune": [], "new place": [], "deleted place": []}
        reported = {k: [] for k in results}

        def measure(kind, edit, check):
            before = len(server.updates())
            start = time.perf_counter()
            edit()
            wait_until(check)
            results[kind].append((time.perf_counter() - start) * 1000)
            wait_until(lambda: len(server.updates()) > before)
            reported[kind].append(server.updates()[-1])
            time.sleep(0.3)  # let the background production of the other pages finish

        for run in range(runs):
            # A place's name.
            path = rng.choice(files)
            slug = path.stem
            commune = commune_of(server, slug)
            old = field(path.read_text(), "nom")
            new = f"Lieu renommé {run} {rng.randrange(10**6)}"
            measure("name", lambda: path.write_text(set_field(path.read_text(), "nom", f'"{new}"')),
                    lambda: f"<h1>{new}</h1>" in server.get(f"/lieux/{slug}/")[1]
                    and any(new in p for p in commune_pages(server, commune))
                    and not any(f">{old}<" in p for p in commune_pages(server, commune)))

            # A place's commune.
            path = rng.choice(files)
            slug = path.stem
            text = path.read_text()
            other = next(p.read_text() for p in rng.sample(files, 50) if field(p.read_text(), "commune") != field(text, "commune"))
            before_commune = commune_of(server, slug)
            for key in ("code_postal", "commune", "code_insee"):
                if field(other, key) is not None:
                    text = set_field(text, key, field(other, key))
            moved = text

            def moved_right():
                status, page = server.get(f"/lieux/{slug}/")
                match = re.search(r'href="/communes/([^/"]+)/">Autres lieux', page)
                if not match or match.group(1) == before_commune:
                    return False
                href = f'href="/lieux/{slug}/"'
                return any(href in p for p in commune_pages(server, match.group(1))) and not any(
                    href in p for p in commune_pages(server, before_commune))
            measure("commune", lambda: path.write_text(moved), moved_right)

            # A new place.
            source = rng.choice(files).read_text()
            new_slug = f"nouveau-lieu-{run}"
            new_text = "\n".join(l for l in source.splitlines() if not l.startswith("id:")) + "\n"
            new_text = set_field(new_text, "nom", f'"Nouveau lieu {run}"')
            target = lieux / f"{new_slug}.md"

            def created_right():
                status, page = server.get(f"/lieux/{new_slug}/")
                if status != 200:
                    return False
                commune = re.search(r'href="/communes/([^/"]+)/">Autres lieux', page).group(1)
                return any(f'href="/lieux/{new_slug}/"' in p for p in commune_pages(server, commune))
            measure("new place", lambda: target.write_text(new_text), created_right)

            # A deleted place (one no offer names).
            path = free.pop(rng.randrange(len(free)))
            files.remove(path)
            slug = path.stem
            commune = commune_of(server, slug)
            measure("deleted place", path.unlink,
                    lambda: server.get(f"/lieux/{slug}/")[0] == 404
                    and not any(f'href="/lieux/{slug}/"' in p for p in commune_pages(server, commune)))

        print(f"\nfrom the save to the right pages served, {runs} runs each "
              f"(in brackets: the update time resin serve prints):")
        for kind, times in results.items():
            print(f"  {kind:14} median {statistics.median(times):6.0f} ms   min {min(times):4.0f}   "
                  f"max {max(times):5.0f}   ({statistics.median(reported[kind]):.0f} ms)")

        # A full rebuild: site.yaml changes, every entry is checked again.
        site_yaml = root / "content/site.yaml"
        title = "Rés'IN mesure"
        before = len(server.updates())
        start = time.perf_counter()
        site_yaml.write_text(set_field(site_yaml.read_text(), "titre", f'"{title}"'))
        wait_until(lambda: "Rés&#39;IN mesure" in server.get("/")[1], limit=120)
        full = (time.perf_counter() - start) * 1000
        wait_until(lambda: len(server.updates()) > before)
        print(f"full rebuild (site.yaml changed, every entry checked again): home page right after {full:.0f} ms "
              f"(update {server.updates()[-1]} ms)")

        # Every served file against a fresh build of the same content.
        time.sleep(1)
        output = work / "fresh"
        start = time.perf_counter()
        subprocess.run([str(RESIN), "build", "--root", str(root), "--output", str(output),
                        "--base-url", f"http://{server.address}/"], check=True, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, RESIN_DATE=TODAY))
        print(f"resin build of the same content: {(time.perf_counter() - start) * 1000:.0f} ms")
        built = sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file() and p.name != ".resin-build")
        served = server.get("/__resin/fichiers")[1].split()
        assert served == built, "the served files are not the built files"
        injected = re.compile(rb"<script>\(function\(\)\{if\(!window\.EventSource\).*?</script>", re.S)
        for relative in built:
            status, body = server.get_bytes(f"/{relative}")
            if relative.endswith(".html"):
                body = injected.sub(b"", body)
            assert status == 200 and body == (output / relative).read_bytes(), f"{relative} differs"
        print(f"served site checked against the build: {len(built)} files, byte-identical")
        server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
