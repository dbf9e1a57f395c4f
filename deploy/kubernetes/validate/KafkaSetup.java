import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Creates the topics and ACLs of rendered KafkaTopic and KafkaUser objects on the deployed-configuration
 * test's own broker, as Strimzi's Topic and User Operators would. One line per item in the spec file:
 * {@code admin <bootstrap> <user> <password>}, {@code topic <name> <partitions> [key=value ...]},
 * {@code acl <user> <topic|group|cluster|transactionalId> <name> <literal|prefix> <operation> <host>}.
 * Run with the broker's jars: {@code java -cp "kafka/lib/*" KafkaSetup.java spec.txt}.
 */
public class KafkaSetup {
    public static void main(String[] args) throws Exception {
        Properties admin = new Properties();
        List<NewTopic> topics = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.trim().split("\\s+");
            switch (f[0]) {
                case "admin" -> {
                    admin.put("bootstrap.servers", f[1]);
                    admin.put("security.protocol", "SASL_PLAINTEXT");
                    admin.put("sasl.mechanism", "SCRAM-SHA-512");
                    admin.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + f[2] + "\" password=\"" + f[3] + "\";");
                }
                case "topic" -> {
                    Map<String, String> config = new HashMap<>();
                    for (int i = 3; i < f.length; i++) {
                        String[] kv = f[i].split("=", 2);
                        config.put(kv[0], kv[1]);
                    }
                    // one broker here: the replication the manifest asks for is the cluster's business
                    config.remove("min.insync.replicas");
                    topics.add(new NewTopic(f[1], Integer.parseInt(f[2]), (short) 1).configs(config));
                }
                case "acl" -> acls.add(new AclBinding(
                        new ResourcePattern(ResourceType.fromString(f[2]), f[3], f[4].equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL),
                        new AccessControlEntry("User:" + f[1], f[6], AclOperation.fromString(f[5]), AclPermissionType.ALLOW)));
                default -> {
                }
            }
        }
        try (Admin client = Admin.create(admin)) {
            client.createTopics(topics).all().get();
            client.createAcls(acls).all().get();
        }
        System.out.println(topics.size() + " topics, " + acls.size() + " ACLs");
    }
}
