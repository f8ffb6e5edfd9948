#!/usr/bin/env python3
"""Checks the expected records of the HTML test pages against the pages themselves.

Standard library only. Run from anywhere: python3 check_pages.py
Exits non-zero and lists every problem when something is off.
"""
import gzip
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_encoded  # noqa: E402

INLINE = {"a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small",
          "span", "strong", "sub", "sup", "time", "u"}
FIELDS = ["title", "published", "author", "outlet", "language", "canonical", "encoding", "body", "absent"]
ENCODINGS = {"UTF-8": "utf-8", "windows-1258": "cp1258"}

problems = []


def problem(name, msg):
    problems.append(f"{name}: {msg}")


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def strip_tags(doc):
    """Naive rendering: block tags become a space, inline tags vanish, entities are decoded."""
    def tag(m):
        return "" if m.group(1).lower() in INLINE else " "
    return collapse(html.unescape(re.sub(r"</?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", tag, doc)))


def visible(doc):
    doc = re.sub(r"<!--.*?-->", " ", doc, flags=re.S)
    doc = re.sub(r"<(script|style|template)\b[^>]*>.*?</\1\s*>", " ", doc, flags=re.S | re.I)
    return strip_tags(doc)


def fold(s):
    return unicodedata.normalize("NFC", s).casefold()


def machine_date(doc):
    """The first machine-readable publication date and where it came from, or (None, None)."""
    pats = [
        ("JSON-LD", r'"datePublished"\s*:\s*"([^"]+)"'),
        ("article:published_time", r'<meta[^>]+property="article:published_time"[^>]+content="([^"]+)"'),
        ("meta pubdate", r'<meta[^>]+name="pubdate"[^>]+content="([^"]+)"'),
        ("time datetime", r'<time[^>]+datetime="([^"]+)"'),
    ]
    for kind, pat in pats:
        m = re.search(pat, doc, re.I)
        if m:
            return kind, m.group(1)
    return None, None


def load_page(name):
    for suffix in (".html", ".html.gz"):
        path = os.path.join(HERE, name + suffix)
        if os.path.exists(path):
            with open(path, "rb") as f:
                raw = f.read()
            if suffix.endswith(".gz"):
                raw = gzip.decompress(raw)
            return name + suffix, raw
    return None, None


