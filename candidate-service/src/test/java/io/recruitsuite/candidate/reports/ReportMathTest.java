package io.recruitsuite.candidate.reports;

import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.candidate.jobs.StageType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The report statistics on a small fixture worked out by hand (the same one ReportsTest builds through the API). */
class ReportMathTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    static OffsetDateTime day(double d) {
        return T0.plusSeconds((long) (d * 86_400));
    }

    @Test
    void percentilesInterpolateBetweenRanksAsPercentileCont() {
        assertNull(ReportMath.percentile(List.of(), 0.5));
        assertEquals(7.0, ReportMath.percentile(List.of(7.0), 0.9));
        assertEquals(11.5, ReportMath.percentile(List.of(12.0, 11.0), 0.5));
        assertEquals(11.9, ReportMath.percentile(List.of(12.0, 11.0), 0.9));
        // [11, 12, 20]: the median is the middle value; p90 sits 0.8 of the way from 12 to 20
        assertEquals(12.0, ReportMath.percentile(List.of(20.0, 11.0, 12.0), 0.5));
        assertEquals(18.4, ReportMath.percentile(List.of(20.0, 11.0, 12.0), 0.9));
        assertEquals(1.5, ReportMath.days(T0, T0.plusHours(36)));
        assertEquals(0.6667, ReportMath.rate(2, 3));
        assertNull(ReportMath.rate(0, 0));
    }

    /**
     * Applications (days from T0): A applied 0, screen 2, interview 5, offer 10, hired 12; B applied 1, screen 4, rejected 6;
     * C applied 2, screen 3, interview 9, hired 13 (skipping the offer); D applied 3, still there.
     */
    @Test
    void pipelineCountsConversionsAndMedianStaysPerStage() {
        List<Stage> stages = List.of(new Stage("s0", "o", "j", "Applied", 0, StageType.APPLIED), new Stage("s1", "o", "j", "Screening", 1,
                StageType.SCREEN), new Stage("s2", "o", "j", "Interview", 2, StageType.INTERVIEW), new Stage("s3", "o", "j", "Offer", 3,
                StageType.OFFER), new Stage("s4", "o", "j", "Hired", 4, StageType.HIRED));
        List<PipelineReport.Visit> visits = List.of(
                visit("A", "s0", 0, 2, false), visit("A", "s1", 2, 5, false), visit("A", "s2", 5, 10, false), visit("A", "s3", 10, 12, false),
                visit("A", "s4", 12, null, false),
                visit("B", "s0", 1, 4, true), visit("B", "s1", 4, 6.0, true),
                visit("C", "s0", 2, 3, false), visit("C", "s1", 3, 9, false), visit("C", "s2", 9, 13, false), visit("C", "s4", 13, null, false),
                visit("D", "s0", 3, null, false));
        List<PipelineReport.StageRow> rows = PipelineReport.compute(stages, visits);
        // stage, entered, active, moved on, rejected, conversion, median days
        assertRow(rows.get(0), 4, 1, 3, 0, 0.75, 2.0);
        assertRow(rows.get(1), 3, 0, 2, 1, 0.6667, 3.0);
        assertRow(rows.get(2), 2, 0, 2, 0, 1.0, 4.5);
        assertRow(rows.get(3), 1, 0, 1, 0, 1.0, 2.0);
        assertRow(rows.get(4), 2, 2, 0, 0, null, null);
    }

    @Test
    void timeToHireMedianAndP90PerJobAndOverall() {
        TimeToHire.Result r = TimeToHire.compute(List.of(
                new TimeToHire.Hire("A", "job1", "Engineer", day(0), day(12)),
                new TimeToHire.Hire("C", "job1", "Engineer", day(2), day(13)),
                new TimeToHire.Hire("E", "job2", "Designer", day(0), day(20))));
        assertEquals(new TimeToHire.Summary(3, 12.0, 18.4), r.overall());
        assertEquals(List.of(new TimeToHire.JobSummary("job1", "Engineer", 2, 11.5, 11.9), new TimeToHire.JobSummary("job2", "Designer", 1, 20.0, 20.0)),
                r.jobs());
        assertEquals(new TimeToHire.Summary(0, null, null), TimeToHire.compute(List.of()).overall());
    }

    static PipelineReport.Visit visit(String app, String stage, double from, Number to, boolean rejected) {
        return new PipelineReport.Visit(app, stage, day(from), to == null ? null : day(to.doubleValue()), rejected);
    }

    static void assertRow(PipelineReport.StageRow row, long entered, long active, long movedOn, long rejected, Double conversion, Double median) {
        assertEquals(List.of(entered, active, movedOn, rejected), List.of(row.entered(), row.active(), row.movedOn(), row.rejected()), row.name());
        assertEquals(conversion, row.conversion(), row.name());
        assertEquals(median, row.medianDaysInStage(), row.name());
    }
}
