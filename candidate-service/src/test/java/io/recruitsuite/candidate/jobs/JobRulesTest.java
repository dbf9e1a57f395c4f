package io.recruitsuite.candidate.jobs;

import io.recruitsuite.common.error.ApiException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JobRulesTest {

    static final JobsConfig LIMITS = new JobsConfig() {
        public List<String> defaultStages() { return List.of("Applied", "Hired"); }
        public int maxStages() { return 3; }
        public int maxStageName() { return 10; }
        public int maxTitle() { return 20; }
        public int maxText() { return 100; }
        public int maxField() { return 10; }
        public int maxOpenings() { return 5; }
    };
    final JobRules rules = new JobRules(LIMITS);
    final OffsetDateTime t0 = OffsetDateTime.parse("2026-01-10T08:30:00Z");
    final OffsetDateTime t1 = OffsetDateTime.parse("2026-01-15T10:00:00Z");

    Job job(JobStatus status, OffsetDateTime publishedAt, OffsetDateTime closedAt) {
        return new Job("job_1", "org", "T", null, null, null, null, status, publishedAt, closedAt, t0, t0);
    }

    @Test
    void stagesDefaultWhenAbsentAndMustBeFewShortAndDistinct() {
        assertEquals(List.of("Applied", "Hired"), rules.stages(null));
        assertEquals(List.of("A", "B"), rules.stages(List.of(" A ", "B")));
        assertThrows(ApiException.class, () -> rules.stages(List.of()));
        assertThrows(ApiException.class, () -> rules.stages(List.of("A", "B", "C", "D")));
        assertThrows(ApiException.class, () -> rules.stages(List.of("Interview", "interview")));
        assertThrows(ApiException.class, () -> rules.stages(List.of("far too long a name")));
        assertThrows(ApiException.class, () -> rules.stages(List.of(" ")));
    }

    @Test
    void publishingStampsOnceClosingStampsAndReopeningClears() {
        Job published = rules.withStatus(job(JobStatus.DRAFT, null, null), JobStatus.PUBLISHED, t1);
        assertEquals(t1, published.publishedAt());
        Job closed = rules.withStatus(published, JobStatus.CLOSED, t1.plusDays(1));
        assertEquals(t1, closed.publishedAt());
        assertEquals(t1.plusDays(1), closed.closedAt());
        Job reopened = rules.withStatus(closed, JobStatus.PUBLISHED, t1.plusDays(2));
        assertEquals(t1, reopened.publishedAt(), "the first publication stays the publication date");
        assertNull(reopened.closedAt());
        assertThrows(ApiException.class, () -> rules.withStatus(published, JobStatus.DRAFT, t1));
        assertEquals(published, rules.withStatus(published, JobStatus.PUBLISHED, t1.plusDays(3)));
    }

    @Test
    void fieldsAreTrimmedBlankIsAbsentAndLimitsHold() {
        assertEquals("Backend", rules.title("  Backend "));
        assertThrows(ApiException.class, () -> rules.title(" "));
        assertThrows(ApiException.class, () -> rules.title("x".repeat(21)));
        assertNull(rules.field("location", "  "));
        assertThrows(ApiException.class, () -> rules.field("location", "x".repeat(11)));
        assertEquals("location: at most 10 characters",
                assertThrows(ApiException.class, () -> rules.field("location", "x".repeat(11))).getMessage());
    }
}
