"""Helpers for the article definitions (data*.py); build.py turns them into input/gold JSONL."""

CSP = "comprehensive_strategic_partnership"
SP = "strategic_partnership"
CP = "comprehensive_partnership"


def P(name, country, *aliases):
    d = {"name": name, "country": country}
    if aliases:
        d["aliases"] = list(aliases)
    return d


def E(type_, date, loc, *participants):
    return {"type": type_, "date": date, "location_country": loc, "participants": list(participants)}


def _cc(a, b):
    return sorted([a, b])


def rel(a, b, date):
    return {"kind": "relations_established", "countries": _cc(a, b), "date": date}


def part(a, b, level):
    return {"kind": "partnership", "countries": _cc(a, b), "level": level}


def tv(a, b, amount, currency="USD"):
    return {"kind": "trade_volume", "countries": _cc(a, b), "amount": amount, "currency": currency}


def rank(a, b, subject, n):
    return {"kind": "trade_rank", "countries": _cc(a, b), "subject": subject, "rank": n}


def aid(donor, recipient, amount, currency):
    return {"kind": "aid", "countries": _cc(donor, recipient), "donor": donor, "amount": amount,
            "currency": currency}
