#!/usr/bin/env python3
"""Writes the test pages that are not plain UTF-8 files from their UTF-8 sources.

Each `NN-….src.html` named in TARGETS is read as UTF-8 (NFC) and written as the page the test
reads: in Windows-1258, as UTF-8 with a byte-order mark, or gzipped. Standard library only.
Run from anywhere after editing a source: python3 make_encoded.py
"""
import gzip
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# source file -> (page file, how it is written)
TARGETS = {
    "17-hanoimoi-viet-lao-50-nam.src.html": ("17-hanoimoi-viet-lao-50-nam.html", "windows-1258"),
    "19-vnexpress-2007-hoi-dong-bao-an.src.html": ("19-vnexpress-2007-hoi-dong-bao-an.html", "windows-1258"),
    "21-thanhnien-huan-chuong-huu-nghi.src.html": ("21-thanhnien-huan-chuong-huu-nghi.html", "utf-8-bom"),
    "22-baotintuc-viet-phap-50-nam.src.html": ("22-baotintuc-viet-phap-50-nam.html.gz", "gzip"),
}


def cp1258_char(c):
    """One character in Windows-1258 bytes.

    Windows-1258 has single bytes for the base letters of Vietnamese (â ê ô ơ ư ă đ and the
    capitals) and for a few letters with a tone (à á …), plus five combining tone marks
    (grave, acute, tilde, hook above, dot below). A letter it has no byte for is written as the
    base letter it has (possibly itself precomposed, like ơ or â) followed by the tone mark,
    which is how Vietnamese text in this code page is written.
    """
    try:
        return c.encode("cp1258")
    except UnicodeEncodeError:
        pass
    d = unicodedata.normalize("NFD", c)
    base, marks = d[0], list(d[1:])
    for i, m in enumerate(marks):
        composed = unicodedata.normalize("NFC", base + m)
        if len(composed) == 1:
            try:
                head = composed.encode("cp1258")
            except UnicodeEncodeError:
                continue
            rest = marks[:i] + marks[i + 1:]
            return head + "".join(rest).encode("cp1258")
    return d.encode("cp1258")  # raises if the character cannot be written at all


def to_cp1258(text):
    return b"".join(cp1258_char(c) for c in unicodedata.normalize("NFC", text))


def encode(text, how):
    if how == "windows-1258":
        return to_cp1258(text)
    if how == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if how == "gzip":
        return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    raise ValueError(how)


def main():
    for src, (target, how) in TARGETS.items():
        with open(os.path.join(HERE, src), encoding="utf-8") as f:
            text = unicodedata.normalize("NFC", f.read())
        data = encode(text, how)
        if how == "windows-1258":
            back = unicodedata.normalize("NFC", data.decode("cp1258"))
            assert back == text, f"{src}: Windows-1258 round trip changed the text"
        with open(os.path.join(HERE, target), "wb") as f:
            f.write(data)
        print(f"{src} -> {target} ({how}, {len(data)} bytes)")


if __name__ == "__main__":
    main()
