#!/usr/bin/env python3
"""Main-content extraction benchmark: biennien-html beside trafilatura, in one run.

Sets (from the html-bench folder of the evaluation data):
  scrapinghub  181 article pages with the full article body as gold. Metric: tokens are `\\w+`,
               4-gram shingle multisets per page, precision and recall per page averaged over
               pages, F1 of the two means.
  trafilatura  990 pages with snippets that must and must not appear. Metric: pooled counts of
               snippets found (whitespace-normalised substring test), precision, recall, F1.

Speed is pages per second of extraction alone (pages already in memory), one core, for both.

  python3 bench/html_bench.py --bench ../shared/html-bench [--set scrapinghub|trafilatura|both]
                              [--no-trafilatura] [--dump DIR]
"""

import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    toks = TOKEN.findall(text or "")
    if len(toks) < n:
        return collections.Counter([tuple(toks)]) if toks else collections.Counter()
    return collections.Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def shingle_pr(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    precision = tp / (tp + fp) if tp + fp else (1.0 if not g else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def norm(s):
    return " ".join((s or "").split())


def load_scrapinghub(bench):
    base = os.path.join(bench, "scrapinghub-article-extraction-benchmark")
    gold = json.load(open(os.path.join(base, "ground-truth.json"), encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        path = os.path.join(base, "html", key + ".html.gz")
        with gzip.open(path, "rb") as f:
            pages.append((key, f.read()))
    return pages, {k: v["articleBody"] for k, v in gold.items()}


def load_trafilatura(bench):
    base = os.path.join(bench, "trafilatura-eval")
    data = json.load(open(os.path.join(base, "evaldata.json"), encoding="utf-8"))
    pages, gold = [], {}
    for url in sorted(data):
        entry = data[url]
        name = entry["file"]
        for sub in ("eval", "cache"):
            path = os.path.join(base, sub, name + ".gz")
            if os.path.exists(path):
                with gzip.open(path, "rb") as f:
                    pages.append((url, f.read()))
                gold[url] = entry
                break
    return pages, gold


def run_ours(pages, workdir, rounds):
    listing = []
    for i, (key, raw) in enumerate(pages):
        path = os.path.join(workdir, "%05d.html" % i)
        with open(path, "wb") as f:
            f.write(raw)
        listing.append(path)
    exe = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "examples", "html_bench")
    env = dict(os.environ, ROUNDS=str(rounds))
    proc = subprocess.run(
        ["taskset", "-c", "0", exe] if shutil_which("taskset") else [exe],
        input="\n".join(listing).encode(),
        capture_output=True,
        env=env,
        check=True,
    )
    out = {}
    for (key, _), line in zip(pages, proc.stdout.decode().splitlines()):
        out[key] = json.loads(line)
    m = re.search(r"pages/s ([0-9.]+)", proc.stderr.decode())
    return out, float(m.group(1)) if m else float("nan")


def shutil_which(cmd):
    from shutil import which

    return which(cmd)


def run_trafilatura(pages):
    import trafilatura

    out, total = {}, 0.0
    for key, raw in pages:
        t = time.perf_counter()
        text = trafilatura.extract(raw, include_comments=False)
        total += time.perf_counter() - t
        out[key] = {"text": text or ""}
    return out, len(pages) / total if total else float("nan")


def score_scrapinghub(out, gold):
    ps, rs = [], []
    for key, body in gold.items():
        p, r = shingle_pr(body, out.get(key, {}).get("text", ""))
        ps.append(p)
        rs.append(r)
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    return P, R, f1(P, R)


def score_trafilatura(out, gold):
    tp = fp = fn = tn = 0
    for key, entry in gold.items():
        text = norm(out.get(key, {}).get("text", ""))
        for s in entry.get("with", []):
            if norm(s) in text:
                tp += 1
            else:
                fn += 1
        for s in entry.get("without", []):
            if norm(s) in text:
                fp += 1
            else:
                tn += 1
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    return P, R, f1(P, R)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "html-bench"))
    ap.add_argument("--set", default="both", choices=["scrapinghub", "trafilatura", "both"])
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds of our extractor")
    ap.add_argument("--dump", help="write per-page outputs and scores here")
    ap.add_argument("--min", action="append", default=[], metavar="SET=F1",
                    help="fail (exit 1) when our F1 on SET falls below F1")
    args = ap.parse_args()

    sets = ["scrapinghub", "trafilatura"] if args.set == "both" else [args.set]
    floors = dict((k, float(v)) for k, v in (m.split("=", 1) for m in args.min))
    failed = []
    print("%-12s %-22s %7s %7s %7s %10s" % ("set", "system", "P", "R", "F1", "pages/s"))
    for name in sets:
        pages, gold = (load_scrapinghub if name == "scrapinghub" else load_trafilatura)(args.bench)
        score = score_scrapinghub if name == "scrapinghub" else score_trafilatura
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            ours, speed = run_ours(pages, tmp, args.rounds)
        rows.append(("biennien-html", ours, speed))
        if not args.no_trafilatura:
            theirs, tspeed = run_trafilatura(pages)
            rows.append(("trafilatura", theirs, tspeed))
        for system, out, speed in rows:
            P, R, F = score(out, gold)
            print("%-12s %-22s %7.4f %7.4f %7.4f %10.1f" % (name, system, P, R, F, speed))
            if system == "biennien-html" and name in floors and F < floors[name]:
                failed.append("%s: F1 %.4f below the floor %.4f" % (name, F, floors[name]))
        if len(rows) == 2:
            print("%-12s %-22s %7s %7s %7s %9.1fx" % (name, "speed ratio", "", "", "", rows[0][2] / rows[1][2]))
        if args.dump and name == "scrapinghub":
            os.makedirs(args.dump, exist_ok=True)
            with open(os.path.join(args.dump, name + ".jsonl"), "w", encoding="utf-8") as f:
                for key, body in gold.items():
                    p, r = shingle_pr(body, ours.get(key, {}).get("text", ""))
                    f.write(json.dumps({"id": key, "p": p, "r": r, "f1": f1(p, r)}) + "\n")
        sys.stdout.flush()
    for f in failed:
        print("FAIL " + f, file=sys.stderr)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
