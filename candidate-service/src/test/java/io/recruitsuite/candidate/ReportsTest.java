package io.recruitsuite.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.ApplicationsTest.all;
import static io.recruitsuite.candidate.ApplicationsTest.apply;
import static io.recruitsuite.candidate.ApplicationsTest.candidate;
import static io.recruitsuite.candidate.ApplicationsTest.job;
import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/**
 * The reports on a fixture built through the API, its times then set to known days in the database (a test cannot wait
 * days), and the expected figures worked out by hand (ReportMathTest checks the same fixture without a database).
 */
@QuarkusTest
class ReportsTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    @Inject
    Pool pool;

    static RequestSpecification reports(String org) {
        return as(org, "reports:read").contentType(ContentType.JSON);
    }

    static OffsetDateTime day(double d) {
        return T0.plusSeconds((long) (d * 86_400));
    }

    /** Moves an application through stage positions, then sets its creation and each visit's times to the given days. */
    void history(String org, String app, List<String> stageIds, int[] positions, double[] starts, Double lastEnd) {
        move(org, app, stageIds, positions);
        times(app, stageIds, positions, starts, lastEnd);
    }

    void move(String org, String app, List<String> stageIds, int[] positions) {
        for (int i = 1; i < positions.length; i++) {
            all(org).body(Map.of("stageId", stageIds.get(positions[i]))).post("/api/v1/pipeline/applications/" + app + "/move")
                    .then().statusCode(200);
        }
    }

    void times(String app, List<String> stageIds, int[] positions, double[] starts, Double lastEnd) {
        sql("update applications set created_at = $1 where id = $2", day(starts[0]), app);
        for (int i = 0; i < positions.length; i++) {
            Double end = i + 1 < positions.length ? Double.valueOf(starts[i + 1]) : lastEnd;
            sql("update stage_history set started_at = $1, completed_at = case when completed_at is null then null else cast($2 as timestamptz) end "
                    + "where application_id = $3 and stage_id = $4", day(starts[i]), end == null ? null : day(end), app, stageIds.get(positions[i]));
        }
    }

    void sql(String statement, Object... values) {
        pool.preparedQuery(statement).execute(Tuple.from(values)).await().indefinitely();
    }

    @Test
    void pipelineAndTimeToHireMatchTheHandComputedFixture() {
        String org = TestTokens.newOrganizationId();
        var p = job(org, "Engineer");
        List<String> s = p.stageIds();
        String a = apply(org, candidate(org, "A", null), p.jobId());
        String b = apply(org, candidate(org, "B", null), p.jobId());
        String c = apply(org, candidate(org, "C", null), p.jobId());
        String d = apply(org, candidate(org, "D", null), p.jobId());
        history(org, a, s, new int[]{0, 1, 2, 3, 4}, new double[]{0, 2, 5, 10, 12}, null);
        move(org, b, s, new int[]{0, 1});
        all(org).body(Map.of("reason", "Not a fit")).post("/api/v1/applications/" + b + "/reject").then().statusCode(200);
        times(b, s, new int[]{0, 1}, new double[]{1, 4}, 6.0);
        history(org, c, s, new int[]{0, 1, 2, 4}, new double[]{2, 3, 9, 13}, null);
        history(org, d, s, new int[]{0}, new double[]{3}, null);
        var p2 = job(org, "Designer");
        String e = apply(org, candidate(org, "E", null), p2.jobId());
        history(org, e, p2.stageIds(), new int[]{0, 4}, new double[]{0, 20}, null);

        reports(org).get("/api/v1/reports/pipeline?jobId=" + p.jobId()).then().statusCode(200)
                .body("data.jobId", equalTo(p.jobId())).body("data.title", equalTo("Engineer"))
                .body("data.stages.name", equalTo(List.of("Applied", "Screening", "Interview", "Offer", "Hired")))
                .body("data.stages.type", equalTo(List.of("applied", "screen", "interview", "offer", "hired")))
                .body("data.stages.entered", equalTo(List.of(4, 3, 2, 1, 2)))
                .body("data.stages.active", equalTo(List.of(1, 0, 0, 0, 2)))
                .body("data.stages.movedOn", equalTo(List.of(3, 2, 2, 1, 0)))
                .body("data.stages.rejected", equalTo(List.of(0, 1, 0, 0, 0)))
                .body("data.stages.conversion", equalTo(Arrays.asList(0.75f, 0.6667f, 1.0f, 1.0f, null)))
                .body("data.stages.medianDaysInStage", equalTo(Arrays.asList(2.0f, 3.0f, 4.5f, 2.0f, null)));

        reports(org).get("/api/v1/reports/time-to-hire").then().statusCode(200)
                .body("data.overall.hires", equalTo(3)).body("data.overall.medianDays", equalTo(12.0f)).body("data.overall.p90Days", equalTo(18.4f))
                .body("data.jobs.jobId", equalTo(List.of(p.jobId(), p2.jobId())))
                .body("data.jobs.medianDays", equalTo(List.of(11.5f, 20.0f))).body("data.jobs.p90Days", equalTo(List.of(11.9f, 20.0f)));
        // hires from day 12.5: A (hired on day 12) falls out
        reports(org).get("/api/v1/reports/time-to-hire?from=2026-01-13T12:00:00Z&to=2026-02-01T00:00:00Z").then().statusCode(200)
                .body("data.overall.hires", equalTo(2)).body("data.overall.medianDays", equalTo(15.5f));
        reports(org).get("/api/v1/reports/time-to-hire?jobId=" + p.jobId()).then().body("data.overall.hires", equalTo(2))
                .body("data.jobs", hasSize(1));

        reports(org).get("/api/v1/reports/pipeline").then().statusCode(400).body("error.message", equalTo("jobId: required"));
        reports(org).get("/api/v1/reports/time-to-hire?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").then().statusCode(400);
        reports(org).get("/api/v1/reports/time-to-hire?from=last-week").then().statusCode(400);

        String stranger = TestTokens.newOrganizationId();
        reports(stranger).get("/api/v1/reports/pipeline?jobId=" + p.jobId()).then().statusCode(404);
        reports(stranger).get("/api/v1/reports/time-to-hire").then().statusCode(200).body("data.overall.hires", equalTo(0))
                .body("data.overall.medianDays", nullValue());
        as(org, "jobs:read").get("/api/v1/reports/pipeline?jobId=" + p.jobId()).then().statusCode(403);
    }

    @Test
    void theApplicationReportHasEveryScorecardTheTallyAndEveryAssessment() {
        String org = TestTokens.newOrganizationId();
        var p = job(org, "Analyst");
        String cand = candidate(org, "Report Subject", null);
        String app = apply(org, cand, p.jobId());
        RequestSpecification writer = as(org, "interviews:write", "assessments:write").contentType(ContentType.JSON);
        String first = writer.body(Map.of("applicationId", app, "kind", "phone", "startsAt", "2026-07-01T09:00:00Z", "durationMinutes", 30,
                "interviewers", List.of("usr_a", "usr_b"))).post("/api/v1/interviews").then().statusCode(201).extract().path("data.id");
        String second = as(org, "interviews:write").contentType(ContentType.JSON).body(Map.of("applicationId", app, "kind", "onsite",
                "startsAt", "2026-07-03T09:00:00Z", "durationMinutes", 60, "interviewers", List.of("usr_c"))).post("/api/v1/interviews")
                .then().statusCode(201).extract().path("data.id");
        as(org, "interviews:write").contentType(ContentType.JSON).body(Map.of("interviewer", "usr_a", "recommendation", "yes",
                "ratings", Map.of("sql", 3, "communication", 4))).post("/api/v1/interviews/" + first + "/scorecards").then().statusCode(201);
        as(org, "interviews:write").contentType(ContentType.JSON).body(Map.of("interviewer", "usr_b", "recommendation", "strong_yes",
                "ratings", Map.of("sql", 4))).post("/api/v1/interviews/" + first + "/scorecards").then().statusCode(201);
        as(org, "interviews:write").contentType(ContentType.JSON).body(Map.of("interviewer", "usr_c", "recommendation", "no",
                "ratings", Map.of("communication", 2))).post("/api/v1/interviews/" + second + "/scorecards").then().statusCode(201);
        as(org, "assessments:write").contentType(ContentType.JSON).body(Map.of("applicationId", app, "name", "SQL test", "status", "completed",
                "score", 72, "passed", true)).post("/api/v1/assessments").then().statusCode(201);

        reports(org).get("/api/v1/reports/applications/" + app).then().statusCode(200)
                .body("data.applicationId", equalTo(app)).body("data.candidateId", equalTo(cand))
                .body("data.interviews.interview.id", equalTo(List.of(first, second)))
                .body("data.interviews[0].scorecards.interviewer", equalTo(List.of("usr_a", "usr_b")))
                .body("data.recommendations", equalTo(Map.of("strong_no", 0, "no", 1, "yes", 1, "strong_yes", 1)))
                .body("data.averageRatings.sql", equalTo(3.5f)).body("data.averageRatings.communication", equalTo(3.0f))
                .body("data.assessments.score", equalTo(List.of(72)))
                .body("data", not(hasKey("candidate")));

        reports(TestTokens.newOrganizationId()).get("/api/v1/reports/applications/" + app).then().statusCode(404);
        as(org, "interviews:read").get("/api/v1/reports/applications/" + app).then().statusCode(403);
    }
}
