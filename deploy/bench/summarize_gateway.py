"""Summarises ./suite bench gateway: alternating direct and gateway rounds of each kind of request -> Markdown.

Input lines (written by deploy/local/suite/bench.sh):
  <kind> <path> <round> <wrk output line>
  cpu <kind> <path> <round> <name=ticks,...> <name=ticks,...>     (before and after the round)
  compilers <kind> <path> <round> <name=ticks,...> <...>          (the services' JIT compiler threads, the same way)
  redis <kind> <path> <round> <EVALSHA calls>
  warmup <cycle> <jit counters before> <after>;  jit-settled <cycles> | jit-gave-up <cycles>
  jit-rounds <jit counters before the rounds> <after>              (svc=compiled/invalidated/seconds,...)

  python3 summarize_gateway.py --compare RUN1.txt RUN2.txt: two runs' figures side by side, how far apart.
"""
import re
import statistics
import sys

if len(sys.argv) < 2 or (sys.argv[1] == "--compare" and len(sys.argv) != 4) or (sys.argv[1] != "--compare" and len(sys.argv) < 6):
    sys.exit("usage: summarize_gateway.py --compare RUN1.txt RUN2.txt (the runs' raw rounds in .suite/reports);\n"
             "       summarize_gateway.py RAW THREADS ROUNDS SECONDS CONNECTIONS (as ./suite bench gateway calls it)")
if sys.argv[1] != "--compare":
    path, threads_path, rounds, seconds, connections = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
TICKS_PER_SECOND = 100
# issue 20's targets, as ratios to PostgreSQL's CPU per request of the same request through the gateway
TARGETS = {("list", "candidate"): 1.5, ("list", "gateway"): 0.5, ("write", "gateway"): 0.5, ("search", "gateway"): 0.5}


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def pairs(field):
    return dict(pair.split("=") for pair in field.split(","))


def parse(path):
    """The rounds of one run: wrk figures and CPU ticks by (kind, path), Redis calls, warm-up and JIT lines."""
    runs, cpu, redis, warmups, refused, compilers = {}, {}, {}, [], [], {}
    jit_rounds, settled = None, None
    for line in open(path):
        parts = line.split()
        if not parts:
            continue
        head = parts[0]
        if head == "cpu":
            before, after = pairs(parts[4]), pairs(parts[5])
            cpu.setdefault((parts[1], parts[2]), []).append({k: int(after[k]) - int(before[k]) for k in after})
        elif head == "compilers":
            before, after = pairs(parts[4]), pairs(parts[5])
            compilers.setdefault((parts[1], parts[2]), []).append({k: int(after[k]) - int(before[k]) for k in after})
        elif head == "redis":
            redis.setdefault((parts[1], parts[2]), []).append(int(parts[4]))
        elif head == "warmup":
            warmups.append(parts[1:])
        elif head in ("jit-settled", "jit-gave-up"):
            settled = (head, parts[1])
        elif head == "refused":
            refused.append(" ".join(parts[1:4]) + f": {float(parts[4]):.0f}")
        elif head == "jit-rounds":
            jit_rounds = (pairs(parts[1]), pairs(parts[2]))
        else:
            kind, where, n, rest = parts[0], parts[1], parts[2], parts[3:]
            run = runs.setdefault((kind, where), {}).setdefault(n, {})
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
    return runs, cpu, redis, warmups, refused, jit_rounds, settled, compilers


def median(values):
    values = list(values)
    return statistics.median(values) if values else float("nan")


def figures(path):
    """Each run's medians: requests/s and CPU ms per request of each process, by (kind, path)."""
    runs, cpu, *_, compilers = parse(path)
    out = {}
    for (kind, where), by_round in runs.items():
        rounds_ = [r for _, r in sorted(by_round.items(), key=lambda item: int(item[0]))]
        out[(kind, where, "requests/s")] = median(r["rps"] for r in rounds_)
        samples = cpu.get((kind, where), [])
        jit = compilers.get((kind, where), [])
        for name in (samples[0] if samples else {}):
            out[(kind, where, name)] = median(1000 * c[name] / TICKS_PER_SECOND / max(1, r.get("requests", 0))
                                              for c, r in zip(samples, rounds_))
            if len(jit) == len(samples) and name in jit[0]:
                out[(kind, where, name + " without its compiler threads")] = median(
                    1000 * (c[name] - j[name]) / TICKS_PER_SECOND / max(1, r.get("requests", 0)) for c, j, r in zip(samples, jit, rounds_))
    return out


