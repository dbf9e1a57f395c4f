"""Summarises ./suite bench gateway: wrk output of alternating direct and gateway rounds -> a Markdown table."""
import re
import statistics
import sys

path, rounds, seconds, connections = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {"direct": [], "gateway": []}
redis = []
current = {}


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


cpu = {"direct": [], "gateway": []}
TICKS_PER_SECOND = 100


def ticks(field):
    return {k: int(v) for k, v in (pair.split("=") for pair in field.split(","))}


for line in open(path):
    parts = line.split()
    if parts[0] == "cpu":
        before, after = ticks(parts[3]), ticks(parts[4])
        cpu[parts[1]].append({k: after[k] - before[k] for k in after})
        continue
    if parts[0] == "redis":
        redis.append(int(parts[2]))
        continue
    kind, n, rest = parts[0], parts[1], parts[2:]
    key = (kind, n)
    run = current.setdefault(key, {})
    if rest[:1] == ["50%"]:
        run["p50"] = to_ms(rest[1])
    elif rest[:1] == ["99%"]:
        run["p99"] = to_ms(rest[1])
    elif rest[:1] == ["Requests/sec:"]:
        run["rps"] = float(rest[1])
    elif len(rest) > 3 and rest[1] == "requests" and rest[2] == "in":
        run["requests"] = int(rest[0])
    elif rest[:2] == ["Non-2xx", "or"]:
        run["errors"] = int(rest[-1])

for (kind, n), run in sorted(current.items()):
    runs[kind].append(run)

med = {k: {m: statistics.median(r[m] for r in v) for m in ("rps", "p50", "p99")} for k, v in runs.items()}
errors = sum(r.get("errors", 0) for v in runs.values() for r in v)
gateway_requests = [r["requests"] for r in runs["gateway"]]
per_request = [c / max(1, q) for c, q in zip(redis, gateway_requests)]
ratio = med["gateway"]["rps"] / med["direct"]["rps"]
print(f"| path | requests/s | p50 (ms) | p99 (ms) |")
print(f"|---|---|---|---|")
for kind in ("direct", "gateway"):
    print(f"| {kind} | {med[kind]['rps']:.0f} | {med[kind]['p50']:.2f} | {med[kind]['p99']:.2f} |")
print()
print(f"- gateway / direct throughput: {ratio:.0%} (target ≥ 70%)")
print(f"- added latency at p50: {med['gateway']['p50'] - med['direct']['p50']:.2f} ms (target ≤ 1 ms)")
print(f"- Redis commands per gateway request: {statistics.median(per_request):.3f} (target: exactly 1)")
if cpu["gateway"]:
    print("- CPU per request (ms), medians of the rounds (PostgreSQL and Redis: the whole server):")
    print()
    print("| path | " + " | ".join(cpu["gateway"][0]) + " |")
    print("|---|" + "---|" * len(cpu["gateway"][0]))
    for kind in ("direct", "gateway"):
        requests = [r["requests"] for r in runs[kind]]
        row = [statistics.median(1000 * c[name] / TICKS_PER_SECOND / max(1, q) for c, q in zip(cpu[kind], requests))
               for name in cpu[kind][0]]
        print(f"| {kind} | " + " | ".join(f"{v:.2f}" for v in row) + " |")
    print()
print(f"- non-2xx responses: {errors}; medians of {rounds} alternating rounds of {seconds} s, {connections} connections, {1 if int(connections) < 2 else 2} wrk threads")
