#!/usr/bin/python3
"""Recoll's side of the search benchmark: indexes OUT/docs with recollindex (a configuration of its own under
OUT/recoll-conf), then runs the corpus queries through Recoll's Python API in one process (so that no process
start is timed), N rounds after a warm-up, and prints the figures as JSON. Needs Debian's recoll and
python3-recoll; run with the system python3 (/usr/bin/python3), where python3-recoll installs."""
import argparse, json, os, subprocess, time, resource

ap = argparse.ArgumentParser()
ap.add_argument("--out", required=True)
ap.add_argument("--queries", required=True)
ap.add_argument("--rounds", type=int, default=20)
args = ap.parse_args()

conf = os.path.join(args.out, "recoll-conf")
os.makedirs(conf, exist_ok=True)
with open(os.path.join(conf, "recoll.conf"), "w") as f:
    f.write("topdirs = %s\n" % os.path.join(args.out, "docs"))
    f.write("dbdir = %s\n" % os.path.join(conf, "xapiandb"))
    f.write("indexStemmingLanguages = \n")
    f.write("loglevel = 1\n")
start = time.time()
before = resource.getrusage(resource.RUSAGE_CHILDREN)
subprocess.run(["recollindex", "-c", conf, "-z"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
elapsed = time.time() - start
size = 0
for root, _, files in os.walk(os.path.join(conf, "xapiandb")):
    size += sum(os.path.getsize(os.path.join(root, n)) for n in files)

from recoll import recoll
db = recoll.connect(confdir=conf)
queries = [q["query"] for q in json.load(open(args.queries, encoding="utf-8"))]
def run(text, abstracts):
    """The query, its first 20 hits, and with abstracts=True Recoll's snippet of each (what a results list shows)."""
    q = db.query()
    n = q.execute(text, stemming=0)
    for doc in q.fetchmany(20):
        if abstracts:
            q.makedocabstract(doc)
    return n
def timed(abstracts):
    for text in queries:  # warm-up
        run(text, abstracts)
    times = []
    hits = {}
    for _ in range(args.rounds):
        for text in queries:
            t = time.perf_counter()
            hits[text] = run(text, abstracts)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))]
    return {"p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99), "max_ms": times[-1]}, hits
bare, hits = timed(False)
with_abstracts, _ = timed(True)
print(json.dumps({"engine": "recoll", "index_seconds": elapsed,
                  "index_cpu_seconds": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                  "index_bytes": size, "queries": len(queries) * args.rounds, "first_20_hits": bare,
                  "first_20_hits_with_abstracts": with_abstracts, "indexer_peak_rss_kb": after.ru_maxrss,
                  "hits": hits}, ensure_ascii=False))
