package io.recruitsuite.webhook;

import io.recruitsuite.common.events.EventAccess;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook migrations, run into a schema of this test's own in the test database: endpoints made before a migration, then the migration. */
class EndpointScopesMigrationTest {

    /** V6 gives the endpoints made before it the read scopes that keep their deliveries exactly as they were. */
    @Test
    void theMigrationGivesExistingEndpointsTheScopesOfTheirSubscriptions() throws Exception {
        // the test database, as the test profile names it (application.properties); a schema of this test's own
        String url = "jdbc:postgresql://" + env("RS_DB_HOST", "127.0.0.1") + ":5432/recruit_webhooks_test";
        String user = env("RS_DB_USER", "recruit");
        String password = env("RS_DB_PASSWORD", "recruit");
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try {
                Flyway.configure().dataSource(url, user, password).schemas(schema).createSchemas(true).locations("classpath:db/migration")
                        .target("5").load().migrate();
                s.execute("set search_path to " + schema);
                s.execute("insert into webhook_endpoints (id, organization_id, url, events, secret) values "
                        + "('all', 'o', 'https://x', '{}', '\\x00'), ('uploads', 'o', 'https://x', '{document.upload}', '\\x00'), "
                        + "('mixed', 'o', 'https://x', '{search.execute,job.created,key.revoked}', '\\x00'), "
                        + "('feedback', 'o', 'https://x', '{feedback.submit,webhook.test}', '\\x00'), "
                        + "('tests', 'o', 'https://x', '{webhook.test}', '\\x00')");
                Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/migration").load().migrate();
                Map<String, List<String>> expected = Map.of(
                        "all", List.of("candidates:read", "search:read", "jobs:read", "pipeline:read", "applications:read", "webhooks:read",
                                "keys:read"),
                        "uploads", List.of("candidates:read"),
                        "mixed", List.of("candidates:read", "jobs:read", "keys:read", "search:read"),
                        "feedback", List.of("search:read"),
                        "tests", List.of());
                try (ResultSet r = s.executeQuery("select id, read_scopes from webhook_endpoints")) {
                    int n = 0;
                    while (r.next()) {
                        n++;
                        assertEquals(expected.get(r.getString(1)), List.of((String[]) r.getArray(2).getArray()), r.getString(1));
                    }
                    assertEquals(expected.size(), n);
                }
                // and every subscribed type of every endpoint stays deliverable with what it got
                for (var e : Map.of("uploads", List.of("document.upload"), "mixed", List.of("search.execute", "job.created", "key.revoked"),
                        "feedback", List.of("feedback.submit", "webhook.test")).entrySet()) {
                    for (String type : e.getValue()) {
                        assertTrue(EventAccess.canRead(expected.get(e.getKey()), type), e.getKey() + " " + type);
                    }
                }
                assertTrue(EventAccess.showsContact(expected.get("uploads")), "uploads keep candidateName");
                assertTrue(EventAccess.showsContact(expected.get("mixed")), "search.execute keeps its query");
            } finally {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    /**
     * V7: endpoints made before creators were recorded have none (a member's removal disables none of them), and the
     * status of a paused or disabled one gets the reason it could only have had then.
     */
    @Test
    void existingEndpointsGetNoCreatorAndTheReasonOfTheirStatus() throws Exception {
        String url = "jdbc:postgresql://" + env("RS_DB_HOST", "127.0.0.1") + ":5432/recruit_webhooks_test";
        String user = env("RS_DB_USER", "recruit");
        String password = env("RS_DB_PASSWORD", "recruit");
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try {
                Flyway.configure().dataSource(url, user, password).schemas(schema).createSchemas(true).locations("classpath:db/migration")
                        .target("6").load().migrate();
                s.execute("set search_path to " + schema);
                s.execute("insert into webhook_endpoints (id, organization_id, url, events, secret, status) values "
                        + "('a', 'o', 'https://x', '{}', '\\x00', 'active'), ('p', 'o', 'https://x', '{}', '\\x00', 'paused'), "
                        + "('d', 'o', 'https://x', '{}', '\\x00', 'disabled')");
                Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/migration").load().migrate();
                Map<String, String> reasons = new java.util.HashMap<>();
                try (ResultSet r = s.executeQuery("select id, status_reason, creator_user_id, creator_key_prefix from webhook_endpoints")) {
                    while (r.next()) {
                        reasons.put(r.getString(1), String.valueOf(r.getString(2)));
                        assertEquals(null, r.getString(3));
                        assertEquals(null, r.getString(4));
                    }
                }
                assertEquals(Map.of("a", "null", "p", "failing", "d", "gone"), reasons);
            } finally {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
