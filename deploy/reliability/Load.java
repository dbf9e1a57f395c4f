import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ./suite load: a mixed read/write/search load through the gateway at a fixed rate for a bounded
 * time; latency percentiles by operation, errors by status, and each service's memory sampled
 * every minute (heap retained after a full GC, and RSS) with a growth-trend verdict.
 * Exit 1 on a 500, a request without answer, or a memory growth trend.
 */
public final class Load {

    record Memory(long atMillis, String service, double heap, double rss) {
    }

    private final Api api = new Api();
    private final Report report = new Report();
    private final List<Memory> memory = new ArrayList<>();
    private final long t0 = System.currentTimeMillis();

    public static void main(String[] args) throws Exception {
        System.exit(new Load().run() ? 0 : 1);
    }

    boolean run() throws Exception {
        String runId = Long.toString(t0 % 100_000_000, 36);
        String org = api.organization("Reliability load " + runId, "enterprise");
        String key = api.key(org, "load", Api.ALL_SCOPES);
        Receiver receiver = new Receiver("load");
        receiver.start();
        String[] hook = api.webhook(key, receiver.url(), Faults.EVENTS);
        receiver.secret = hook[1];
        Traffic traffic = new Traffic(api, List.of(key), Params.LOAD_RATE, Params.mix(Params.LOAD_MIX), runId);

        System.out.printf("seeding %d candidates with CV text%n", Params.LOAD_SEED_CANDIDATES);
        for (int i = 0; i < Params.LOAD_SEED_CANDIDATES; i++) {
            traffic.run("seed", "seed");
        }
        traffic.phase = "warmup";
        traffic.start();
        System.out.printf("warming up for %d s at %.1f requests/s%n", Params.LOAD_WARMUP.toSeconds(), Params.LOAD_RATE);
        Faults.sleep(Params.LOAD_WARMUP);
        traffic.phase = "measure";
        long start = System.currentTimeMillis();
        long end = start + Params.LOAD_DURATION.toMillis();
        System.out.printf("measuring for %d min%n", Params.LOAD_DURATION.toMinutes());
        for (long next = start; ; next += Params.LOAD_MEMORY_EVERY.toMillis()) {
            Faults.sleep(Duration.ofMillis(Math.max(0, Math.min(next, end) - System.currentTimeMillis())));
            if (System.currentTimeMillis() >= end) {
                break;
            }
            sampleMemory();
            long measured = traffic.samples.stream().filter(s -> s.phase().equals("measure")).count();
            System.out.printf("[%s] %d requests measured%n", Report.utc(System.currentTimeMillis()), measured);
        }
        traffic.phase = "after";
        long stop = System.currentTimeMillis();
        traffic.stop();
        sampleMemory();

        List<Traffic.Sample> measured = traffic.samples.stream().filter(s -> s.phase().equals("measure")).toList();
        double seconds = (stop - start) / 1000.0;
        long ok = measured.stream().filter(s -> s.status() / 100 == 2).count();
        long skipped = traffic.skipped.stream().filter("measure"::equals).count();
        report.line("# ./suite load — " + Report.utc(t0)).line("")
                .line("Machine: " + Report.machine() + ". Revision: " + Params.REVISION + ". Parameters: `" + Params.describe("LOAD_") + "`.").line("")
                .line("Measured from " + Report.utc(start) + " to " + Report.utc(stop) + " (" + String.format("%.1f", seconds / 60)
                        + " min) after " + Params.LOAD_SEED_CANDIDATES + " seeded candidates and " + Params.LOAD_WARMUP.toSeconds() + " s of warm-up.");
        report.heading("Throughput and errors");
        report.line(String.format("- sustained: %.2f requests/s sent (target %.1f), %.2f/s answered 2xx; %d beats skipped because %d requests were already in flight",
                measured.size() / seconds, Params.LOAD_RATE, ok / seconds, skipped, Params.MAX_IN_FLIGHT));
        report.line("- errors by status: " + Report.statuses(measured, true));
        report.line("- webhook deliveries received: " + receiver.deliveries.size() + " (" + receiver.deliveries.stream()
                .map(Receiver.Delivery::eventId).distinct().count() + " distinct events)");
        for (Traffic.Sample s : measured) {
            if (s.status() == 500 || s.status() < 0) {
                report.violation((s.status() < 0 ? "no answer" : "500") + " for " + s.op() + " at " + Report.utc(s.startMillis())
                        + (s.error() == null ? "" : " (" + s.error() + ")"));
            }
        }
        report.heading("Latency by operation (ms, from send to the whole answer)");
        List<List<String>> rows = new ArrayList<>();
        Report.group(measured, Traffic.Sample::op).forEach((op, ss) -> {
            double[] ms = Report.millis(ss);
            rows.add(List.of(op + " " + endpoint(op), Integer.toString(ss.size()), String.format("%.2f", ss.size() / seconds),
                    Report.ms(Report.percentile(ms, 50)), Report.ms(Report.percentile(ms, 95)), Report.ms(Report.percentile(ms, 99)),
                    Report.ms(ms.length == 0 ? Double.NaN : ms[ms.length - 1]), Report.statuses(ss, true)));
        });
        double[] all = Report.millis(measured);
        rows.add(List.of("**all**", Integer.toString(measured.size()), String.format("%.2f", measured.size() / seconds),
                Report.ms(Report.percentile(all, 50)), Report.ms(Report.percentile(all, 95)), Report.ms(Report.percentile(all, 99)),
                Report.ms(all.length == 0 ? Double.NaN : all[all.length - 1]), Report.statuses(measured, true)));
        report.table(List.of("operation", "requests", "per s", "p50", "p95", "p99", "max", "errors"), rows);
        report.heading("Over time (windows of " + Report.mmss(Params.LOAD_WINDOW.toMillis()) + ", m:ss)");
        List<List<String>> windows = new ArrayList<>();
        long w = Params.LOAD_WINDOW.toMillis();
        Report.group(measured, s -> (s.startMillis() - start) / w).forEach((i, ss) -> {
            double[] ms = Report.millis(ss);
            double len = Math.min(w, stop - start - i * w) / 1000.0;
            windows.add(List.of(Report.mmss(i * w) + "–" + Report.mmss(Math.min((i + 1) * w, stop - start)),
                    String.format("%.2f", ss.size() / len), Report.ms(Report.percentile(ms, 50)), Report.ms(Report.percentile(ms, 95)),
                    Report.ms(Report.percentile(ms, 99)), Report.statuses(ss, true)));
        });
        report.table(List.of("window", "requests/s", "p50", "p95", "p99", "errors"), windows);
        memoryReport();
        report.write("load");
        return report.violations.isEmpty();
    }

