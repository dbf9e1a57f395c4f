package io.recruitsuite.gateway.e2e;

import io.recruitsuite.gateway.e2e.E2eSupport.Req;
import io.recruitsuite.gateway.e2e.E2eSupport.Resp;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.gateway.e2e.E2eSupport.ALL_SCOPES;
import static io.recruitsuite.gateway.e2e.E2eSupport.contractViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hiring workflow's resources (issue 17) are as isolated as the rest: organization A holds one of each, and
 * organization B, with every scope, gets a 404 for each of A's ids on every operation that names one, never sees
 * them in a list or a report, and changes nothing of A's.
 */
@org.junit.jupiter.api.Order(3)
class HiringIsolationIT {

    private final List<String> problems = new ArrayList<>();

    @Test
    void anotherOrganizationNeverReachesAsHiringWorkflow() {
        Tenant a = Tenant.create("Hiring isolation A", ALL_SCOPES);
        Tenant b = Tenant.create("Hiring isolation B", ALL_SCOPES);
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        String secret = "quillfeather" + E2eSupport.randomWord(6);

        String candidate = a.create("/api/v1/candidates", Map.of("name", "Hira " + secret, "email", secret + "@example.com",
                "cvText", "Theatre nurse " + secret, "filename", "hira.txt"), "candidate");
        String campaign = a.create("/api/v1/campaigns", Map.of("name", "Drive " + secret, "status", "active"), "campaign");
        String job = a.create("/api/v1/jobs", Map.of("title", "Job " + secret, "status", "published", "campaignId", campaign), "job");
        String application = a.create("/api/v1/applications", Map.of("candidateId", candidate, "jobId", job), "application");
        String agent = a.create("/api/v1/agents", Map.of("name", "Agent " + secret, "language", "en", "instructions", "Ask about " + secret,
                "questions", List.of("Why " + secret + "?")), "agent");
        String interview = a.create("/api/v1/interviews", Map.of("applicationId", application, "kind", "video",
                "startsAt", day + "T10:00:00Z", "durationMinutes", 30, "interviewers", List.of("lead@a.example"),
                "videoUrl", "https://meet.example.com/" + secret), "interview");
        a.create("/api/v1/interviews/" + interview + "/scorecards", Map.of("interviewer", "lead@a.example",
                "recommendation", "yes", "ratings", Map.of("skill", 3), "notes", "Notes " + secret), "scorecard");
        String assessment = a.create("/api/v1/assessments", Map.of("applicationId", application, "name", "Test " + secret,
                "provider", "acme", "dueAt", day + "T12:00:00Z"), "assessment");
        String task = a.create("/api/v1/tasks", Map.of("title", "Task " + secret, "dueAt", day + "T17:00:00Z",
                "assignee", "lead@a.example", "applicationId", application), "task");
        String meeting = a.create("/api/v1/meetings", Map.of("title", "Meeting " + secret, "startsAt", day + "T13:00:00Z",
                "endsAt", day + "T13:30:00Z", "attendees", List.of("lead@a.example")), "meeting");
        String prospect = a.create("/api/v1/prospects", Map.of("firstName", "Pro", "lastName", secret,
                "email", "pro." + secret + "@example.com", "source", "referral"), "prospect");
        Resp documents = a.get("/api/v1/candidates/" + candidate + "/documents");
        String document = documents.json().path("data").path(0).path("id").asText();
        String bJob = b.create("/api/v1/jobs", Map.of("title", "B job", "status", "published"), "job");

        // every operation that names one of A's ids
        for (Req req : List.of(
                new Req("GET", "/api/v1/campaigns/" + campaign),
                new Req("PATCH", "/api/v1/campaigns/" + campaign).json(Map.of("name", "taken")),
                new Req("POST", "/api/v1/campaigns/" + campaign + "/jobs").json(Map.of("jobId", bJob)),
                new Req("DELETE", "/api/v1/campaigns/" + campaign + "/jobs/" + job),
                new Req("GET", "/api/v1/agents/" + agent),
                new Req("PATCH", "/api/v1/agents/" + agent).json(Map.of("name", "taken")),
                new Req("GET", "/api/v1/interviews/" + interview),
                new Req("PATCH", "/api/v1/interviews/" + interview).json(Map.of("durationMinutes", 45)),
                new Req("POST", "/api/v1/interviews/" + interview + "/cancel").json(Map.of("reason", "taken")),
                new Req("GET", "/api/v1/interviews/" + interview + "/scorecards"),
                new Req("POST", "/api/v1/interviews/" + interview + "/scorecards").json(Map.of("interviewer", "mallory@b.example",
                        "recommendation", "strong_no", "ratings", Map.of("skill", 1))),
                new Req("POST", "/api/v1/interviews").json(Map.of("applicationId", application, "kind", "phone",
                        "startsAt", day + "T15:00:00Z", "durationMinutes", 30, "interviewers", List.of("mallory@b.example"))),
                new Req("GET", "/api/v1/assessments/" + assessment),
                new Req("PATCH", "/api/v1/assessments/" + assessment).json(Map.of("status", "completed", "score", 1, "passed", false)),
                new Req("POST", "/api/v1/assessments").json(Map.of("applicationId", application, "name", "x", "provider", "x")),
                new Req("GET", "/api/v1/tasks/" + task),
                new Req("PATCH", "/api/v1/tasks/" + task).json(Map.of("status", "done")),
                new Req("GET", "/api/v1/meetings/" + meeting),
                new Req("PATCH", "/api/v1/meetings/" + meeting).json(Map.of("title", "taken")),
                new Req("GET", "/api/v1/prospects/" + prospect),
                new Req("PATCH", "/api/v1/prospects/" + prospect).json(Map.of("source", "taken")),
                new Req("GET", "/api/v1/prospects/" + prospect + "/notes"),
                new Req("POST", "/api/v1/prospects/" + prospect + "/notes").json(Map.of("body", "taken")),
                new Req("POST", "/api/v1/prospects/" + prospect + "/convert").json(Map.of()),
                new Req("GET", "/api/v1/reports/applications/" + application),
                new Req("GET", "/api/v1/reports/pipeline?jobId=" + job),
                new Req("DELETE", "/api/v1/candidates/" + candidate + "/documents/" + document),
                new Req("DELETE", "/api/v1/agents/" + agent),
                new Req("DELETE", "/api/v1/tasks/" + task),
                new Req("DELETE", "/api/v1/meetings/" + meeting),
                new Req("DELETE", "/api/v1/prospects/" + prospect))) {
            Resp r = b.call(req);
            if (r.status() != 404 || contractViolation(r) != null) {
                problems.add("expected 404: " + r.describe());
            }
        }

        // B's lists and reports never show A's rows
        List<String> aIds = List.of(campaign, job, application, agent, interview, assessment, task, meeting, prospect, candidate);
        for (String list : List.of("/api/v1/campaigns", "/api/v1/agents", "/api/v1/interviews", "/api/v1/interviews?applicationId=" + application,
                "/api/v1/assessments", "/api/v1/tasks", "/api/v1/tasks?candidateId=" + candidate, "/api/v1/meetings",
                "/api/v1/prospects", "/api/v1/prospects?search=" + secret, "/api/v1/reports/time-to-hire", "/api/v1/events?limit=100")) {
            Resp r = b.call(new Req("GET", list));
            if (r.status() >= 500 || contractViolation(r) != null) {
                problems.add("list " + r.describe());
            }
            for (String id : aIds) {
                if (r.text().contains(id)) {
                    problems.add("B's " + list + " shows A's " + id);
                }
            }
            if (r.text().contains(secret)) {
                problems.add("B's " + list + " shows A's text");
            }
        }

        // A still has everything, unchanged
        for (String path : List.of("/api/v1/campaigns/" + campaign, "/api/v1/agents/" + agent, "/api/v1/interviews/" + interview,
                "/api/v1/assessments/" + assessment, "/api/v1/tasks/" + task, "/api/v1/meetings/" + meeting,
                "/api/v1/prospects/" + prospect, "/api/v1/candidates/" + candidate + "/documents")) {
            Resp r = a.get(path);
            if (r.status() != 200 || r.text().contains("taken")) {
                problems.add("A lost or saw changed " + path + ": " + r.describe());
            }
        }
        assertEquals("scheduled", a.get("/api/v1/interviews/" + interview).json().path("data").path("status").asText());
        assertEquals(1, a.get("/api/v1/interviews/" + interview + "/scorecards").json().path("data").size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
