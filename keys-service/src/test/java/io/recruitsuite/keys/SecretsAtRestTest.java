package io.recruitsuite.keys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.keys.KeysApi.createOrganization;
import static io.recruitsuite.keys.KeysApi.issueKeySecret;
import static io.recruitsuite.keys.KeysApi.verify;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database and the logs never hold an API key in plain text. */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    Pool pool;

    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final ExtHandler capture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            logLines.add(record.getFormattedMessage() + " " + (record.getThrown() == null ? "" : record.getThrown()));
        }
    };

    @BeforeEach
    void captureLogs() {
        LogManager.getLogManager().getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        LogManager.getLogManager().getLogger("").removeHandler(capture);
    }

    private String scalar(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
    }

    @Test
    void noPlaintextKeyInAnyTableOrLogLine() {
        String org = createOrganization("enterprise");
        String key = issueKeySecret(org, "candidates:read");
        verify(key);
        verify(key.substring(0, key.length() - 1) + "x");
        RestAssured.given().contentType("application/json").body(Map.of("key", key)).post("/internal/v1/keys/verify");

        String secretPart = key.substring(17);
        List<String> tables = List.of(scalar("select string_agg(table_name, ',') from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE'").split(","));
        assertTrue(tables.contains("api_keys") && tables.contains("outbox"), tables.toString());
        for (String table : tables) {
            String dump = scalar("select coalesce(string_agg(t::text, E'\\n'), '') from \"" + table + "\" t");
            assertFalse(dump.contains(secretPart), "plaintext key material in table " + table);
        }
        for (String line : logLines) {
            assertFalse(line.contains(secretPart), "plaintext key in a log line: " + line);
        }
    }
}
