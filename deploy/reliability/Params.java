import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every knob of ./suite faults and ./suite load with its default, in one place. Each can be
 * overridden by an environment variable of the same name (durations as 500ms, 30s, 10m).
 * Everything printed by {@link #describe()} goes into the report, so a run says how it was made.
 */
final class Params {

    private static final Map<String, String> USED = new LinkedHashMap<>();

    // ---------------------------------------------------------------- where things are (set by ./suite)
    static final String GATEWAY = text("RS_REL_GATEWAY", "http://127.0.0.1:18180");
    static final String KEYS_ADMIN = text("RS_REL_KEYS", "http://127.0.0.1:18181");
    static final String OPERATOR_TOKEN_FILE = text("RS_REL_OPERATOR_TOKEN_FILE", ".suite/keys/operator-token");
    static final String SUITE = text("RS_REL_SUITE", "./suite");
    static final String ENV = text("RS_REL_ENV", "faults");
    static final String REPORT_DIR = text("RS_REL_REPORT_DIR", ".suite/reports");
    static final String REVISION = text("RS_REL_REVISION", "unknown");
    /** epoch seconds by which the driver must have written its report (the suite's hard time limit) */
    static final long DEADLINE_MILLIS = (long) number("RS_REL_DEADLINE", 4_102_444_800L) * 1000;

    // ---------------------------------------------------------------- ./suite faults
    /** the phases to run, in this order (a subset skips the others) */
    static final List<String> FAULTS_PHASES = List.of(text("FAULTS_PHASES",
            "baseline,kafka-down,redis-down,candidate-kill,webhook-kill,receiver-down,postgres-restart,postgres-long,kafka-long").split(","));
    /** steady load during the whole run: requests per second and the mix of operations (weights) */
    static final double FAULTS_RATE = number("FAULTS_RATE", 3);
    static final String FAULTS_MIX = text("FAULTS_MIX", "upload=20,list=25,get=30,search=25");
    /** the load is spread over this many keys, so each stays below the per-key limit of the faults stack */
    static final int FAULTS_LOAD_KEYS = (int) number("FAULTS_LOAD_KEYS", 4);
    static final Duration FAULTS_BASELINE = duration("FAULTS_BASELINE", "30s");
    static final Duration FAULTS_KAFKA_DOWN = duration("FAULTS_KAFKA_DOWN", "60s");
    static final Duration FAULTS_REDIS_DOWN = duration("FAULTS_REDIS_DOWN", "30s");
    static final Duration FAULTS_RECEIVER_DOWN = duration("FAULTS_RECEIVER_DOWN", "10m");
    static final Duration FAULTS_PG_DOWN = duration("FAULTS_PG_DOWN", "10s");
    /** the long outages: PostgreSQL, then the broker, down this long under the steady load, no process restarted */
    static final Duration FAULTS_PG_LONG_DOWN = duration("FAULTS_PG_LONG_DOWN", "5m");
    static final Duration FAULTS_KAFKA_LONG_DOWN = duration("FAULTS_KAFKA_LONG_DOWN", "5m");
    /** how soon after a long outage ends every service must be ready again by itself */
    static final Duration FAULTS_RECOVER_WITHIN = duration("FAULTS_RECOVER_WITHIN", "60s");
    /** load that runs after each fault is repaired, before the next one, still counted in that phase */
    static final Duration FAULTS_RECOVERY = duration("FAULTS_RECOVERY", "20s");
    /** how long after a kill -9 the service stays down before ./suite starts it again */
    static final Duration FAULTS_KILLED_FOR = duration("FAULTS_KILLED_FOR", "5s");
    /** after the paused endpoint's receiver is back: how long to watch that nothing arrives before enabling it */
    static final Duration FAULTS_PAUSED_WATCH = duration("FAULTS_PAUSED_WATCH", "15s");
    /** after the load stops: how long events may take to reach Kafka and every receiver */
    static final Duration FAULTS_DRAIN = duration("FAULTS_DRAIN", "4m");
    /** the rate-limit probe: this many requests at once on a key of its own (the stack's per-key limit is lower) */
    static final int FAULTS_PROBE_REQUESTS = (int) number("FAULTS_PROBE_REQUESTS", 150);
    /** the stack's webhooks.failures-before-pause: the endpoint must not pause before that many failed attempts */
    static final int FAULTS_FAILURES_BEFORE_PAUSE = (int) number("FAULTS_FAILURES_BEFORE_PAUSE", 5);
    static final int FAULTS_PROBE_CONCURRENCY = (int) number("FAULTS_PROBE_CONCURRENCY", 8);
    /** how often the driver looks again (endpoint status, drain progress), and the pause before a fault so it hits mid-load */
    static final Duration FAULTS_POLL = duration("FAULTS_POLL", "5s");
    /** how long the services may take to say ready again after PostgreSQL returned */
    static final Duration FAULTS_READY_WITHIN = duration("FAULTS_READY_WITHIN", "60s");
    /** time kept after the drain for the Kafka dump and the report, before the suite's hard limit */
    static final Duration FAULTS_REPORT_RESERVE = duration("FAULTS_REPORT_RESERVE", "60s");

    // ---------------------------------------------------------------- ./suite load
    static final Duration LOAD_DURATION = duration("LOAD_DURATION", "30m");
    static final Duration LOAD_WARMUP = duration("LOAD_WARMUP", "90s");
    static final double LOAD_RATE = number("LOAD_RATE", 20);
    static final String LOAD_MIX = text("LOAD_MIX", "get=32,list=25,search=20,create=15,patch=5,upload=3");
    static final int LOAD_SEED_CANDIDATES = (int) number("LOAD_SEED_CANDIDATES", 40);
    static final Duration LOAD_MEMORY_EVERY = duration("LOAD_MEMORY_EVERY", "60s");
    /** throughput and latency are also reported per window of this length, to show they hold over the run */
    static final Duration LOAD_WINDOW = duration("LOAD_WINDOW", "5m");
    /** no growth trend: the last third of the heap samples within this fraction of the first third ... */
    static final double LOAD_GROWTH_TOLERANCE = number("LOAD_GROWTH_TOLERANCE", 0.15);
    /** ... or the least-squares slope below this many MiB per hour */
    static final double LOAD_GROWTH_SLOPE_MIB_PER_HOUR = number("LOAD_GROWTH_SLOPE_MIB_PER_HOUR", 20);

    // ---------------------------------------------------------------- both
    /** at most this many requests in flight; beyond it the generator skips a beat and counts it */
    static final int MAX_IN_FLIGHT = (int) number("REL_MAX_IN_FLIGHT", 64);
    static final Duration REQUEST_TIMEOUT = duration("REL_REQUEST_TIMEOUT", "30s");
    static final Duration CONNECT_TIMEOUT = duration("REL_CONNECT_TIMEOUT", "5s");

    private Params() {
    }

    /** the parameters of one command (FAULTS_ or LOAD_) and the shared REL_ ones, as NAME=value */
    static String describe(String prefix) {
        StringBuilder sb = new StringBuilder();
        USED.forEach((k, v) -> {
            if (k.startsWith(prefix) || k.startsWith("REL_")) {
                sb.append(k).append('=').append(v).append(' ');
            }
        });
        return sb.toString().trim();
    }

    private static String text(String name, String def) {
        String v = System.getenv(name);
        v = v == null || v.isBlank() ? def : v.trim();
        USED.put(name, v);
        return v;
    }

    private static double number(String name, double def) {
        return Double.parseDouble(text(name, def == Math.rint(def) ? Long.toString((long) def) : Double.toString(def)));
    }

    static Duration duration(String name, String def) {
        return parseDuration(text(name, def));
    }

    static Duration parseDuration(String s) {
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("not a duration: " + s + " (use 500ms, 30s, 10m)");
        };
    }

    /** "a=3,b=1" as ordered weights */
    static Map<String, Integer> mix(String spec) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            m.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
        }
        return m;
    }
}