def compare(first, second, tolerance=0.15):
    """Two runs side by side: every figure both have, how far apart (relative to their mean), and whether within tolerance."""
    a, b = figures(first), figures(second)
    print("| request | path | figure | run 1 | run 2 | apart |")
    print("|---|---|---|---:|---:|---:|")
    apart_all = []
    for key in a:
        if key not in b or key[2] in ("kafka", "redis") or a[key] < 0.01 and b[key] < 0.01:
            continue
        apart = abs(a[key] - b[key]) / ((a[key] + b[key]) / 2)
        apart_all.append((apart, key))
        flag = "" if apart <= tolerance else " (over 15 %)"
        print(f"| {key[0]} | {key[1]} | {key[2]} | {a[key]:.3f} | {b[key]:.3f} | {apart:.0%}{flag} |")
    worst = max(apart_all)
    within = sum(1 for apart, _ in apart_all if apart <= tolerance)
    print()
    print(f"- {within} of {len(apart_all)} figures within {tolerance:.0%}; the furthest apart: {' '.join(worst[1])} ({worst[0]:.0%})")


if sys.argv[1] == "--compare":
    compare(sys.argv[2], sys.argv[3])
    sys.exit(0)

runs, cpu, redis, warmups, refused, jit_rounds, settled, compilers = parse(path)
kinds = []
for kind, _ in runs:
    if kind not in kinds:
        kinds.append(kind)


def rounds_of(kind, where):
    return [r for _, r in sorted(runs.get((kind, where), {}).items(), key=lambda item: int(item[0]))]


def cpu_per_request(kind, where, without_compilers=False):
    """ms of CPU per request of each process, median over the rounds; without_compilers: less the JIT compiler threads'"""
    samples = cpu.get((kind, where), [])
    requests = [r.get("requests", 0) for r in rounds_of(kind, where)]
    if not samples:
        return {}
    if without_compilers:
        jit = compilers.get((kind, where), [])
        if len(jit) != len(samples):
            return {}
        samples = [{name: c[name] - j.get(name, 0) for name in c} for c, j in zip(samples, jit)]
    return {name: median(1000 * c[name] / TICKS_PER_SECOND / max(1, q) for c, q in zip(samples, requests)) for name in samples[0]}


errors = sum(r.get("errors", 0) for v in runs.values() for r in v.values())
print("| request | path | requests/s | p50 (ms) | p99 (ms) |")
print("|---|---|---:|---:|---:|")
PATHS = ("direct", "gateway", "bare", "baseline")
for kind in kinds:
    for where in PATHS:
        rs = rounds_of(kind, where)
        if rs:
            print(f"| {kind} | {where} | {median(r['rps'] for r in rs):.0f} | {median(r['p50'] for r in rs):.2f} | "
                  f"{median(r['p99'] for r in rs):.2f} |")
print()
print("CPU per request (ms), medians of the rounds (PostgreSQL, Redis and Kafka: the whole server):")
print()
names = next(iter(cpu.values()))[0].keys() if cpu else []
print("| request | path | " + " | ".join(names) + " |")
print("|---|---|" + "---:|" * len(names))
per = {}
for kind in kinds:
    for where in PATHS:
        per[(kind, where)] = cpu_per_request(kind, where)
        if per[(kind, where)]:
            print(f"| {kind} | {where} | " + " | ".join(f"{per[(kind, where)][n]:.3f}" for n in names) + " |")
steady = {}
if compilers:
    jvms = [n for n in names if n not in ("postgresql", "redis", "kafka")]
    print()
    print("The same without the services' JIT compiler threads (the JIT still compiling in the rounds: what a warmed-up")
    print("process spends; PostgreSQL as above):")
    print()
    print("| request | path | " + " | ".join(jvms) + " | postgresql |")
    print("|---|---|" + "---:|" * (len(jvms) + 1))
    for kind in kinds:
        for where in PATHS:
            steady[(kind, where)] = cpu_per_request(kind, where, without_compilers=True)
            if steady[(kind, where)]:
                print(f"| {kind} | {where} | " + " | ".join(f"{steady[(kind, where)][n]:.3f}" for n in jvms + ["postgresql"]) + " |")
