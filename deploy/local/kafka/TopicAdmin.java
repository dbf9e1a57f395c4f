import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Topic housekeeping for the local broker, run from the broker's own jars:
 * {@code java -cp ".suite/kafka/lib/*" deploy/local/kafka/TopicAdmin.java delete-prefix BOOTSTRAP PREFIX...}
 * deletes the topics whose names start with one of the prefixes (what one test run created); {@code list BOOTSTRAP}
 * prints every topic.
 */
public class TopicAdmin {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TopicAdmin list BOOTSTRAP | delete-prefix BOOTSTRAP PREFIX...");
            System.exit(2);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1],
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20000))) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().sorted().toList();
            switch (args[0]) {
                case "list" -> topics.forEach(System.out::println);
                case "delete-prefix" -> {
                    List<String> prefixes = Arrays.asList(args).subList(2, args.length);
                    List<String> doomed = topics.stream().filter(t -> prefixes.stream().anyMatch(p -> !p.isEmpty() && t.startsWith(p))).toList();
                    if (!doomed.isEmpty()) {
                        admin.deleteTopics(doomed).all().get(60, TimeUnit.SECONDS);
                    }
                    System.out.println("deleted " + doomed.size() + " topics");
                }
                default -> {
                    System.err.println("unknown command " + args[0]);
                    System.exit(2);
                }
            }
        }
    }
}
