#!/usr/bin/env python3
"""Checks corpus/events/input.jsonl against corpus/events/gold.jsonl.

    python3 check.py [--dir DIR]

Checks:
- every line of both files is valid JSON with the expected fields and types;
- every gold "doc" has exactly one input "source" and vice versa;
- the input text is "title, blank line, paragraphs separated by blank lines"; the gold title is the
  first line; every gold body paragraph is a paragraph of the text, in order; the text is already in
  canonical form (NFC, old-style tone placement, straight quotes) so a normalizing reader keeps it;
- the gold "published" is the input date at day (or lower) precision, null when the input has none;
- every "absent" string occurs in the text but not in the gold body;
- every person name (or one of its aliases) occurs in the body (exact, or after folding case,
  diacritics and hyphens as score.py does); person countries are null or ISO alpha-2;
- events: one of the nine types; date null or ISO partial (YYYY, YYYY-MM, YYYY-MM-DD, a real day)
  and not after the publication date; location null or ISO alpha-2; participants are listed persons
  (canonical names) or "country:XX", at least one of them named; no duplicate events;
- facts: known kind, two sorted ISO codes, the values each kind needs;
- articles have 100 to 350 words (title and body).
Prints the corpus totals. Standard library only. Exit status 0 when all checks pass, 1 otherwise.
"""
import argparse
import datetime
import json
import pathlib
import re
import sys
import unicodedata
from collections import Counter

