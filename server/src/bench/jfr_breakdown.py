#!/usr/bin/env python3
"""Where the time of a Kairan server JFR recording goes (e.g. ApprovalBenchmark --jfr FILE).

    python3 server/src/bench/jfr_breakdown.py FILE.jfr

Prints the CPU samples by thread kind, the samples of the server's request threads (kairan-http-*) by
server step, and the monitor waits, monitor entries and parks of those threads by cause (count and total
time). A sample belongs to the innermost frame on its stack that names a step in MARKERS, so a JDBC call
made by KessaiStore.save counts for it unless it runs inside a more specific step (ChangeFeed.append).
Uses the `jfr` tool of $JAVA_HOME (or the one on the PATH).
"""
import collections
import os
import re
import subprocess
import sys

JFR = os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if "JAVA_HOME" in os.environ else "jfr"
# innermost match wins: (label, substring of a frame)
MARKERS = [
    ("commit (H2 store write)", "JdbcConnection.commit"),
    ("commit (PostgreSQL)", "PgConnection.commit"),
    ("audit: append (hash chain)", "AuditLog.append"),
    ("feed: append (feed_head, change_feed)", "ChangeFeed.append"),
    ("feed: head", "ChangeFeed.head"),
    ("kessai: JSON write of the 案件", "KessaiStore.write"),
    ("kessai: JSON read of the 案件", "KessaiStore.read"),
    ("kessai: audience", "KessaiAudience.of"),
    ("kessai: UPDATE kessai (+bind)", "KessaiStore.save"),
    ("kessai: SELECT … FOR UPDATE", "KessaiStore.lock"),
    ("kessai: 代決 StandIns (absence query)", "StandIns.upToDate"),
    ("kessai: workflow", "KessaiWorkflow.act"),
    ("kessai: payload read", "CommandPayload.read"),
    ("kessai: act (rest)", "ActOnKessaiCommand.apply"),
    ("command: scope (SyncScope.of)", "SyncScope.of"),
    ("command: directory version", "DirectoryCache.directory"),
    ("command: ledger find", "CommandLedger.find"),
    ("command: ledger claim", "CommandLedger.claim"),
    ("command: ledger record", "CommandLedger.record"),
    ("command: hash", "CommandService.hash"),
    ("command: rest", "CommandService.apply"),
    ("session: authenticate", "SessionService.authenticate"),
    ("pull: feed read", "ChangeFeed.read"),
    ("pull: rest", "PullService.pull"),
    ("http: request JSON canonical", "SyncHandler.batch"),
    ("http: reply JSON", "RouteFamilyHandler"),
    ("http: Jetty", "org.eclipse.jetty"),
    ("hikari: waiting for a pooled connection", "HikariPool.getConnection"),
]

def events(path, kind, depth=96):
    out = subprocess.run([JFR, "print", "--stack-depth", str(depth), "--events", kind, path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("\n}\n"):
        if kind not in block:
            continue
        thread = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
        dur = re.search(r"duration = ([\d.]+) (ms|s|us)", block)
        ms = 0.0
        if dur:
            v, u = float(dur.group(1)), dur.group(2)
            ms = v * 1000 if u == "s" else v / 1000 if u == "us" else v
        frames = re.findall(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(.*\)\s+line:", block, re.M)
        monitor = re.search(r'monitorClass = ([\w.$]+)', block)
        yield (thread.group(1) if thread else "?", frames, ms, monitor.group(1) if monitor else None)

def label(frames):
    for f in frames:
        for name, marker in MARKERS:
            if marker in f:
                return name
    return "other: " + (frames[0] if frames else "?")

def main(path):
    by_thread = collections.Counter()
    by_step = collections.Counter()
    n = 0
    for thread, frames, _, _ in events(path, "jdk.ExecutionSample"):
        n += 1
        kind = "server (kairan-http)" if thread.startswith("kairan-http") else \
               "bench approver threads" if thread.startswith("pool-") else thread
        by_thread[kind] += 1
        if thread.startswith("kairan-http"):
            by_step[label(frames)] += 1
    print(f"CPU samples: {n}")
    for k, v in by_thread.most_common(8):
        print(f"  {v:6d} {100*v/n:5.1f} %  {k}")
    server = sum(v for k, v in by_thread.items() if k.startswith("server"))
    print(f"server samples by step ({server}):")
    for k, v in by_step.most_common(40):
        print(f"  {v:6d} {100*v/max(1,server):5.1f} %  {k}")
    for kind in ("jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.ThreadPark"):
        waits = collections.Counter()
        total = collections.Counter()
        for thread, frames, ms, monitor in events(path, kind, 40):
            if not thread.startswith("kairan-http"):
                continue
            key = label(frames) + (f" [{monitor}]" if monitor else "") + " <- " + (frames[0] if frames else "?")
            waits[key] += 1
            total[key] += ms
        if waits:
            print(f"{kind} on server threads (≥ threshold): count, total ms, where")
            for k, v in total.most_common(12):
                print(f"  {waits[k]:6d} {v:10.1f} ms  {k}")

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: jfr_breakdown.py FILE.jfr")
    main(sys.argv[1])
