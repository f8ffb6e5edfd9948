#!/usr/bin/env python3
"""Checks corpus/sample/gold.jsonl against the raw articles in corpus/sample/articles/.

    python3 corpus/sample/check_gold.py [--dir corpus/sample] [--score-gold OUT.jsonl]

For every article (each *.txt file, and each record of articles/feed.jsonl) the raw bytes are
decoded (BOM, UTF-16, UTF-8, Windows-1258, repair of UTF-8 once read as Windows-1252) and
normalized the way biennien canonicalizes text (line endings, invisible characters, spaces, NFC,
old-style tone placement, straight quotes, collapsed white space). Then:

- every article has exactly one gold record and every gold record names an article;
- every gold line is valid JSON with the expected fields and types;
- the gold body is already canonical, and each of its paragraphs occurs in the normalized
  article text, in order;
- every `absent` string occurs in the normalized article text and not in the gold body
  (case-insensitive, as the scorer checks leaks);
- title, author and outlet occur in the article text or its feed metadata;
- persons, events and facts are well formed (event types and fact kinds of GUIDELINES.md,
  participants that are annotated persons or `country:XX`, ISO dates).

`--score-gold OUT` also writes the gold in the shape `shared/eval/score.py` reads (`doc` key,
body as a list of paragraphs), so the sample corpus can be scored with the evaluation's scorer;
add `--only-annotated` to keep only the records whose persons/events/facts were annotated
(`entities_annotated: true`), since the others carry empty lists that mean "not annotated".
Standard library only. Exit status 0 when everything agrees, 1 otherwise.
"""
import argparse
import json
import pathlib
import re
import sys
import unicodedata

# ---------------------------------------------------------------------------------------------
# Decoding

CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def cp1252_char(b):
    """The character a Windows-1252 reader shows for byte b (undefined bytes as Latin-1)."""
    if b in CP1252_UNDEFINED:
        return chr(b)
    return bytes([b]).decode("cp1252")


CP1252_REVERSE = {cp1252_char(b): b for b in range(256)}
MOJIBAKE_HINT = re.compile("[ÃÄÆá][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                           "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
                           "\u203a\u20ac\u2122]")


def repair_mojibake(text):
    """Undoes UTF-8 bytes once decoded as Windows-1252, when the whole text allows it."""
    if len(MOJIBAKE_HINT.findall(text)) < 3:
        return text, False
    try:
        raw = bytes(CP1252_REVERSE[c] if c in CP1252_REVERSE else ord("?") for c in text)
        if any(c not in CP1252_REVERSE for c in text):
            return text, False
        return raw.decode("utf-8"), True
    except UnicodeDecodeError:
        return text, False


