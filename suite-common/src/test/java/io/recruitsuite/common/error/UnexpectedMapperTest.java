package io.recruitsuite.common.error;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What ./suite faults found when PostgreSQL restarted under load: requests answered 500 (a closed
 * connection, "the database system is shutting down") and 400 "body could not be read" (a refused
 * connection is an IOException). Both are the database being unavailable: 503 with Retry-After.
 */
class UnexpectedMapperTest {

    private final ErrorMappers.UnexpectedMapper mapper = new ErrorMappers.UnexpectedMapper();

    private static void assertUnavailable(Response r) {
        assertEquals(503, r.getStatus());
        assertEquals("service_unavailable", ((ErrorEnvelope) r.getEntity()).error().code());
        assertNotNull(r.getHeaderString("Retry-After"));
    }

    @Test
    void aClosedDatabaseConnectionIsA503() {
        assertUnavailable(mapper.toResponse(new CompletionException(ClosedConnectionException.INSTANCE)));
    }

    @Test
    void aRefusedDatabaseConnectionIsA503NotA400() {
        assertUnavailable(mapper.toResponse(new RuntimeException(new ConnectException("Connection refused: /127.0.0.1:5432"))));
    }

    @Test
    void postgresShuttingDownOrStartingIsA503() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006"}) {
            assertUnavailable(mapper.toResponse(new PgException("the database system is shutting down", "FATAL", state, null)));
        }
    }

    @Test
    void otherFailuresKeepTheirMeaning() {
        assertEquals(400, mapper.toResponse(new PgException("invalid byte sequence", "ERROR", "22021", null)).getStatus());
        // as Hibernate Reactive reports it: an SQLException with the state, wrapped, no PgException in the chain
        assertEquals(400, mapper.toResponse(new RuntimeException(new java.sql.SQLException("invalid byte sequence for encoding", "22021")))
                .getStatus());
        assertEquals(400, mapper.toResponse(new UncheckedIOException(new IOException("Connection reset by peer"))).getStatus());
        assertEquals(500, mapper.toResponse(new PgException("relation does not exist", "ERROR", "42P01", null)).getStatus());
        assertEquals(500, mapper.toResponse(new IllegalStateException("bug")).getStatus());
    }
}
