#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into seeds/<target>/.

The texts are short snippets written for this purpose. Run from anywhere:
    python3 fuzz/seeds/make_seeds.py
"""

import gzip
import os
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLE = (
    "Việt Nam và Nhật Bản nâng cấp quan hệ lên Đối tác chiến lược toàn diện\n"
    "Thứ Hai, 27/11/2023 - 14:30\n"
    "\n"
    "(Báo Mới) - Chiều 27/11, tại Tokyo, Chủ tịch nước Võ Văn Thưởng hội đàm với "
    "Thủ tướng Nhật Bản Kishida Fumio. Hai bên ra Tuyên bố chung về việc nâng cấp quan hệ.\n"
    "\n"
    "Ảnh: TTXVN\n"
    "\n"
    "Kim ngạch thương mại song phương năm 2022 đạt gần 50 tỷ USD.\n"
    "\n"
    "Tin liên quan:\n"
    "- Thủ tướng tiếp Đại sứ Nhật Bản\n"
    "\n"
    "Nguyễn Hoà - Thuỷ Tiên\n"
)

SHORT = "Thời sự: Hà Nội mưa lớn, người dân đón “Tết” sớm — 25.000₫"

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text):
    """Text in windows-1258: base letters followed by combining tone marks."""
    out = []
    for c in text:
        parts = unicodedata.normalize("NFD", c)
        marks = "".join(p for p in parts if p not in TONES)
        tones = "".join(p for p in parts if p in TONES)
        out.append(unicodedata.normalize("NFC", marks) + tones)
    return "".join(out).encode("cp1258")


def mojibake(text):
    """UTF-8 bytes read as windows-1252 (unassigned bytes as C1 controls), as UTF-8."""
    chars = []
    for b in text.encode("utf-8"):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars).encode("utf-8")


def warc_record(kind, block, headers=(), eol="\r\n", length=None):
    """One WARC/1.1 record: version line, headers, Content-Length, blank line, block, two
    line endings."""
    lines = ["WARC/1.1", "WARC-Type: " + kind, "WARC-Date: 2024-03-05T08:15:00Z"]
    lines += ["%s: %s" % h for h in headers]
    lines.append("Content-Length: %s" % (len(block) if length is None else length))
    head = eol.join(lines) + eol + eol
    return head.encode("utf-8") + block + (eol + eol).encode("ascii")


def http_response(headers, body, eol="\r\n"):
    lines = ["HTTP/1.1 200 OK"] + ["%s: %s" % h for h in headers]
    return (eol.join(lines) + eol + eol).encode("ascii") + body


def chunked(data, size):
    out = b""
    for i in range(0, len(data), size):
        chunk = data[i:i + size]
        out += b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    return out + b"0\r\n\r\n"


def gz(data):
    return gzip.compress(data, mtime=0)


def warc_seeds():
    """A small crawl (every kind of record), the same as per-record gzip members, and archives
    broken the ways real ones are."""
    page = ARTICLE.encode("utf-8")[:300]
    html = b"<!DOCTYPE html><html><body><p>" + page + b"</p></body></html>"
    response = ("Content-Type", "application/http; msgtype=response")
    uri = ("WARC-Target-URI", "https://baoquocte.vn/tin-tuc/1")
    crawl = [
        warc_record("warcinfo", b"software: seeds\r\n", [("Content-Type", "application/warc-fields")]),
        warc_record("request", b"GET /tin-tuc/1 HTTP/1.1\r\nHost: baoquocte.vn\r\n\r\n",
                    [uri, ("Content-Type", "application/http; msgtype=request")]),
        warc_record("response", http_response([("Content-Type", "text/html; charset=utf-8")], html),
                    [uri, response]),
        warc_record("response", http_response([("Content-Type", 'text/html; charset="windows-1258"'),
                                               ("Transfer-Encoding", "chunked"),
                                               ("Content-Encoding", "gzip")],
                                              chunked(gz(windows_1258(ARTICLE[:200])), 64)),
                    [uri, response]),
        warc_record("resource", b"  <html>" + page[:80] + b"</html>", [("Content-Type", "text/html")]),
        warc_record("response", http_response([("Content-Type", "image/jpeg")],
                                              b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"), [response]),
        warc_record("metadata", b"via: https://baoquocte.vn/\r\n", [("Content-Type", "application/warc-fields")]),
    ]
    write("warc", "crawl.warc", b"".join(crawl))
    write("warc", "crawl.warc.gz", b"".join(gz(r) for r in crawl))
    lf = [
        warc_record("resource", b"<html>lf</html>", [("Content-Type", "text/html")], eol="\n"),
        warc_record("response", http_response([("Content-Encoding", "deflate")],
                                              zlib.compress(html), eol="\n"), eol="\n"),
    ]
    broken = (crawl[0] + b"garbage between records\r\n\x00\xff\r\n" + lf[0]
              + warc_record("resource", b"hello", length="12x") + lf[1]
              + warc_record("resource", b"big", length="99999999999")
              + crawl[2][:len(crawl[2]) // 2])
    write("warc", "broken.warc", broken)
    write("warc", "truncated.warc.gz", b"".join(gz(r) for r in crawl[:3])[:-40])


def write(target, name, data):
    folder = os.path.join(HERE, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def main():
    utf8 = ARTICLE.encode("utf-8")
    decode_seeds = {
        "utf8.txt": utf8,
        "utf8_bom.txt": b"\xef\xbb\xbf" + SHORT.encode("utf-8"),
        "utf8_nfd.txt": unicodedata.normalize("NFD", SHORT).encode("utf-8"),
        "utf8_truncated.txt": SHORT.encode("utf-8")[:-2],
        "utf16le_bom.txt": b"\xff\xfe" + SHORT.encode("utf-16-le"),
        "utf16be_bom.txt": b"\xfe\xff" + SHORT.encode("utf-16-be"),
        "utf16le.txt": SHORT.encode("utf-16-le"),
        "windows1258.txt": windows_1258(ARTICLE),
        "mojibake.txt": mojibake(SHORT),
        "mojibake_mixed.txt": mojibake("Hà Nội: giá xăng giảm") + b"\n" + SHORT.encode("utf-8"),
        "chau_au.txt": "HỘI NGHỊ CHÂU ÂU — “NGÃ” BA".encode("utf-8"),
        "shift_jis.txt": "東京で日越首脳会談".encode("shift_jis"),
        "binary.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    }
    for name, data in decode_seeds.items():
        write("decode", name, data)

    # extract: the first byte chooses bytes (even) or text (odd), and metadata hints.
    write("extract", "article_bytes.txt", b"\x00" + utf8)
    write("extract", "article_text_hints.txt", b"\x0f" + utf8)
    write("extract", "article_windows1258.txt", b"\x00" + windows_1258(ARTICLE))
    write("extract", "article_crlf_mojibake.txt", b"\x02" + mojibake(ARTICLE.replace("\n", "\r\n")))
    write("extract", "short.txt", b"\x01" + SHORT.encode("utf-8"))

    write("normalize", "article.txt", utf8)
    write("normalize", "crlf_nbsp.txt", "Hà\u00a0Nội\r\n\r\n\r\n  Đà  Nẵng\t\r\n".encode("utf-8"))
    write("normalize", "nfd_tones.txt", unicodedata.normalize("NFD", "hoà thuỷ Uỷ ban quý khoẻ").encode("utf-8"))
    write("normalize", "invisible.txt", "Việt\u200bNam\u00ad \ufeff«Tết» ‘x’ …\u2028—".encode("utf-8"))
    write("normalize", "empty_lines.txt", b"\n\n \n\x0c\x0b\xc2\x85x")

    warc_seeds()


if __name__ == "__main__":
    main()
