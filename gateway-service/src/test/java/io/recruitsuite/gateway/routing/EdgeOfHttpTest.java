package io.recruitsuite.gateway.routing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented URI limit is the gateway's, in the envelope; query values may contain encoded slashes.
 * (A request line the HTTP parser itself cannot read, over 128 KB or with characters a URI may not
 * hold such as a raw backslash, is answered by Vert.x before any handler: a bare 400/414.)
 */
@QuarkusTest
class EdgeOfHttpTest {

    @TestHTTPResource("/")
    URL base;

    String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static void assertEnvelope(String answer, String status, String code) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertTrue(answer.contains("\"error\"") && answer.contains("\"code\":\"" + code + "\""), "in the envelope:\n" + answer);
    }

    @Test
    void aUriOverTheDocumentedLimitIsRefusedInTheEnvelope() throws IOException {
        assertEnvelope(raw("GET /api/v1/candidates?q=" + "a".repeat(9_000) + " HTTP/1.1"), "400", "validation_error");
    }

    @Test
    void encodedSlashesInAQueryValueAreNotAMalformedPath() throws IOException {
        // no credentials: the answer is the 401 of authentication, not a 400 about the path
        assertEnvelope(raw("GET /api/v1/candidates?q=a%2Fb%5Cc%2E HTTP/1.1"), "401", "unauthorized");
    }

    @Test
    void managementEndpointsAreNotOnThePublicPortHoweverThePathIsSpelt() throws IOException {
        for (String path : new String[]{"/q/metrics", "/q/health/ready", "/q/openapi", "/api/v1/docs/../../../q/metrics",
                "/api/v1/docs/%2e%2e/%2e%2e/q/health"}) {
            String answer = raw("GET " + path + " HTTP/1.1");
            assertTrue(answer.startsWith("HTTP/1.1 404") || answer.startsWith("HTTP/1.1 400"), path + ":\n" + answer);
        }
    }

    @Test
    void theApiExplorerIsOnThePublicPort() throws IOException {
        String answer = raw("GET /api/v1/docs/ HTTP/1.1");
        assertTrue(answer.startsWith("HTTP/1.1 200") && answer.toLowerCase().contains("swagger"), answer);
    }

    @Test
    void theApiRouteCoversTheVersionRootAndWhatIsUnderItOnly() throws IOException {
        assertTrue(raw("GET /api/v1 HTTP/1.1").startsWith("HTTP/1.1 200"), "the discovery document");
        assertTrue(raw("GET /api/v1/ HTTP/1.1").startsWith("HTTP/1.1 200"), "the discovery document");
        // under /api/v1, an unknown path is the API's own 404, which names what was asked for
        String unknown = raw("GET /api/v1/no-such-resource HTTP/1.1");
        assertEnvelope(unknown, "404", "not_found");
        assertTrue(unknown.contains("No such endpoint: GET /api/v1/no-such-resource"), unknown);
        // a path that only begins like the API is not the API's: the server's plain 404, still in the envelope
        String beside = raw("GET /api/v1x/candidates HTTP/1.1");
        assertEnvelope(beside, "404", "not_found");
        assertTrue(!beside.contains("No such endpoint"), beside);
    }

    @Test
    void aNulInAQueryValueIsRefusedAtTheDoor() throws IOException {
        assertEnvelope(raw("GET /api/v1/candidates?search=a%00b HTTP/1.1"), "400", "validation_error");
    }
}
