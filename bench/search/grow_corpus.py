#!/usr/bin/env python3
"""Grows the 伊織市 search corpus (bundles/org.kairan.search/src/test/resources/corpus) to N documents for the
search benchmark: each new document takes the metadata of one corpus document and pages made of sentences drawn
from several others, with the numbers changed, so the vocabulary stays that of a city office while no two
documents are alike. Writes, under OUT:
  docs/dNNNNNNN.txt   one text file per document (title on the first line, pages apart by a form feed)
                      — what Recoll indexes
  documents.jsonl     the same documents as JSON lines (id, kind, title, unit, fiscalYear, classification,
                      date, pages) — what Kairan's bench indexes
Deterministic for a given seed.
"""
import argparse, json, os, random, re

ap = argparse.ArgumentParser()
ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "../../bundles/org.kairan.search/src/test/resources/corpus/documents.json"))
ap.add_argument("--out", required=True)
ap.add_argument("--documents", type=int, default=100_000)
ap.add_argument("--seed", type=int, default=2026)
args = ap.parse_args()

rnd = random.Random(args.seed)
corpus = json.load(open(args.corpus, encoding="utf-8"))
sentences = []
for d in corpus:
    for page in d["pages"]:
        sentences.extend(s + "。" for s in re.split(r"。", page) if s.strip())
digits = re.compile(r"[0-9０-９]+")

def vary(s):
    return digits.sub(lambda m: str(rnd.randint(1, 9999)), s) if rnd.random() < 0.5 else s

os.makedirs(os.path.join(args.out, "docs"), exist_ok=True)
pages_total = chars_total = 0
with open(os.path.join(args.out, "documents.jsonl"), "w", encoding="utf-8") as jl:
    for i in range(args.documents):
        base = corpus[rnd.randrange(len(corpus))]
        pages = []
        for _ in range(rnd.choice([1, 1, 1, 2, 2, 3])):
            n = rnd.randint(4, 14)
            pages.append("".join(vary(rnd.choice(sentences)) for _ in range(n)))
        doc = {"id": "g%07d" % i, "kind": base["kind"], "title": vary(base["title"]) + "（" + str(i) + "）",
               "unit": base["unit"], "fiscalYear": base["fiscalYear"], "classification": base["classification"],
               "date": base["date"], "pages": pages}
        jl.write(json.dumps(doc, ensure_ascii=False) + "\n")
        with open(os.path.join(args.out, "docs", doc["id"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(doc["title"] + "\n" + "\f".join(pages))
        pages_total += len(pages)
        chars_total += sum(len(p) for p in pages)
print(json.dumps({"documents": args.documents, "pages": pages_total, "characters": chars_total}))
