import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A Markdown report, printed and written under the report directory; plus the small statistics both runs need. */
final class Report {

    private final StringBuilder md = new StringBuilder();
    final List<String> violations = new ArrayList<>();
    /** worth knowing, but neither data loss nor a forbidden answer: reported, the run still passes */
    final List<String> warnings = new ArrayList<>();

    Report line(String s) {
        md.append(s).append('\n');
        return this;
    }

    Report heading(String s) {
        return line("").line("## " + s).line("");
    }

    Report table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        rows.forEach(r -> line("| " + String.join(" | ", r) + " |"));
        return this;
    }

    void violation(String s) {
        violations.add(s);
    }

    void warning(String s) {
        warnings.add(s);
    }

    /** writes the report (with the verdict) and returns its path */
    Path write(String kind) throws IOException {
        heading("Verdict");
        if (violations.isEmpty()) {
            line("PASSED: no violation.");
        } else {
            line("FAILED:");
            violations.forEach(v -> line("- " + v));
        }
        if (!warnings.isEmpty()) {
            line("").line("Warnings (reported; they do not fail the run):");
            warnings.forEach(w -> line("- " + w));
        }
        Path dir = Path.of(Params.REPORT_DIR);
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path file = dir.resolve(kind + "-" + stamp + ".md");
        Files.writeString(file, md.toString());
        Files.writeString(dir.resolve(kind + "-latest.md"), md.toString());
        System.out.println(md);
        return file;
    }

    // ---------------------------------------------------------------- statistics

    static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException ignored) {
            // not Linux: the core count is enough
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + (cpu.isEmpty() ? "" : " (" + cpu + ")")
                + ", " + System.getProperty("os.name") + ", Java " + System.getProperty("java.version");
    }

    static String utc(long millis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(millis)) + " UTC";
    }

    /** "200×12, 503×3" */
    static String statuses(Collection<Traffic.Sample> samples, boolean failuresOnly) {
        Map<Integer, Long> by = new TreeMap<>(samples.stream().filter(s -> !failuresOnly || s.status() / 100 != 2)
                .collect(Collectors.groupingBy(Traffic.Sample::status, Collectors.counting())));
        if (by.isEmpty()) {
            return "–";
        }
        return by.entrySet().stream().map(e -> (e.getKey() < 0 ? "no answer" : e.getKey().toString()) + "×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    static double[] millis(Collection<Traffic.Sample> samples) {
        double[] a = samples.stream().mapToDouble(s -> s.nanos() / 1e6).toArray();
        Arrays.sort(a);
        return a;
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : v < 10 ? String.format("%.1f", v) : String.format("%.0f", v);
    }

    static String mmss(long millis) {
        long sec = Math.round(millis / 1000.0);
        return sec / 60 + ":" + String.format("%02d", sec % 60);
    }

    static String mib(double bytes) {
        return String.format("%.0f", bytes / 1024 / 1024);
    }

    static <T, K> Map<K, List<T>> group(Collection<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    /** least-squares slope of y over x */
    static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0), my = Arrays.stream(y).average().orElse(0);
        double num = 0, den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }
}
