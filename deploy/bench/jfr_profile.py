"""Where a service's CPU goes, from a Flight Recorder file: ./suite bench gateway with BENCH_JFR=file.jfr.

  python3 deploy/bench/jfr_profile.py FILE.jfr [CPU_MS_PER_REQUEST]

Each execution sample of a Java thread is put in the category of the frame nearest its leaf that belongs to a
known component (so a HashMap lookup inside Jackson counts as JSON, a socket write inside Vert.x as network I/O).
Prints a Markdown table of the categories' shares and, given the service's CPU per request from the benchmark,
their share of it in ms (samples only cover Java code: GC and JIT threads are in bench-gateway-threads.txt).
"""
import collections
import subprocess
import sys

CATEGORIES = [  # (category, frame prefixes); checked frame by frame from the leaf
    ("internal-token verification (JWT, ECDSA)", ("org.jose4j", "io.smallrye.jwt", "io.quarkus.smallrye.jwt", "sun.security.ec",
                                                 "io.recruitsuite.common.security")),
    ("tracing (OpenTelemetry)", ("io.opentelemetry", "io.quarkus.opentelemetry")),
    ("logging", ("org.jboss.logmanager", "io.quarkus.logging", "org.jboss.logging", "io.quarkus.vertx.http.runtime.filters.accesslog")),
    ("JSON (Jackson)", ("com.fasterxml.jackson", "io.quarkus.jackson", "io.quarkus.resteasy.reactive.jackson",
                        "io.quarkus.rest.jackson")),
    ("validation and strict parameters", ("org.hibernate.validator", "jakarta.validation", "io.recruitsuite.common.api.Strict")),
    ("Hibernate Reactive / Panache", ("org.hibernate", "io.quarkus.hibernate")),
    ("PostgreSQL client", ("io.vertx.pgclient", "io.vertx.sqlclient", "io.vertx.mutiny.sqlclient", "io.vertx.mutiny.pgclient")),
    ("outbox relay and Kafka client", ("org.apache.kafka", "io.recruitsuite.common.outbox", "io.smallrye.reactive.messaging")),
    ("Redis client", ("io.vertx.redis", "io.quarkus.redis", "io.vertx.mutiny.redis")),
    ("metrics (Micrometer)", ("io.micrometer", "io.quarkus.micrometer")),
    ("security layer (Quarkus)", ("io.quarkus.security", "io.quarkus.vertx.http.runtime.security")),
    ("REST layer (Quarkus REST)", ("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive", "io.quarkus.rest")),
    ("fault tolerance (SmallRye: timeout, breaker, bulkhead, retry)", ("io.smallrye.faulttolerance",)),
    ("CDI (ArC) and context propagation", ("io.quarkus.arc", "io.smallrye.context", "io.quarkus.smallrye.context")),
    ("Mutiny", ("io.smallrye.mutiny",)),
    ("our code", ("io.recruitsuite",)),
    ("HTTP and network I/O (Vert.x, Netty, NIO)", ("io.vertx", "io.netty", "sun.nio", "java.nio", "io.quarkus.vertx")),
]


def category(frames):
    for frame in frames:
        for name, prefixes in CATEGORIES:
            if frame.startswith(prefixes):
                return name
    return "JDK and other" if frames else "no stack"


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                          capture_output=True, text=True, check=True).stdout
    frames, in_stack = [], False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("stackTrace = ["):
            frames, in_stack = [], True
        elif in_stack and line == "]":
            in_stack = False
            yield frames
        elif in_stack and line and line != "...":
            frames.append(line)


counts = collections.Counter(category(f) for f in samples(sys.argv[1]))
total = sum(counts.values()) or 1
cpu = float(sys.argv[2]) if len(sys.argv) > 2 else None
print(f"| where the Java threads' samples were ({total} samples) | share |" + (" ms per request |" if cpu else ""))
print("|---|---:|" + ("---:|" if cpu else ""))
for name, n in counts.most_common():
    print(f"| {name} | {n / total:.1%} |" + (f" {cpu * n / total:.3f} |" if cpu else ""))
