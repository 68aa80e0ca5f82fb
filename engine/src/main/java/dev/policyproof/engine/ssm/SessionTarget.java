package dev.policyproof.engine.ssm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The node a session connects to: an EC2 instance ({@code arn:aws:ec2:REGION:ACCOUNT:instance/i-...}) or a managed
 * instance ({@code arn:aws:ssm:REGION:ACCOUNT:managed-instance/mi-...}), with its tags.
 */
public record SessionTarget(String arn, Map<String, String> tags) {

    public SessionTarget {
        Objects.requireNonNull(arn, "arn");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public static SessionTarget instance(String partition, String region, String account, String instanceId) {
        return new SessionTarget("arn:" + partition + ":ec2:" + region + ":" + account + ":instance/" + instanceId, Map.of());
    }

    public static SessionTarget managedInstance(String partition, String region, String account, String id) {
        return new SessionTarget(
                "arn:" + partition + ":ssm:" + region + ":" + account + ":managed-instance/" + id, Map.of());
    }

    /** Returns a copy with one more tag. */
    public SessionTarget withTag(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(tags);
        more.put(key, value);
        return new SessionTarget(arn, more);
    }

    String field(int index) {
        String[] fields = arn.split(":", 6);
        return fields.length == 6 ? fields[index] : "";
    }

    public String partition() {
        return field(1);
    }

    public String region() {
        return field(3);
    }

    public String account() {
        return field(4);
    }

    @Override
    public String toString() {
        return tags.isEmpty() ? arn + " (no tags)" : arn + " (tags: " + formatTags() + ")";
    }

    private String formatTags() {
        StringBuilder text = new StringBuilder();
        tags.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(value));
        return text.toString();
    }
}
