import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A customer's webhook endpoint on 127.0.0.1: answers 200 to every POST, keeps what arrived and
 * checks the X-Webhook-Signature. It can be stopped (connections are refused) and started again on
 * the same port.
 */
final class Receiver {

    record Delivery(String eventId, String type, String candidateId, String documentId, long atMillis, boolean signed) {
    }

    final String name;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    volatile String secret;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private HttpServer server;
    private int port;

    Receiver(String name) {
        this.name = name;
    }

    synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        port = server.getAddress().getPort();
    }

    synchronized void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/" + name;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        Object json = Json.tryParse(text);
        boolean signed = secret != null && hmacHex(secret, body).equals(ex.getRequestHeaders().getFirst("X-Webhook-Signature"));
        deliveries.add(new Delivery(Json.str(json, "id"), Json.str(json, "type"), Json.str(json, "data", "candidateId"),
                Json.str(json, "data", "documentId"), System.currentTimeMillis(), signed));
        ex.sendResponseHeaders(200, -1);
        ex.close();
    }

    static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