def decode(data):
    """Returns (text, encoding name) for the raw bytes of an article."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = data[3:].decode("utf-8"), "utf-8-bom"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16"), "utf-16"
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = data.decode("cp1258"), "windows-1258"
    text, repaired = repair_mojibake(text)
    if repaired:
        enc += "+mojibake-repaired"
    return text, enc


# ---------------------------------------------------------------------------------------------
# Normalization (mirrors crates/text: the canonical form of gold bodies)

LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\f\v\u0085]")
INVISIBLE = re.compile("[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060-\u2064\ufeff"
                       "\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
                        "‘": "'", "’": "'", "‚": "'", "‛": "'"})
TONES = {  # toned a/e/y: (plain letter, tone index); tone order acute grave hook tilde dot
    c: (base, i)
    for base, forms in {"a": "áàảãạ", "e": "éèẻẽẹ", "y": "ýỳỷỹỵ",
                        "A": "ÁÀẢÃẠ", "E": "ÉÈẺẼẸ", "Y": "ÝỲỶỸỴ"}.items()
    for i, c in enumerate(forms)
}
TONED_OU = {"o": "óòỏõọ", "u": "úùủũụ", "O": "ÓÒỎÕỌ", "U": "ÚÙỦŨỤ"}
INITIALS = {"", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
            "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x"}
WORD = re.compile(r"[^\W\d_]+")


def retone(word):
    """Old-style tone placement for open oa/oe/uy syllables: hoà -> hòa, thuỷ -> thủy, Uỷ -> Ủy."""
    if len(word) < 2 or word[-1] not in TONES:
        return word
    second, tone = TONES[word[-1]]
    first = word[-2]
    if not ((first in "oO" and second in "aeAE") or (first in "uU" and second in "yY")):
        return word
    if word[:-2].lower() not in INITIALS:
        return word
    return word[:-2] + TONED_OU[first][tone] + second


def normalize(text):
    text = LINE_BREAKS.sub("\n", text)
    text = INVISIBLE.sub("", text)
    text = SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = WORD.sub(lambda m: retone(m.group(0)), text)
    text = text.translate(QUOTES)
    lines = [re.sub(" {2,}", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n")


# ---------------------------------------------------------------------------------------------
# Gold checks

EVENT_TYPES = {"TALKS", "MEET", "RECEIVE", "CALL", "VISIT", "CONSULT", "SIGN", "AWARD", "INVITE"}
FACT_KINDS = {"relations_established", "partnership", "trade_volume", "trade_rank", "aid"}
LEVELS = {"comprehensive_strategic_partnership", "strategic_partnership",
          "comprehensive_partnership"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
FIELDS = {"source": str, "title": (str, type(None)), "published": (str, type(None)),
          "outlet": (str, type(None)), "author": (str, type(None)), "body": str, "absent": list,
          "persons": list, "events": list, "facts": list, "entities_annotated": bool}


def base_name(s):
    return re.split(r"[/\\]", s)[-1]


def load_articles(articles_dir):
    """Maps base name -> dict(text=normalized text, meta=feed metadata or {}, encoding=...)."""
    out = {}
    for path in sorted(articles_dir.iterdir()):
        if path.name == "feed.jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                name = base_name(rec.get("source") or rec["url"])
                out[name] = {"text": normalize(rec["text"]), "meta": rec,
                             "encoding": f"feed.jsonl:{n}"}
        elif path.suffix == ".txt":
            text, enc = decode(path.read_bytes())
            out[path.name] = {"text": normalize(text), "meta": {}, "encoding": enc}
        else:
            out[path.name] = None  # not an article: reported below
    return out


def check_entities(g, problems, where):
    names = set()
    for p in g["persons"]:
        if not isinstance(p, dict) or not p.get("name"):
            problems.append(f"{where}: person without a name: {p!r}")
            continue
        names.add(p["name"])
        for a in p.get("aliases", []):
            names.add(a)
        c = p.get("country")
        if c is not None and not COUNTRY.match(c):
            problems.append(f"{where}: person {p['name']}: country {c!r} is not ISO alpha-2")
        if not isinstance(p.get("roles", []), list):
            problems.append(f"{where}: person {p['name']}: roles is not a list")
    for e in g["events"]:
        if e.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: event type {e.get('type')!r} unknown")
        if e.get("date") is not None and not DATE.match(e["date"]):
            problems.append(f"{where}: event date {e.get('date')!r} is not ISO")
        lc = e.get("location_country")
        if lc is not None and not COUNTRY.match(lc):
            problems.append(f"{where}: event location_country {lc!r} is not ISO alpha-2")
        parts = e.get("participants") or []
        if not parts:
            problems.append(f"{where}: event {e.get('type')} without participants")
        for part in parts:
            if part.startswith("country:"):
                if not COUNTRY.match(part[8:]):
                    problems.append(f"{where}: participant {part!r} is not country:XX")
            elif part not in names:
                problems.append(f"{where}: participant {part!r} is not an annotated person")
        if not any(not p.startswith("country:") for p in parts):
            problems.append(f"{where}: event {e.get('type')} has no named participant")
    for f in g["facts"]:
        k = f.get("kind")
        cs = f.get("countries") or []
        if k not in FACT_KINDS:
            problems.append(f"{where}: fact kind {k!r} unknown")
            continue
        if len(cs) != 2 or not all(COUNTRY.match(c) for c in cs) or cs != sorted(cs):
            problems.append(f"{where}: fact {k}: countries {cs!r} are not two sorted codes")
        if k == "relations_established" and not (f.get("date") is None or DATE.match(f["date"])):
            problems.append(f"{where}: fact {k}: date {f.get('date')!r}")
        if k == "partnership" and f.get("level") not in LEVELS:
            problems.append(f"{where}: fact {k}: level {f.get('level')!r}")
        if k in ("trade_volume", "aid") and not (isinstance(f.get("amount"), (int, float))
                                                  and f.get("currency")):
            problems.append(f"{where}: fact {k}: amount and currency required")
        if k == "aid" and f.get("donor") not in cs:
            problems.append(f"{where}: fact aid: donor {f.get('donor')!r} not among countries")
        if k == "trade_rank" and (f.get("subject") not in cs or not isinstance(f.get("rank"), int)):
            problems.append(f"{where}: fact trade_rank: subject/rank")


def check(corpus):
    problems, stats = [], {"paragraphs": 0, "absent": 0, "annotated": 0, "encodings": {}}
    articles = load_articles(corpus / "articles")
    for name, a in articles.items():
        if a is None:
            problems.append(f"articles/{name}: not an article file (only *.txt and feed.jsonl)")
    articles = {k: v for k, v in articles.items() if v is not None}
    gold = {}
    for n, line in enumerate((corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"gold.jsonl:{n}: not JSON: {e}")
            continue
        bad = [k for k, t in FIELDS.items() if not isinstance(g.get(k, KeyError), t)]
        if bad:
            problems.append(f"gold.jsonl:{n}: missing or mistyped field(s) {bad}")
            continue
        key = base_name(g["source"])
        if key in gold:
            problems.append(f"gold.jsonl:{n}: second record for {key}")
        gold[key] = g
    for name in sorted(set(articles) - set(gold)):
        problems.append(f"{name}: article without a gold record")
    for name in sorted(set(gold) - set(articles)):
        problems.append(f"{name}: gold record without an article")

    for name in sorted(set(gold) & set(articles)):
        g, a = gold[name], articles[name]
        text, meta, where = a["text"], a["meta"], name
        stats["encodings"][a["encoding"]] = stats["encodings"].get(a["encoding"], 0) + 1
        body = g["body"]
        if normalize(body) != body:
            problems.append(f"{where}: gold body is not in canonical form")
        paras = body.split("\n\n")
        pos = 0
        for i, p in enumerate(paras, 1):
            stats["paragraphs"] += 1
            if not p or "\n" in p or p != p.strip():
                problems.append(f"{where}: body paragraph {i} is empty or not one line")
                continue
            at = text.find(p, pos)
            if at < 0:
                hint = "out of order" if p in text else "not in the article"
                problems.append(f"{where}: body paragraph {i} {hint}: {p[:70]!r}")
            else:
                pos = at + len(p)
        if not 3 <= len(g["absent"]) <= 8:
            problems.append(f"{where}: {len(g['absent'])} absent strings (3 to 8 expected)")
        low_body = body.lower()
        for s in g["absent"]:
            stats["absent"] += 1
            if s not in text:
                problems.append(f"{where}: absent string not in the article: {s!r}")
            if s.lower() in low_body:
                problems.append(f"{where}: absent string is in the gold body: {s!r}")
        for field in ("title", "author", "outlet"):
            v = g[field]
            if v is None:
                continue
            if str(meta.get(field) or "").lower() == v.lower():
                continue
            if normalize(v).lower() not in text.lower():
                problems.append(f"{where}: {field} {v!r} not found in the article")
        if meta.get("published") and g["published"] != meta["published"][:len(g["published"] or "")]:
            problems.append(f"{where}: published {g['published']!r} disagrees with the feed")
        if g["published"] is not None and not DATE.match(g["published"]):
            problems.append(f"{where}: published {g['published']!r} is not YYYY[-MM[-DD]]")
        words = len(body.split())
        if not 150 <= words <= 450:
            problems.append(f"{where}: body has {words} words (150 to 450 expected)")
        if g["entities_annotated"]:
            stats["annotated"] += 1
            if not g["persons"]:
                problems.append(f"{where}: annotated for entities but without persons")
        elif g["persons"] or g["events"] or g["facts"]:
            problems.append(f"{where}: persons/events/facts given but entities_annotated is false")
        check_entities(g, problems, where)
    stats["articles"], stats["gold"] = len(articles), len(gold)
    return problems, stats, gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=str(pathlib.Path(__file__).resolve().parent))
    ap.add_argument("--score-gold", metavar="OUT", help="also write score.py-shaped gold here")
    ap.add_argument("--only-annotated", action="store_true",
                    help="with --score-gold: only the records annotated for persons/events/facts")
    a = ap.parse_args()
    corpus = pathlib.Path(a.dir)
    problems, stats, gold = check(corpus)
    print(f"articles: {stats['articles']}  gold records: {stats['gold']}  "
          f"with persons/events/facts: {stats['annotated']}")
    print(f"body paragraphs checked: {stats['paragraphs']}  absent strings checked: {stats['absent']}")
    print("encodings: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["encodings"].items())))
    if a.score_gold:
        with open(a.score_gold, "w", encoding="utf-8") as out:
            for name, g in sorted(gold.items()):
                if a.only_annotated and not g.get("entities_annotated"):
                    continue
                rec = {k: v for k, v in g.items() if k not in ("source", "body")}
                rec = {"doc": name, **rec, "body": g["body"].split("\n\n")}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"score.py gold written to {a.score_gold}")
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  - " + p)
        sys.exit(1)
    print("ok: gold agrees with the articles")


if __name__ == "__main__":
    main()
