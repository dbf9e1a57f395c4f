package io.recruitsuite.candidate.reports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Days from application to hire: an application is hired when it first enters a stage of type {@code hired}; the report
 * takes the hires in a time range, per job and overall, with their median and 90th percentile (linear interpolation).
 */
public final class TimeToHire {

    private TimeToHire() {
    }

    public record Hire(String applicationId, String jobId, String jobTitle, OffsetDateTime appliedAt, OffsetDateTime hiredAt) {
    }

    public record Summary(long hires, Double medianDays, Double p90Days) {
    }

    public record JobSummary(String jobId, String title, long hires, Double medianDays, Double p90Days) {
    }

    public record Result(Summary overall, List<JobSummary> jobs) {
    }

    /** {@code hires} in any order; jobs come out in the order of their first hire. */
    public static Result compute(List<Hire> hires) {
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> perJob = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        hires.stream().sorted((a, b) -> a.hiredAt().compareTo(b.hiredAt())).forEach(h -> {
            double days = ReportMath.days(h.appliedAt(), h.hiredAt());
            all.add(days);
            perJob.computeIfAbsent(h.jobId(), k -> new ArrayList<>()).add(days);
            titles.putIfAbsent(h.jobId(), h.jobTitle());
        });
        List<JobSummary> jobs = new ArrayList<>();
        perJob.forEach((jobId, days) -> jobs.add(new JobSummary(jobId, titles.get(jobId), days.size(), ReportMath.percentile(days, 0.5),
                ReportMath.percentile(days, 0.9))));
        return new Result(new Summary(all.size(), ReportMath.percentile(all, 0.5), ReportMath.percentile(all, 0.9)), jobs);
    }
}
