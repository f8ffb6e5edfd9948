#!/usr/bin/env python3
"""Builds input.jsonl, gold.jsonl and the coverage table of README.md from data1..data4.py.

    python3 build.py        (run from any directory; writes next to this file)

The article definitions (data*.py) are the single source: the input text is the title line, a blank
line and the paragraphs (body, then any trailing related-news block) separated by blank lines; the
gold body is the list of body paragraphs. Standard library only.
"""
import json
import pathlib
import sys
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data1, data2, data3, data4  # noqa: E402

ARTICLES = data1.ARTICLES + data2.ARTICLES + data3.ARTICLES + data4.ARTICLES


def input_record(a):
    paras = a["body"] + a.get("noise", [])
    text = a["title"] + "\n\n" + "\n\n".join(paras)
    return {"source": a["id"] + ".txt", "published": a["published"], "outlet": a["outlet"], "text": text}


def gold_record(a):
    pub = a["published"][:10] if a["published"] else None
    return {
        "doc": a["id"] + ".txt",
        "title": a["title"],
        "published": pub,
        "outlet": a["outlet"],
        "author": None,
        "absent": a.get("absent", []),
        "persons": a["persons"],
        "events": a["events"],
        "facts": a["facts"],
        "body": a["body"],
    }


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def readme(articles):
    ev = Counter(e["type"] for a in articles for e in a["events"])
    fk = Counter(f["kind"] for a in articles for f in a["facts"])
    persons = sum(len(a["persons"]) for a in articles)
    lines = [
        "# corpus/events: diplomatic events, persons and bilateral facts",
        "",
        "Clean Vietnamese news-style articles (no boilerplate except two trailing \"Tin liên quan\"",
        "blocks) annotated by `/work/shared/eval/GUIDELINES.md`, in the gold shape of",
        "`/work/shared/eval/gold/seeds.jsonl`. The texts are written for this corpus: real public events",
        "retold in new words, some details (figures, dates, minor events) invented but plausible. Gold",
        "follows what the text says, not world knowledge.",
        "",
        "Files:",
        "",
        "- `input.jsonl`: one article per line, `{source, published, outlet, text}`; `text` is the title",
        "  line, a blank line, then paragraphs separated by blank lines.",
        "- `gold.jsonl`: one record per article (`doc`, `title`, `published` at day precision or null,",
        "  `outlet`, `author` (null), `absent`, `persons`, `events`, `facts`, `body` = paragraphs without the title).",
        "- `data1.py` .. `data4.py`: the article definitions (text + annotation + what each tests);",
        "  `common.py` helpers; `build.py` regenerates `input.jsonl`, `gold.jsonl` and this README.",
        "- `check.py`: consistency checks of input and gold (run `python3 check.py`).",
        "",
        "Score a system: `python3 /work/shared/eval/score.py --gold gold.jsonl --system out.jsonl`.",
        "",
        f"Totals: {len(articles)} articles, {sum(1 for a in articles if a['published'] is None)} without"
        f" publication date, {persons} person annotations, {sum(ev.values())} events, {sum(fk.values())} facts.",
        "",
        "Events per type: " + ", ".join(f"{t} {ev[t]}" for t in
                                         ["TALKS", "MEET", "RECEIVE", "CALL", "VISIT", "CONSULT", "SIGN", "AWARD", "INVITE"]) + ".",
        "",
        "Facts per kind: " + ", ".join(f"{k} {fk[k]}" for k in
                                        ["relations_established", "partnership", "trade_volume", "trade_rank", "aid"]) + ".",
        "",
        "Conventions used where the guidelines leave a choice (taken from the dev gold): CALL, an",
        "invitation made during a call and online talks without a stated place have `location_country`",
        "null; a past event dated only by \"vừa qua\" gets the publication year; \"tuần trước\" gets the",
        "month when the whole previous week lies in it; \"một năm trước\" gets the year; a visit whose",
        "first day is not stated gets the month of its earliest reported activity; without publication",
        "date and without a year in the text, dates are null.",
        "",
        "| file | pub. date | events | facts | what it tests |",
        "|---|---|---|---|---|",
    ]
    for a in articles:
        evs = ", ".join(f"{t}×{n}" if n > 1 else t for t, n in Counter(e["type"] for e in a["events"]).items()) or "—"
        fks = ", ".join(f"{k}×{n}" if n > 1 else k for k, n in Counter(f["kind"] for f in a["facts"]).items()) or "—"
        lines.append(f"| {a['id']}.txt | {a['published'] or 'null'} | {evs} | {fks} | {a['tests'].replace('|', '/')} |")
    lines.append("")
    return "\n".join(lines)


def main():
    ids = [a["id"] for a in ARTICLES]
    if len(ids) != len(set(ids)):
        sys.exit("duplicate article ids")
    write_jsonl(HERE / "input.jsonl", [input_record(a) for a in ARTICLES])
    write_jsonl(HERE / "gold.jsonl", [gold_record(a) for a in ARTICLES])
    (HERE / "README.md").write_text(readme(ARTICLES), encoding="utf-8")
    print(f"wrote {len(ARTICLES)} articles to input.jsonl, gold.jsonl and README.md")


if __name__ == "__main__":
    main()
