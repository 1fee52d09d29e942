#!/usr/bin/env python3
"""Turns the JSON result of cairn-bench's JMH run (-rf json) into bench/run's table.

One row per case with Cairn, Log4j 2 and Logback side by side and Cairn's ratio to each,
oriented so that higher is better for Cairn (throughput ratios; for times, the peer's time
over Cairn's), then one machine-readable line per case:

    RATIO <case> cairn/log4j2=<x> cairn/logback=<y> cairn_bytes_per_op=<b>

Allocation (JMH -prof gc, gc.alloc.rate.norm: bytes per operation, every thread counted,
so a background writer's garbage shows too) has its own rows. Standard library only.
"""
import json
import sys

LIBS = ("cairn", "log4j2", "logback")


def load(path):
    with open(path) as f:
        return json.load(f)


def split(benchmark):
    """'dev.cairn.bench.AsyncFileBench.cairn_t2' -> ('AsyncFileBench', 'cairn', 't2')."""
    cls, method = benchmark.split(".")[-2:]
    lib, _, suffix = method.partition("_")
    return cls, lib, suffix


def alloc(entry):
    m = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return None if m is None else m["score"]


def collect(results):
    """rows: case -> {'kind': 'thrpt'|'time', 'unit': str, lib: value, 'alloc': {lib: bytes}}"""
    rows = {}

    def put(case, kind, unit, lib, value, bytes_per_op):
        row = rows.setdefault(case, {"kind": kind, "unit": unit, "alloc": {}})
        row[lib] = value
        if bytes_per_op is not None:
            row["alloc"][lib] = bytes_per_op

    for e in results:
        cls, lib, suffix = split(e["benchmark"])
        if lib not in LIBS:
            continue
        pm = e["primaryMetric"]
        mode = e["mode"]
        b = alloc(e)
        if cls == "DisabledBench":
            put("disabled", "time", pm["scoreUnit"], lib, pm["score"], b)
        elif cls == "SyncFileBench":
            put("sync_file", "thrpt", "ops/s", lib, to_per_second(pm), b)
        elif cls == "JsonBench":
            put("json", "thrpt", "ops/s", lib, to_per_second(pm), b)
        elif cls == "AsyncFileBench":
            case = "async_" + suffix
            if mode == "thrpt":
                put(case, "thrpt", "ops/s", lib, to_per_second(pm), b)
            elif mode == "sample":
                pct = pm.get("scorePercentiles", {})
                for name, key in (("p50", "50.0"), ("p99", "99.0"), ("p99.9", "99.9")):
                    if key in pct:
                        put(case + "_" + name, "time", pm["scoreUnit"], lib, pct[key], b)
    return rows


def to_per_second(pm):
    unit = pm["scoreUnit"]
    scale = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9}.get(unit)
    if scale is None:
        raise SystemExit("unexpected throughput unit " + unit)
    return pm["score"] * scale


def ratio(row, peer):
    c, p = row.get("cairn"), row.get(peer)
    if c is None or p is None or c == 0 or p == 0:
        return None
    return c / p if row["kind"] == "thrpt" else p / c


def fmt_value(v, kind):
    if v is None:
        return "n/a"
    if kind == "thrpt":
        return "{:,.0f}".format(v)
    return "{:.3g}".format(v) if v < 100 else "{:,.0f}".format(v)


def fmt_ratio(r):
    return "n/a" if r is None else "{:.2f}x".format(r)


ORDER = ["disabled", "sync_file", "json",
         "async_t1", "async_t1_p50", "async_t1_p99", "async_t1_p99.9",
         "async_t2", "async_t2_p50", "async_t2_p99", "async_t2_p99.9",
         "async_t4", "async_t4_p50", "async_t4_p99", "async_t4_p99.9"]


def cairn_alone(results):
    """Lines for benchmarks of Cairn alone (no peer to compare with, e.g. WriterFormatBench)."""
    lines = []
    for e in results:
        cls, lib, _ = split(e["benchmark"])
        if lib in LIBS:
            continue
        pm = e["primaryMetric"]
        b = alloc(e)
        lines.append("{}.{} ({}): {:,.3g} {} ± {:.3g}{}".format(
            cls, e["benchmark"].split(".")[-1], e["mode"], pm["score"], pm["scoreUnit"], pm["scoreError"],
            "" if b is None else ", {:.1f} B/op".format(b)))
    return lines


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: jmh_table.py RESULT.json")
    results = load(sys.argv[1])
    alone = cairn_alone(results)
    if alone:
        print("Cairn alone, not compared:")
        for line in alone:
            print("  " + line)
        print()
    rows = collect(results)
    if not rows:
        return
    cases = [c for c in ORDER if c in rows] + sorted(c for c in rows if c not in ORDER)
    table = [("case", "Cairn", "Log4j 2", "Logback", "Cairn/Log4j 2", "Cairn/Logback")]
    for case in cases:
        row = rows[case]
        label = "{} ({})".format(case, row["unit"])
        table.append((label,) + tuple(fmt_value(row.get(l), row["kind"]) for l in LIBS)
                     + (fmt_ratio(ratio(row, "log4j2")), fmt_ratio(ratio(row, "logback"))))
    # Allocation rows: the latency samples come from their own runs; show the throughput runs'.
    for case in cases:
        if case.endswith(("_p50", "_p99", "_p99.9")):
            continue
        a = rows[case]["alloc"]
        if not a:
            continue
        table.append(("alloc {} (B/op)".format(case),) + tuple(
            "n/a" if a.get(l) is None else "{:,.0f}".format(a[l]) for l in LIBS) + ("-", "-"))
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for n, r in enumerate(table):
        print("  ".join(r[0].ljust(widths[0]) if i == 0 else r[i].rjust(widths[i]) for i in range(len(r))))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()
    for case in cases:
        row = rows[case]
        r4, rl = ratio(row, "log4j2"), ratio(row, "logback")
        b = row["alloc"].get("cairn")
        print("RATIO {} cairn/log4j2={} cairn/logback={} cairn_bytes_per_op={}".format(
            case, "n/a" if r4 is None else "{:.3f}".format(r4),
            "n/a" if rl is None else "{:.3f}".format(rl),
            "n/a" if b is None else "{:.1f}".format(b)))


if __name__ == "__main__":
    main()
