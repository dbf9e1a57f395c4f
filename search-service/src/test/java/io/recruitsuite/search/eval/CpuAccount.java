package io.recruitsuite.search.eval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during a stretch of the benchmark (Linux only; zeros elsewhere): the model's passage
 * threads ({@code search-embedding-*}), the JIT compiler, the rest of this JVM (consumer, SQL and HTTP clients, GC), and
 * everything outside it (PostgreSQL, the broker), plus what stayed idle. Shares of the machine's capacity.
 */
final class CpuAccount {

    private static final String MODEL_THREADS = "search-embedding-";
    /** /proc counts CPU in USER_HZ ticks, 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long machineBusy;
    private final long machineTotal;
    private final long jvm;
    private final long model;
    private final long jit;
    private final long database;
    private final long broker;

    private CpuAccount(long machineBusy, long machineTotal, long jvm, long model, long jit, long database, long broker) {
        this.machineBusy = machineBusy;
        this.machineTotal = machineTotal;
        this.jvm = jvm;
        this.model = model;
        this.jit = jit;
        this.database = database;
        this.broker = broker;
    }

    /** The counters now (nanoseconds of CPU; the machine's in clock ticks converted to nanoseconds). */
    static CpuAccount now() {
        long[] machine = machine();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long model = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(MODEL_THREADS)) {
                model += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000;
        long[] servers = servers();
        return new CpuAccount(machine[0], machine[1], os.getProcessCpuTime(), model, jit, servers[0], servers[1]);
    }

    /** The shares between {@code before} and now, as one line of the report. */
    static String since(CpuAccount before) {
        CpuAccount after = now();
        double total = after.machineTotal - before.machineTotal;
        if (total <= 0) {
            return "CPU accounting unavailable";
        }
        double model = (after.model - before.model) / total;
        double jit = (after.jit - before.jit) / total;
        double jvm = (after.jvm - before.jvm) / total;
        double busy = (after.machineBusy - before.machineBusy) / total;
        double database = (after.database - before.database) / total;
        double broker = (after.broker - before.broker) / total;
        return String.format(Locale.ROOT, "machine busy %.0f %%: model threads %.0f %%, JIT (elapsed) %.0f %%, rest of the JVM %.0f %%, "
                        + "PostgreSQL %.0f %%, broker %.0f %%, other processes %.0f %%", 100 * busy, 100 * model, 100 * jit,
                100 * Math.max(0, jvm - model - jit), 100 * database, 100 * broker, 100 * Math.max(0, busy - jvm - database - broker));
    }

    /**
     * CPU time of PostgreSQL's processes (with the backends that ended, reaped by the postmaster) and of the Kafka broker, in
     * nanoseconds: the machine's servers, whoever else uses them.
     */
    private static long[] servers() {
        long database = 0;
        long broker = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime, stime, cutime, cstime: fields 14-17 of stat, 12-15 after the command
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    if (comm.startsWith("postgres")) {
                        database += ticks;
                    } else if (comm.equals("java") && Files.readString(p.resolve("cmdline")).contains("kafka.Kafka")) {
                        broker += ticks;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while it was read
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
        return new long[]{database * NANOS_PER_TICK, broker * NANOS_PER_TICK};
    }

    /** Busy and total CPU time of all cores from /proc/stat, in nanoseconds. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += v;
                }
            }
            return new long[]{busy * NANOS_PER_TICK, total * NANOS_PER_TICK};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
