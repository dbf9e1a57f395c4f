import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load through the gateway: one operation every 1/rate seconds, chosen by weight,
 * whatever the previous ones are doing (at most MAX_IN_FLIGHT at a time; a beat that finds them
 * all busy is counted as skipped). Every answer becomes a {@link Sample} under the current phase.
 */
final class Traffic {

    /** one request: when it started (epoch ms), what, under which phase, its status (-1: no answer) and latency */
    record Sample(String phase, String op, int status, long startMillis, long nanos, String error) {
    }

    /** a write the gateway accepted with a 2xx: it must be readable afterwards and have its events */
    record Accepted(String candidateId, String documentId, String email, String phase, long atMillis) {
    }

    /** a create that got no 2xx: it may or may not exist (the answer can be lost after the commit) */
    record Unconfirmed(String email, String phase, int status) {
    }

    final List<Sample> samples = new CopyOnWriteArrayList<>();
    final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    final List<Unconfirmed> unconfirmed = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<String> skipped = new ConcurrentLinkedQueue<>();
    volatile String phase = "setup";

    private final Api api;
    private final List<String> keys;
    private final double rate;
    private final List<Map.Entry<String, Integer>> mix;
    private final int totalWeight;
    private final String runId;
    private final AtomicLong seq = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(Params.MAX_IN_FLIGHT);
    private final ExecutorService workers = Executors.newFixedThreadPool(Params.MAX_IN_FLIGHT);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    Traffic(Api api, List<String> keys, double rate, Map<String, Integer> mix, String runId) {
        this.api = api;
        this.keys = keys;
        this.rate = rate;
        this.mix = new ArrayList<>(mix.entrySet());
        this.totalWeight = mix.values().stream().mapToInt(Integer::intValue).sum();
        this.runId = runId;
    }

    void start() {
        long periodMicros = Math.round(1_000_000 / rate);
        ticker.scheduleAtFixedRate(this::beat, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** stops issuing requests and waits for those in flight */
    void stop() throws InterruptedException {
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(Params.REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private void beat() {
        String p = phase;
        if (!inFlight.tryAcquire()) {
            skipped.add(p);
            return;
        }
        String op = pick();
        workers.execute(() -> {
            try {
                run(op, p);
            } catch (RuntimeException e) {
                samples.add(new Sample(p, op, -1, System.currentTimeMillis(), 0, e.toString()));
            } finally {
                inFlight.release();
            }
        });
    }

    private String pick() {
        int r = ThreadLocalRandom.current().nextInt(totalWeight);
        for (Map.Entry<String, Integer> e : mix) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException();
    }

    private String key() {
        return keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
    }

    private Accepted anyAccepted() {
        int n = accepted.size();
        return n == 0 ? null : accepted.get(ThreadLocalRandom.current().nextInt(n));
    }

    /** sends one operation and records it; also usable outside the ticker (seeding) */
    Api.Result run(String op, String p) {
        long startMillis = System.currentTimeMillis();
        long n = seq.incrementAndGet();
        String name = Api.name(n);
        String email = "rel-" + runId + "-" + n + "@example.com";
        Accepted some = anyAccepted();
        if ((op.equals("get") || op.equals("patch")) && some == null) {
            op = "list";
        }
        Api.Result r = switch (op) {
            case "upload" -> api.upload(key(), name, email);
            case "create" -> api.call("POST", "/api/v1/candidates", key(),
                    Json.object("name", name, "email", email, "tags", Json.array(List.of("reliability"))));
            case "seed" -> api.call("POST", "/api/v1/candidates", key(), Json.object("name", name, "email", email,
                    "filename", "cv.txt", "cvText", Api.cv(name, email)));
            case "get" -> api.call("GET", "/api/v1/candidates/" + some.candidateId(), key(), null);
            case "patch" -> api.call("PATCH", "/api/v1/candidates/" + some.candidateId(), key(),
                    Json.object("tags", Json.array(List.of("reliability", "touched-" + (n % 5)))));
            case "list" -> api.call("GET", "/api/v1/candidates?limit=20", key(), null);
            case "search" -> api.call("POST", "/api/v1/search", key(),
                    Json.object("query", Api.QUERIES[(int) (n % Api.QUERIES.length)], "limit", 10));
            default -> throw new IllegalArgumentException("unknown operation " + op);
        };
        samples.add(new Sample(p, op, r.status(), startMillis, r.nanos(), r.error()));
        if (op.equals("upload") || op.equals("create") || op.equals("seed")) {
            if (r.ok()) {
                Object json = r.json();
                accepted.add(new Accepted(Json.str(json, "data", "id"), Json.str(json, "data", "documents", 0, "id"), email, p, startMillis));
            } else {
                unconfirmed.add(new Unconfirmed(email, p, r.status()));
            }
        }
        return r;
    }
}