print()
for kind in kinds:
    direct, gateway = rounds_of(kind, "direct"), rounds_of(kind, "gateway")
    if not direct or not gateway:
        continue
    # side by side: each gateway round against the direct round just before it, then the median of those ratios
    # (a ratio of the two medians would pair rounds minutes apart, and the machine drifts between them)
    ratio = median(g["rps"] / d["rps"] for d, g in zip(direct, gateway))
    ratio_of_medians = median(r["rps"] for r in gateway) / median(r["rps"] for r in direct)
    through = per[(kind, "gateway")]
    postgres = through.get("postgresql", 0)
    checks = []
    for (target_kind, process), limit in TARGETS.items():
        if target_kind == kind and postgres > 0:
            value = through.get(process, 0) / postgres
            check = f"{process} {value:.2f}× PostgreSQL's CPU per request (target ≤ {limit}×: {'met' if value <= limit else 'NOT met'}"
            warm = steady.get((kind, "gateway"), {})
            if warm:
                value = warm.get(process, 0) / postgres
                check += f"; without its compiler threads {value:.2f}×: {'met' if value <= limit else 'NOT met'}"
            checks.append(check + ")")
    redis_per = median(c / max(1, r.get("requests", 1)) for c, r in zip(redis.get((kind, "gateway"), []), gateway))
    line = (f"- {kind}: gateway / direct throughput {ratio:.0%} (median of the rounds' ratios "
            + ", ".join(f"{g['rps'] / d['rps']:.0%}" for d, g in zip(direct, gateway)) + f"; ratio of the medians {ratio_of_medians:.0%})")
    if kind == "list":
        line += f" (target ≥ 70%: {'met' if ratio >= 0.7 else 'NOT met'})"
    print(line + "; " + "; ".join(checks + [f"Redis script calls per gateway request {redis_per:.3f}"]))
    bare = rounds_of(kind, "bare")
    if bare and postgres > 0:
        floor = per[(kind, "bare")]
        print(f"- {kind} through the bare Vert.x proxy (the floor of a proxy hop): throughput {median(b['rps'] / d['rps'] for d, b in zip(direct, bare)):.0%} "
              f"of direct; its CPU per request {floor.get('bare', 0):.3f} ms = {floor.get('bare', 0) / floor.get('postgresql', 1):.2f}× PostgreSQL's "
              f"in its rounds; the gateway's CPU per request is {through.get('gateway', 0) / max(1e-9, floor.get('bare', 0)):.2f}× the bare proxy's")
    baseline = rounds_of(kind, "baseline")
    if baseline:
        before = per[(kind, "baseline")]
        print(f"- {kind} through the baseline gateway (BENCH_BASELINE, another build, in the same rounds): throughput "
              f"{median(b['rps'] / d['rps'] for d, b in zip(direct, baseline)):.0%} of direct; its CPU per request "
              f"{before.get('baseline', 0):.3f} ms = {before.get('baseline', 0) / max(1e-9, before.get('postgresql', 0)):.2f}× PostgreSQL's in its rounds; "
              f"this build's gateway / the baseline: {through.get('gateway', 0) / max(1e-9, before.get('baseline', 0)):.2f}× the CPU per request, "
              f"{median(g['rps'] / b['rps'] for g, b in zip(gateway, baseline)):.2f}× the throughput (median of the rounds' ratios)")
print()
if settled:
    what = "settled after" if settled[0] == "jit-settled" else "gave up after"
    print(f"- warm-up: JIT {what} {settled[1]} cycles; methods compiled per cycle: "
          + "; ".join(f"cycle {w[0]}: " + ", ".join(f"{k} +{int(pairs(w[2])[k].split('/')[0]) - int(pairs(w[1])[k].split('/')[0])}"
                                                        for k in pairs(w[1])) for w in warmups))
if jit_rounds:
    before, after = jit_rounds
    parts = []
    for svc in before:
        b, a = [float(x) for x in before[svc].split("/")], [float(x) for x in after[svc].split("/")]
        parts.append(f"{svc} +{a[0] - b[0]:.0f} compiled, +{a[1] - b[1]:.0f} invalidated, {a[2] - b[2]:.2f} s compiling")
    print("- JIT during the rounds (jstat): " + "; ".join(parts))
compiler = {}
for line in open(threads_path):
    svc, secs, _, thread = line.split()[:4]
    if "CompilerThre" in thread:
        compiler[svc] = compiler.get(svc, 0) + float(secs)
if compiler:
    print("- compiler threads' CPU during the rounds: " + ", ".join(f"{k} {v:.2f} s" for k, v in compiler.items()))
if refused:
    print("- the gateway's answers other than 2xx during the run (route, status: count): " + "; ".join(refused))
print(f"- non-2xx responses: {errors}; medians of {rounds} alternating rounds of {seconds} s per request kind and path, "
      f"{connections} connections, {1 if int(connections) < 2 else 2} wrk threads")
