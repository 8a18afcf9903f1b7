#!/usr/bin/env python3
"""Checks the expected hits in queries.json against the texts in documents.json.

Run from this directory:  python3 check_queries.py          (one line per query, exit 1 on any mismatch)
                          python3 check_queries.py -v       (also prints where each term was found)
                          python3 check_queries.py --try 'query' [--numeric] [--reading かな=漢字,漢字]
                                                             (prints the hits of an ad-hoc query)

The matching rules are the ones README.md describes; this script is their reference implementation:
  * text and query are normalised with NFKC (全角/半角 digits, Latin and カナ, U+3000 -> space) and lower-cased;
  * a term matches a document when it occurs as a contiguous character sequence in the title or in one page;
  * terms separated by spaces (half- or full-width) are ANDed; `A OR B` is one clause (OR binds tighter than
    the implicit AND); `-term` excludes; "double quoted" text is one term whose inner spaces may match
    any amount of white space (including none);
  * in a query marked "numeric", 漢数字 and 算用数字 are the same: numbers in text and query are rewritten to
    plain digits (五十万 -> 500000, 50万 -> 500000, 500,000 -> 500000, 二〇二六 -> 2026, 第三条 -> 第3条)
    and a number in the term only matches a whole number in the text (500000円 does not match 2,500,000円);
  * a hiragana term listed under "readings" also matches wherever one of the listed 漢字 spellings occurs
    (and, katakana folded to hiragana, wherever the kana itself occurs).
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10 ** 4, "億": 10 ** 8, "兆": 10 ** 12}
NUMBER_RUN = re.compile("[0-9〇零一二三四五六七八九十百千万億兆]+")


def normalise(text):
    """NFKC and lower case: the width and case folding every term and text gets."""
    return unicodedata.normalize("NFKC", text).lower()


def kana_fold(text):
    """Katakana to hiragana (for reading terms)."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def parse_number(run):
    """The value of a run of digits and 漢数字, e.g. 二百五十万 -> 2500000, 4万8000 -> 48000, 二〇二六 -> 2026."""
    total = 0
    section = 0
    current = None
    for ch in run:
        if ch.isdigit() and ch.isascii():
            current = (current or 0) * 10 + int(ch)
        elif ch in KANJI_DIGITS:
            current = (current or 0) * 10 + KANJI_DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (current if current is not None else 1) * SMALL_UNITS[ch]
            current = None
        else:
            section += current or 0
            total += (section or 1) * LARGE_UNITS[ch]
            section = 0
            current = None
    return total + section + (current or 0)


