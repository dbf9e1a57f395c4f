package io.recruitsuite.keys;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replicas that start together each run Flyway at start-up. Flyway's PostgreSQL lock makes one wait
 * for the other, so every migration is applied exactly once and both start. Two migrators race on
 * a fresh schema here, exactly as two pods of a rolling update would on a fresh database.
 */
@QuarkusTest
class ConcurrentMigrationTest {

    @Test
    void twoReplicasMigratingAtOnceApplyEachMigrationOnce() throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        String schema = "migration_race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(replicas.submit(() -> migrate(url, user, password, schema, start)),
                    replicas.submit(() -> migrate(url, user, password, schema, start)));
            start.countDown();
            long applied = 0;
            for (Future<Integer> run : runs) {
                applied += run.get(2, TimeUnit.MINUTES);
            }
            long available = java.util.Arrays.stream(Flyway.configure().dataSource(url, user, password).schemas(schema).load().info().all())
                    .filter(m -> m.getVersion() != null).count();
            assertEquals(available, applied, "between them the two replicas applied every migration once");
            try (Connection c = DriverManager.getConnection(url, user, password);
                 ResultSet r = c.createStatement().executeQuery(
                         "select count(*), count(distinct version), bool_and(success) from " + schema + ".flyway_schema_history where version is not null")) {
                r.next();
                assertEquals(available, r.getLong(1), "one history row per migration");
                assertEquals(available, r.getLong(2));
                assertEquals(true, r.getBoolean(3));
            }
        } finally {
            replicas.shutdownNow();
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static int migrate(String url, String user, String password, String schema, CountDownLatch start) throws InterruptedException {
        start.await();
        return Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/migration")
                .load().migrate().migrationsExecuted;
    }
}
