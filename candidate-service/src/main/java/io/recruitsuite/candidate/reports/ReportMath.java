package io.recruitsuite.candidate.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** The statistics of the reports, free of persistence so a hand-computed fixture can check them alone. */
public final class ReportMath {

    private static final double SECONDS_PER_DAY = 86_400d;

    private ReportMath() {
    }

    /** Days from {@code from} to {@code to}, fractional (a stay of 36 hours is 1.5 days). */
    public static double days(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).toMillis() / 1000d / SECONDS_PER_DAY;
    }

    /**
     * The {@code p} quantile (0 to 1) by linear interpolation between the closest ranks, as PostgreSQL's
     * {@code percentile_cont}: the median of an even count is the mean of the two middle values. Null for no values.
     */
    public static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        double rank = p * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        double value = sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
        return round(value);
    }

    /** Two decimals, half up: what the reports show. */
    public static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code part / whole} to four decimals, or null when {@code whole} is 0 (no rate to speak of). */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
