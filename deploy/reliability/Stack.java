import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The infrastructure and service actions live in the suite script (`./suite _rel ENV ACTION …`);
 * the driver only says when. Each call blocks until the action is done.
 */
final class Stack {

    private Stack() {
    }

    static String run(String... action) {
        List<String> cmd = new ArrayList<>(List.of(Params.SUITE, "_rel", Params.ENV));
        cmd.addAll(List.of(action));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", action) + " failed (exit " + rc + "): " + out.trim());
            }
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        }
    }
}