def check(name, rec):
    for k in FIELDS:
        if k not in rec:
            problem(name, f"missing field {k}")
    extra = set(rec) - set(FIELDS)
    if extra:
        problem(name, f"unknown fields {sorted(extra)}")

    def walk(x):
        if isinstance(x, str):
            if unicodedata.normalize("NFC", x) != x:
                problem(name, f"not NFC: {x[:60]!r}")
        elif isinstance(x, list):
            for i in x:
                walk(i)
    for k in FIELDS:
        walk(rec.get(k))

    fname, raw = load_page(name)
    if raw is None:
        problem(name, "no page file (.html or .html.gz)")
        return None
    enc = rec["encoding"]
    if enc not in ENCODINGS:
        problem(name, f"unknown encoding {enc}")
        return None
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    try:
        doc = raw.decode(ENCODINGS[enc])
    except UnicodeDecodeError as e:
        problem(name, f"does not decode as {enc}: {e}")
        return None
    if enc != "UTF-8":
        try:
            raw.decode("utf-8")
            problem(name, f"declared {enc} but the bytes are valid UTF-8")
        except UnicodeDecodeError:
            pass
    if enc != "UTF-8" and not re.search(r"charset=[\"']?" + re.escape(enc), doc, re.I):
        problem(name, f"page does not declare {enc}")
    doc = unicodedata.normalize("NFC", doc)
    text = visible(doc)
    full = collapse(html.unescape(doc)) + " " + strip_tags(doc)

    # body: every block in the visible text, in reading order
    body = rec["body"]
    if not (4 <= len(body) <= 45):
        problem(name, f"body has {len(body)} blocks")
    pos = 0
    for b in body:
        if b != collapse(b) or not b:
            problem(name, f"body block not trimmed/collapsed: {b[:60]!r}")
        i = text.find(b, pos)
        if i < 0:
            where = "elsewhere" if b in text else "nowhere"
            problem(name, f"body block not found in order ({where}): {b[:70]!r}")
        else:
            pos = i + len(b)
    if len(set(body)) != len(body):
        problem(name, "a body block is repeated")

    # absent: present in the page, never inside the body
    absent = rec["absent"]
    if not (6 <= len(absent) <= 15):
        problem(name, f"absent has {len(absent)} strings")
    for a in absent:
        if a not in full:
            problem(name, f"absent string not in page: {a!r}")
        for b in body:
            if a in b:
                problem(name, f"absent string inside body: {a!r}")

    # captions belong to neither list
    for cap in re.findall(r"<figcaption\b[^>]*>(.*?)</figcaption>", doc, re.S | re.I):
        c = strip_tags(cap)
        for b in body:
            if c and c in b:
                problem(name, f"caption in body: {c[:60]!r}")

    # metadata
    title = rec["title"]
    if not title or title not in text:
        problem(name, "title not in visible text")
    if title in body:
        problem(name, "title repeated as a body block")
    if rec["canonical"] is not None:
        if not re.search(r'<link[^>]+rel="canonical"[^>]+href="' + re.escape(rec["canonical"]) + '"', doc):
            problem(name, "canonical link not found")
    elif re.search(r'rel="canonical"', doc):
        problem(name, "page has a canonical link but canonical is null")
    if rec["outlet"] is not None and rec["outlet"] not in full:
        problem(name, "outlet name not in page")
    if rec["author"] is not None:
        for part in rec["author"].split(", "):
            if fold(part) not in fold(full):
                problem(name, f"author {part!r} not in page")
    lang_attr = re.search(r"<html\b[^>]*\blang=\"([^\"]+)\"", doc, re.I)
    lang_meta = re.search(r'http-equiv="content-language"[^>]+content="([^"]+)"', doc, re.I)
    declared = lang_attr.group(1) if lang_attr else (lang_meta.group(1) if lang_meta else None)
    if declared != rec["language"]:
        problem(name, f"language {rec['language']!r} but page declares {declared!r}")

    pub = rec["published"]
    kind, value = machine_date(doc)
    if pub is None:
        if kind:
            problem(name, f"published is null but the page has {kind} {value}")
    else:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d)?", pub):
            problem(name, f"published malformed: {pub}")
        if kind:
            if value.replace(" ", "T")[: len(pub)] != pub:
                problem(name, f"published {pub} but {kind} says {value}")
        else:
            y, m, d = pub[:10].split("-")
            if not re.search(rf"\b0?{int(d)}[/.-]0?{int(m)}[/.-]{y}\b", text):
                problem(name, f"visible date {d}/{m}/{y} not found")
            if len(pub) > 10:
                hh, mm = pub[11:].split(":")
                if not re.search(rf"\b{hh}[:h]{mm}\b", text):
                    problem(name, f"visible time {hh}:{mm} not found")
    return fname, kind


def main():
    names = sorted(f[: -len(".expected.json")] for f in os.listdir(HERE) if f.endswith(".expected.json"))
    pages = sorted(f for f in os.listdir(HERE)
                   if (f.endswith(".html") or f.endswith(".html.gz")) and not f.endswith(".src.html"))
    for p in pages:
        base = re.sub(r"\.html(\.gz)?$", "", p)
        if base not in names:
            problems.append(f"{p}: no expected record")
    rows = []
    for name in names:
        with open(os.path.join(HERE, name + ".expected.json"), encoding="utf-8") as f:
            try:
                rec = json.load(f)
            except json.JSONDecodeError as e:
                problem(name, f"expected JSON does not parse: {e}")
                continue
        r = check(name, rec)
        if r:
            rows.append((r[0], rec["encoding"], (r[1] or "visible date only") if rec["published"] else "no date",
                         len(rec["body"]), len(rec["absent"])))
    # encoded pages are exactly their sources
    for src, (target, how) in make_encoded.TARGETS.items():
        sp, tp = os.path.join(HERE, src), os.path.join(HERE, target)
        if not (os.path.exists(sp) and os.path.exists(tp)):
            problems.append(f"{src} -> {target}: file missing")
            continue
        with open(sp, encoding="utf-8") as f:
            want = unicodedata.normalize("NFC", f.read())
        with open(tp, "rb") as f:
            if make_encoded.encode(want, how) != f.read():
                problems.append(f"{target}: differs from what make_encoded.py writes from {src}")
    for fname, enc, kind, nb, na in rows:
        print(f"{fname:48} {enc:13} {kind:24} body={nb:2} absent={na:2}")
    print(f"{len(rows)} pages checked")
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("no problems")


if __name__ == "__main__":
    main()
