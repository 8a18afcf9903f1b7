#!/usr/bin/env bash
# The search benchmark of issue 5: Kairan's desktop index and Recoll side by side on the same documents.
#   bench/search/run.sh [--documents N] [--rounds R] [--out DIR] [--no-build] [--keep-index] [--kairan-only]
# Grows the 伊織市 corpus to N documents (default 100,000; grow_corpus.py), indexes them with Kairan
# (SearchBench: the search bundle's own classes, in a JVM with the heap given by KAIRAN_BENCH_HEAP, default 1g,
# and any options in KAIRAN_BENCH_JAVA_OPTS)
# and with Recoll (recoll_bench.py, Debian's recoll and python3-recoll), runs the corpus's 46 queries R rounds
# on each and prints indexing pages/s, index size, query p50/p95/p99 and memory. Not part of CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/scripts/lib.sh"
documents=100000; rounds=20; out=""; build=1; keep=""; recoll=1
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) documents=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep-index) keep=--keep-index; shift ;;   # Kairan: query the index of the last run again
    --kairan-only) recoll=0; shift ;;
    *) die "unknown option $1 (see the first lines of $0)" ;;
  esac
done
out=${out:-/tmp/kairan-search-bench-$documents}
command -v recollindex >/dev/null || die "recollindex not found: apt-get install recoll python3-recoll"
/usr/bin/python3 -c 'from recoll import recoll' 2>/dev/null || die "Recoll's Python API not found: apt-get install python3-recoll"
find_jdk
java="$JAVA_HOME/bin/java"
javac="$JAVA_HOME/bin/javac"
if [ "$build" = 1 ]; then
  (cd "$root" && ./mvnw -B -o -q -pl releng/org.kairan.target,bundles/org.kairan.core,bundles/org.kairan.client.testing,bundles/org.kairan.client,bundles/org.kairan.search package -DskipTests)
fi
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp="$root/bundles/org.kairan.search/target/classes:$root/bundles/org.kairan.core/target/classes"
for jar in org/apache/lucene/lucene-core/10.3.2/lucene-core-10.3.2.jar \
           org/apache/lucene/lucene-analysis-common/10.3.2/lucene-analysis-common-10.3.2.jar \
           org/apache/lucene/lucene-analysis-kuromoji/10.3.2/lucene-analysis-kuromoji-10.3.2.jar \
           com/fasterxml/jackson/core/jackson-databind/2.21.8/jackson-databind-2.21.8.jar \
           com/fasterxml/jackson/core/jackson-core/2.21.8/jackson-core-2.21.8.jar \
           com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar \
           com/fasterxml/jackson/datatype/jackson-datatype-jsr310/2.21.8/jackson-datatype-jsr310-2.21.8.jar; do
  [ -f "$m2/$jar" ] || die "missing $m2/$jar (build once without --no-build)"
  cp="$cp:$m2/$jar"
done
mkdir -p "$out/classes"
"$javac" --release 21 -cp "$cp" -d "$out/classes" "$root"/bundles/org.kairan.search/src/bench/java/org/kairan/search/internal/SearchBench.java
queries="$root/bundles/org.kairan.search/src/test/resources/corpus/queries.json"
if [ ! -f "$out/documents.jsonl" ] || [ "$(wc -l < "$out/documents.jsonl")" != "$documents" ]; then
  say "growing the corpus to $documents documents in $out"
  rm -rf "$out/docs" "$out/documents.jsonl"
  python3 "$here/grow_corpus.py" --out "$out" --documents "$documents"
fi
say "Kairan (Lucene 10.3.2, heap ${KAIRAN_BENCH_HEAP:-1g})"
/usr/bin/time -f "kairan peak RSS %M kB" "$java" ${KAIRAN_BENCH_JAVA_OPTS:-} -Xmx"${KAIRAN_BENCH_HEAP:-1g}" -cp "$out/classes:$cp" \
  org.kairan.search.internal.SearchBench --out "$out" --queries "$queries" --rounds "$rounds" $keep
[ "$recoll" = 1 ] || exit 0
say "Recoll $(dpkg-query -W -f '${Version}' recoll 2>/dev/null || echo '?')"
/usr/bin/python3 "$here/recoll_bench.py" --out "$out" --queries "$queries" --rounds "$rounds" \
  | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("hits"); print("recoll: " + json.dumps(d))'