def numbers_to_digits(text):
    """Rewrites every number, in 漢数字 or 算用数字 with thousands separators, as plain digits."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return NUMBER_RUN.sub(lambda m: str(parse_number(m.group(0))), text)


class Term:
    def __init__(self, text, numeric, readings):
        self.raw = text
        norm = normalise(text)
        self.numeric = numeric
        self.readings = []
        if numeric:
            norm = numbers_to_digits(norm)
        parts = [re.escape(p) for p in norm.split()]
        body = r"\s*".join(parts)
        if numeric:
            if re.match(r"\d", norm):
                body = r"(?<![0-9.])" + body
            if re.search(r"\d$", norm):
                body = body + r"(?![0-9])"
        self.pattern = re.compile(body)
        for kana, spellings in readings.items():
            if normalise(kana) == norm:
                self.readings = [normalise(s) for s in spellings]
                self.kana = kana_fold(norm)

    def where(self, doc):
        """The places (title, p1, p2, ...) where the term matches, with the matched text."""
        fields = [("title", doc["title"])] + [(f"p{i + 1}", p) for i, p in enumerate(doc["pages"])]
        found = []
        for name, value in fields:
            text = normalise(value)
            if self.numeric:
                text = numbers_to_digits(text)
            m = self.pattern.search(text)
            if m:
                found.append((name, m.group(0)))
                continue
            if self.readings:
                for spelling in self.readings:
                    if spelling in text:
                        found.append((name, spelling))
                        break
                else:
                    if self.kana in kana_fold(text):
                        found.append((name, self.kana))
        return found


def tokenize(query):
    """Splits on half- and full-width spaces, keeping "quoted phrases" (and a leading - before a quote) whole."""
    query = unicodedata.normalize("NFKC", query)
    return [m.group(0) for m in re.finditer(r'-?"[^"]*"|\S+', query)]


def parse(query, numeric=False, readings=None):
    """Clauses ANDed together: each is (negated, [Term, ...]) with the terms ORed."""
    readings = readings or {}
    clauses = []
    tokens = tokenize(query)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        negated = tok.startswith("-") and len(tok) > 1
        if negated:
            tok = tok[1:]
        terms = [Term(tok.strip('"'), numeric, readings)]
        while i + 2 < len(tokens) and tokens[i + 1] == "OR":
            terms.append(Term(tokens[i + 2].strip('"'), numeric, readings))
            i += 2
        clauses.append((negated, terms))
        i += 1
    return clauses


def hits(docs, query, numeric=False, readings=None):
    clauses = parse(query, numeric, readings)
    result = []
    for doc in docs:
        ok = True
        for negated, terms in clauses:
            matched = any(t.where(doc) for t in terms)
            if matched == negated:
                ok = False
                break
        if ok and any(not negated for negated, _ in clauses):
            result.append(doc["id"])
    return result, clauses


def explain(docs, ids, clauses):
    by_id = {d["id"]: d for d in docs}
    for doc_id in ids:
        parts = []
        for negated, terms in clauses:
            if negated:
                continue
            for t in terms:
                w = t.where(by_id[doc_id])
                if w:
                    parts.append(f"{t.raw}@" + ",".join(f"{n}:{s}" for n, s in w))
        print(f"      {doc_id} {by_id[doc_id]['title']}  " + "  ".join(parts))


def main(argv):
    docs = json.loads((HERE / "documents.json").read_text(encoding="utf-8"))
    if "--try" in argv:
        q = argv[argv.index("--try") + 1]
        readings = {}
        if "--reading" in argv:
            kana, spellings = argv[argv.index("--reading") + 1].split("=")
            readings[kana] = spellings.split(",")
        ids, clauses = hits(docs, q, "--numeric" in argv, readings)
        print(f"{q}: {len(ids)} hits {ids}")
        explain(docs, ids, clauses)
        return 0
    verbose = "-v" in argv
    queries = json.loads((HERE / "queries.json").read_text(encoding="utf-8"))
    known = {d["id"] for d in docs}
    failures = 0
    for n, q in enumerate(queries, 1):
        found, clauses = hits(docs, q["query"], q.get("numeric", False), q.get("readings"))
        listed = q["relevant"]
        problems = []
        if sorted(found) != sorted(listed):
            missing = sorted(set(listed) - set(found))
            extra = sorted(set(found) - set(listed))
            problems.append(f"listed but not found {missing}, found but not listed {extra}")
        if set(listed) - known:
            problems.append(f"unknown ids {sorted(set(listed) - known)}")
        first = q.get("mustBeFirst")
        if first is not None and first not in listed:
            problems.append(f"mustBeFirst {first} is not relevant")
        status = "OK      " if not problems else "MISMATCH"
        print(f"{status} q{n:02d} {q['query']!r:<28} found {sorted(found)} listed {sorted(listed)}"
              + ("" if not problems else "  <- " + "; ".join(problems)))
        if verbose:
            explain(docs, sorted(found), clauses)
        failures += bool(problems)
    total_rel = sum(len(q["relevant"]) for q in queries)
    empty = sum(1 for q in queries if not q["relevant"])
    print(f"{len(queries)} queries, {total_rel} relevant documents in all, {empty} queries expecting no hit, "
          f"{failures} mismatch(es)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