EVENT_TYPES = ["TALKS", "MEET", "RECEIVE", "CALL", "VISIT", "CONSULT", "SIGN", "AWARD", "INVITE"]
FACT_KINDS = ["relations_established", "partnership", "trade_volume", "trade_rank", "aid"]
LEVELS = {"comprehensive_strategic_partnership", "strategic_partnership", "comprehensive_partnership"}
CURRENCIES = {"USD", "CAD", "EUR", "JPY", "CNY", "AUD", "VND", "NZD", "GBP"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PUBLISHED_IN = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
INPUT_FIELDS = {"source": str, "published": (str, type(None)), "outlet": (str, type(None)), "text": str}
GOLD_FIELDS = {"doc": str, "title": str, "published": (str, type(None)), "outlet": (str, type(None)),
               "author": (str, type(None)), "absent": list, "persons": list, "events": list, "facts": list,
               "body": list}


def fold(s):
    """As score.py: lower case, no diacritics (đ -> d), punctuation and hyphens as spaces."""
    s = unicodedata.normalize("NFC", str(s)).lower().replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


# Canonical form as biennien reads text (NFC, old-style tone placement for open oa/oe/uy,
# straight quotes): the tone and quote rules are the sample corpus checker's.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "sample"))
from check_gold import QUOTES, retone  # noqa: E402


def canonical(text):
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[^\W\d_]+", lambda m: retone(m.group(0)), text)
    return text.translate(QUOTES)


def valid_date(s):
    if not DATE.match(s):
        return False
    parts = [int(x) for x in s.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def load(path, fields, problems):
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{path.name}:{n}: not JSON: {e}")
            continue
        bad = [k for k, t in fields.items() if not isinstance(rec.get(k, KeyError), t)]
        if bad:
            problems.append(f"{path.name}:{n}: missing or mistyped field(s) {bad}")
            continue
        out.append(rec)
    return out


def check_doc(g, inp, problems, stats):
    w = g["doc"]
    text = inp["text"]
    paras = text.split("\n\n")
    lines = text.split("\n")
    # structure and title
    if len(lines) < 3 or lines[1] != "":
        problems.append(f"{w}: text is not 'title, blank line, paragraphs'")
    if g["title"] != paras[0] or "\n" in paras[0]:
        problems.append(f"{w}: gold title is not the first line of the text")
    if any(not p.strip() or p != p.strip() or "\n" in p for p in paras):
        problems.append(f"{w}: empty, padded or multi-line paragraph in the text")
    if canonical(text) != text:
        problems.append(f"{w}: text not in canonical form (tone placement, NFC or curly quotes)")
    # body paragraphs in order
    pos = 1
    for i, p in enumerate(g["body"], 1):
        if not isinstance(p, str) or not p:
            problems.append(f"{w}: body paragraph {i} empty or not a string")
            continue
        try:
            pos = paras.index(p, pos) + 1
        except ValueError:
            where = "out of order" if p in paras else "not a paragraph of the text"
            problems.append(f"{w}: body paragraph {i} {where}: {p[:60]!r}")
    body = "\n".join(p for p in g["body"] if isinstance(p, str))
    words = len((g["title"] + " " + body).split())
    stats["words"].append(words)
    if not 100 <= words <= 350:
        problems.append(f"{w}: {words} words (100 to 350 expected)")
    # published and outlet
    ip, gp = inp["published"], g["published"]
    if ip is not None and not PUBLISHED_IN.match(ip):
        problems.append(f"{w}: input published {ip!r} is not ISO")
    if (ip is None) != (gp is None):
        problems.append(f"{w}: published null in only one of input/gold")
    elif gp is not None and (not valid_date(gp) or not ip.startswith(gp)):
        problems.append(f"{w}: gold published {gp!r} does not match input {ip!r}")
    if g["outlet"] != inp["outlet"]:
        problems.append(f"{w}: outlet differs between input and gold")
    # absent strings
    low_body = body.lower()
    for s in g["absent"]:
        if s not in text:
            problems.append(f"{w}: absent string not in the text: {s!r}")
        if s.lower() in low_body:
            problems.append(f"{w}: absent string is in the gold body: {s!r}")
    # persons
    fbody = " " + fold(body) + " "
    names, seen = set(), set()
    for p in g["persons"]:
        if not isinstance(p, dict) or not isinstance(p.get("name"), str) or not p["name"]:
            problems.append(f"{w}: person without a name: {p!r}")
            continue
        if set(p) - {"name", "country", "aliases"}:
            problems.append(f"{w}: person {p['name']}: unexpected keys {sorted(set(p) - {'name', 'country', 'aliases'})}")
        if "country" not in p or not (p["country"] is None or COUNTRY.match(str(p["country"]))):
            problems.append(f"{w}: person {p['name']}: country {p.get('country')!r} is not null or ISO alpha-2")
        forms = [p["name"]] + list(p.get("aliases", []))
        if not any(f in body or (" " + fold(f) + " ") in fbody for f in forms):
            problems.append(f"{w}: person {p['name']} (or an alias) does not occur in the body")
        for a in p.get("aliases", []):
            if a not in body:
                problems.append(f"{w}: alias {a!r} of {p['name']} does not occur verbatim in the body")
        if fold(p["name"]) in seen:
            problems.append(f"{w}: person {p['name']} listed twice")
        seen.add(fold(p["name"]))
        names.add(p["name"])
    stats["persons"] += len(names)
    # events
    keys = set()
    for e in g["events"]:
        t = e.get("type")
        stats["events"][t] += 1
        if t not in EVENT_TYPES:
            problems.append(f"{w}: event type {t!r} unknown")
        if set(e) != {"type", "date", "location_country", "participants"}:
            problems.append(f"{w}: event {t} keys {sorted(e)}")
        d = e.get("date")
        if d is not None:
            if not isinstance(d, str) or not valid_date(d):
                problems.append(f"{w}: event {t} date {d!r} is not ISO partial")
            elif gp is not None and d > gp[:len(d)]:
                problems.append(f"{w}: event {t} date {d} is after publication {gp}")
        lc = e.get("location_country")
        if lc is not None and not COUNTRY.match(str(lc)):
            problems.append(f"{w}: event {t} location_country {lc!r} is not ISO alpha-2")
        parts = e.get("participants") or []
        if not parts:
            problems.append(f"{w}: event {t} without participants")
        for x in parts:
            if not isinstance(x, str):
                problems.append(f"{w}: event {t} participant {x!r} is not a string")
            elif x.startswith("country:"):
                if not COUNTRY.match(x[8:]):
                    problems.append(f"{w}: event {t} participant {x!r} is not country:XX")
            elif x not in names:
                problems.append(f"{w}: event {t} participant {x!r} is not a listed person (canonical name)")
        if not any(isinstance(x, str) and not x.startswith("country:") for x in parts):
            problems.append(f"{w}: event {t} has no named participant")
        if len(set(parts)) != len(parts):
            problems.append(f"{w}: event {t} repeats a participant")
        key = (t, d, lc, frozenset(p for p in parts if isinstance(p, str)))
        if key in keys:
            problems.append(f"{w}: duplicate event {t} {d} {sorted(key[3])}")
        keys.add(key)
    # facts
    for f in g["facts"]:
        k = f.get("kind")
        stats["facts"][k] += 1
        cs = f.get("countries") or []
        if k not in FACT_KINDS:
            problems.append(f"{w}: fact kind {k!r} unknown")
            continue
        if len(cs) != 2 or not all(isinstance(c, str) and COUNTRY.match(c) for c in cs) or cs != sorted(cs) \
                or cs[0] == cs[1]:
            problems.append(f"{w}: fact {k}: countries {cs!r} are not two distinct sorted ISO codes")
        if k == "relations_established" and not (f.get("date") is None or valid_date(str(f["date"]))):
            problems.append(f"{w}: fact {k}: date {f.get('date')!r}")
        if k == "partnership" and f.get("level") not in LEVELS:
            problems.append(f"{w}: fact {k}: level {f.get('level')!r}")
        if k in ("trade_volume", "aid"):
            if not (isinstance(f.get("amount"), (int, float)) and f["amount"] > 0):
                problems.append(f"{w}: fact {k}: amount {f.get('amount')!r}")
            if f.get("currency") not in CURRENCIES:
                problems.append(f"{w}: fact {k}: currency {f.get('currency')!r}")
        if k == "aid" and f.get("donor") not in cs:
            problems.append(f"{w}: fact aid: donor {f.get('donor')!r} not among the countries")
        if k == "trade_rank" and (f.get("subject") not in cs or not isinstance(f.get("rank"), int)
                                  or f["rank"] < 1):
            problems.append(f"{w}: fact trade_rank: subject {f.get('subject')!r} / rank {f.get('rank')!r}")
    if g["events"] == [] and g["facts"] == []:
        stats["empty"] += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=str(pathlib.Path(__file__).resolve().parent))
    a = ap.parse_args()
    d = pathlib.Path(a.dir)
    problems = []
    inputs = load(d / "input.jsonl", INPUT_FIELDS, problems)
    golds = load(d / "gold.jsonl", GOLD_FIELDS, problems)
    by_src = {}
    for r in inputs:
        if r["source"] in by_src:
            problems.append(f"input.jsonl: second record for {r['source']}")
        by_src[r["source"]] = r
    by_doc = {}
    for g in golds:
        if g["doc"] in by_doc:
            problems.append(f"gold.jsonl: second record for {g['doc']}")
        by_doc[g["doc"]] = g
    for s in sorted(set(by_src) - set(by_doc)):
        problems.append(f"{s}: input without a gold record")
    for s in sorted(set(by_doc) - set(by_src)):
        problems.append(f"{s}: gold record without an input")
    stats = {"persons": 0, "events": Counter(), "facts": Counter(), "words": [], "empty": 0}
    for doc in sorted(set(by_doc) & set(by_src)):
        check_doc(by_doc[doc], by_src[doc], problems, stats)
    ev, fk = stats["events"], stats["facts"]
    print(f"articles: {len(by_src)} input, {len(by_doc)} gold; without publication date: "
          f"{sum(1 for r in inputs if r['published'] is None)}; with teaser blocks (absent strings): "
          f"{sum(1 for g in golds if g['absent'])}")
    if stats["words"]:
        print(f"words per article: min {min(stats['words'])}, max {max(stats['words'])}, "
              f"mean {sum(stats['words']) / len(stats['words']):.0f}")
    print(f"persons: {stats['persons']}  events: {sum(ev.values())}  facts: {sum(fk.values())}  "
          f"articles with no event and no fact: {stats['empty']}")
    print("events per type: " + ", ".join(f"{t} {ev[t]}" for t in EVENT_TYPES))
    print("facts per kind: " + ", ".join(f"{k} {fk[k]}" for k in FACT_KINDS))
    for t in EVENT_TYPES:
        if ev[t] < 4:
            problems.append(f"coverage: only {ev[t]} {t} events (at least 4 wanted)")
    for k in FACT_KINDS:
        if fk[k] < 4:
            problems.append(f"coverage: only {fk[k]} {k} facts (at least 4 wanted)")
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  - " + p)
        sys.exit(1)
    print("ok: input and gold agree")


if __name__ == "__main__":
    main()
