package dev.policyproof.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys through which a service exposes a resource's tags. {@code aws:ResourceTag/K} is the global key;
 * some services also have their own, and not always the one a reader expects: Session Manager actions on an instance
 * carry {@code ssm:resourceTag/K} but not {@code ec2:ResourceTag/K}.
 *
 * <p>Sources: the Service Authorization Reference pages "Actions, resources, and condition keys for AWS Systems
 * Manager", "... for Amazon EC2" and "... for Amazon EC2 Instance Connect".
 */
public final class ResourceTagKeys {

    private static final String GLOBAL_PREFIX = "aws:ResourceTag/";

    // NOTE: services not listed here get only the global key; the bundled action catalogue will replace this table.
    private static final Map<String, List<String>> PREFIXES_BY_SERVICE = Map.of(
            "ssm", List.of("ssm:resourceTag/", GLOBAL_PREFIX),
            "ec2", List.of("ec2:ResourceTag/", GLOBAL_PREFIX),
            "ec2-instance-connect", List.of("ec2:ResourceTag/", GLOBAL_PREFIX));

    private ResourceTagKeys() {}

    /**
     * Returns the key prefixes, such as {@code ssm:resourceTag/}, under which {@code action} receives resource tags.
     */
    public static List<String> prefixesFor(String action) {
        int colon = action.indexOf(':');
        String service = colon < 0 ? "" : action.substring(0, colon).toLowerCase(Locale.ROOT);
        return PREFIXES_BY_SERVICE.getOrDefault(service, List.of(GLOBAL_PREFIX));
    }

    /** Adds each tag under every key through which {@code action} receives it. */
    public static void addTo(RequestContext.Builder context, String action, Map<String, String> tags) {
        for (String prefix : prefixesFor(action)) {
            tags.forEach((key, value) -> context.put(prefix + key, value));
        }
    }
}