    private static String endpoint(String op) {
        return switch (op) {
            case "get" -> "`GET /candidates/{id}`";
            case "list" -> "`GET /candidates?limit=20`";
            case "search" -> "`POST /search`";
            case "create" -> "`POST /candidates`";
            case "patch" -> "`PATCH /candidates/{id}`";
            case "upload" -> "`POST /candidates/upload` (multipart)";
            default -> "";
        };
    }

    /** "svc pid heap-after-full-gc-bytes rss-bytes" per line, from ./suite _rel load memory */
    private void sampleMemory() {
        long now = System.currentTimeMillis();
        for (String line : Stack.run("memory").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4) {
                memory.add(new Memory(now, f[0], Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        }
    }

    private void memoryReport() {
        report.heading("Memory (MiB): heap retained after a full GC / RSS, sampled every " + Params.LOAD_MEMORY_EVERY.toSeconds() + " s");
        Map<String, List<Memory>> by = Report.group(memory, Memory::service);
        List<Long> times = memory.stream().map(Memory::atMillis).distinct().sorted().toList();
        List<String> header = new ArrayList<>(List.of("time (m:ss)"));
        header.addAll(by.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (long t : times) {
            List<String> row = new ArrayList<>(List.of(Report.mmss(t - times.get(0))));
            for (List<Memory> ms : by.values()) {
                row.add(ms.stream().filter(m -> m.atMillis() == t).findFirst()
                        .map(m -> Report.mib(m.heap()) + " / " + Report.mib(m.rss())).orElse("–"));
            }
            rows.add(row);
        }
        report.table(header, rows);
        report.heading("Memory trend");
        report.line("Growth when the mean of the last third of the samples exceeds the first third's by more than "
                + Math.round(Params.LOAD_GROWTH_TOLERANCE * 100) + " % and the least-squares slope exceeds "
                + Params.LOAD_GROWTH_SLOPE_MIB_PER_HOUR + " MiB/h.").line("");
        List<List<String>> trend = new ArrayList<>();
        by.forEach((svc, ms) -> {
            for (String what : List.of("heap", "rss")) {
                double[] y = ms.stream().mapToDouble(m -> (what.equals("heap") ? m.heap() : m.rss()) / 1024 / 1024).toArray();
                double[] x = ms.stream().mapToDouble(m -> (m.atMillis() - t0) / 3_600_000.0).toArray();
                int third = Math.max(1, y.length / 3);
                double first = mean(y, 0, third), last = mean(y, y.length - third, y.length);
                double slope = Report.slope(x, y);
                boolean grows = last > first * (1 + Params.LOAD_GROWTH_TOLERANCE) && slope > Params.LOAD_GROWTH_SLOPE_MIB_PER_HOUR;
                trend.add(List.of(svc, what, String.format("%.0f", first), String.format("%.0f", last), String.format("%+.1f", slope),
                        grows ? "**growing**" : "no growth trend"));
                if (grows && what.equals("heap")) {
                    report.violation(svc + ": retained heap grows (" + String.format("%.0f → %.0f MiB, %+.1f MiB/h", first, last, slope) + ")");
                }
            }
        });
        report.table(List.of("service", "memory", "first third (MiB)", "last third (MiB)", "slope (MiB/h)", "verdict"), trend);
    }

    private static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }
}
