#!/usr/bin/env python3
"""Generates timed_rotation_cases.json: what CPython 3.11's TimedRotatingFileHandler does, for
TimedRotatingFileHandlerTest to replay through Cairn.

    python3.11 timed_rotation_cases.py > timed_rotation_cases.json

"schedules": for a zone, when, interval, utc, atTime and start time: rolloverAt after the
constructor (delay=True, no file yet, so the start is time.time()), then, for each emit time,
the name the file was rotated to (relative, or null) and the next rolloverAt.
"deletions": for a directory listing, backupCount and namer: getFilesToDelete() (base names).
"""
import datetime
import json
import logging
import logging.handlers
import os
import tempfile
import time

NOW = [0.0]
time.time = lambda: NOW[0]

ZONES = {
    "UTC": [1700000777],
    "America/New_York": [1710054000 - 26 * 3600 + 123, 1730613600 - 26 * 3600 + 4567],
    "Europe/Berlin": [1711846800 - 30 * 3600 + 59, 1729990800 - 2 * 3600 + 1],
    "Australia/Sydney": [1712419200 - 20 * 3600 + 321, 1728144000 - 50 * 3600 + 42],
}
WHENS = [("S", 10, None), ("M", 5, None), ("H", 1, None), ("H", 6, None), ("D", 1, None),
         ("MIDNIGHT", 1, None), ("midnight", 1, "02:30:00"), ("MIDNIGHT", 1, "23:59:59"),
         ("W0", 1, None), ("W3", 1, "01:30:00"), ("W6", 2, None)]
OFFSETS = [0, 1, 3700, 90000, 0]


def at_time(text):
    return None if text is None else datetime.time.fromisoformat(text)


def schedules():
    result = []
    for zone, starts in ZONES.items():
        os.environ["TZ"] = zone
        time.tzset()
        for start in starts:
            for when, interval, at in WHENS:
                for utc in (False, True):
                    with tempfile.TemporaryDirectory() as d:
                        NOW[0] = float(start)
                        h = logging.handlers.TimedRotatingFileHandler(
                            os.path.join(d, "app.log"), when=when, interval=interval, utc=utc,
                            atTime=at_time(at), delay=True)
                        h.setFormatter(logging.Formatter("%(message)s"))
                        case = {"zone": zone, "start": start, "when": when, "interval": interval,
                                "utc": utc, "atTime": at, "rolloverAt": h.rolloverAt, "steps": []}
                        for i, offset in enumerate(OFFSETS):
                            NOW[0] = float(h.rolloverAt + offset)
                            before = set(os.listdir(d))
                            h.emit(logging.makeLogRecord({"msg": "record %d" % i}))
                            created = sorted(set(os.listdir(d)) - before - {"app.log"})
                            case["steps"].append({"time": h.rolloverAt and NOW[0], "rotatedTo": created[0] if created else None,
                                                  "rolloverAt": h.rolloverAt})
                        h.close()
                        result.append(case)
    return result


LISTING = ["app.log", "app.log.2024-01-01", "app.log.2024-01-02", "app.log.2024-01-03.gz",
           "app.2024-01-04.log", "app.log.2024-01-05.bak", "app.log.2024-1-06", "app.logx.2024-01-07",
           "app.log.2024-01-08_10", "other.log.2024-01-09", "app.log.1", "app.2024-01-10.log.gz",
           "app.log.tmp.2024-01-11", "app.log.2024-01-12\n"]


def deletions():
    result = []
    os.environ["TZ"] = "UTC"
    time.tzset()
    for when in ("D", "H"):
        for backup in (0, 1, 2, 3, 20):
            for namer in (None, "gz", "infix"):
                with tempfile.TemporaryDirectory() as d:
                    for name in LISTING:
                        if name != "app.log":
                            open(os.path.join(d, name), "w").close()
                    h = logging.handlers.TimedRotatingFileHandler(os.path.join(d, "app.log"), when=when,
                                                                  backupCount=backup, delay=True)
                    if namer == "gz":
                        h.namer = lambda n: n + ".gz"
                    elif namer == "infix":
                        h.namer = lambda n: n.replace("app.log.", "app.") + ".log"
                    files = sorted(os.path.basename(f) for f in h.getFilesToDelete())
                    result.append({"when": when, "backupCount": backup, "namer": namer, "delete": files})
                    h.close()
    return result


if __name__ == "__main__":
    print(json.dumps({"listing": LISTING, "schedules": schedules(), "deletions": deletions()}, indent=1))
