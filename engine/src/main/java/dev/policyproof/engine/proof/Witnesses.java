package dev.policyproof.engine.proof;

import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a cube into one concrete request: an action of the cube whose resource formats meet the cube's resources if
 * there is one, a resource shaped like a real ARN where the cube allows it, and each constrained context key absent
 * where allowed, else with a member of its value set.
 */
final class Witnesses {

    /** How many actions are tried for an ARN-shaped resource before settling for any member. */
    private static final int ACTIONS_TRIED = 256;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final String DEFAULT_REGION = "us-east-1";

    private final Universe universe;
    private final @Nullable String resourceAccount;

    Witnesses(Universe universe, @Nullable String resourceAccount) {
        this.universe = universe;
        this.resourceAccount = resourceAccount;
    }

    Request request(Cube cube) {
        BitSet principals = cube.principals();
        PrincipalArn principal = universe.principals().get(principals.nextSetBit(0));
        BitSet actions = cube.actions();
        int chosen = actions.nextSetBit(0);
        String resource = null;
        int tried = 0;
        for (int action = chosen; action >= 0 && tried < ACTIONS_TRIED; action = actions.nextSetBit(action + 1)) {
            tried++;
            resource = shapedResource(action, cube.resources(), principal);
            if (resource != null) {
                chosen = action;
                break;
            }
        }
        if (resource == null) {
            resource = anyResource(cube.resources(), principal);
        }
        Request.Builder request = Request.of(universe.actions().name(chosen), resource)
                .context(context(cube))
                .resourceAccount(resourceAccount);
        if (principal.kind() != PrincipalArn.Kind.ANONYMOUS) {
            request.principal(principal.identifier());
        }
        return request.build();
    }

    private String shapedResource(int action, StringSet resources, PrincipalArn principal) {
        for (String format : universe.actions().arnPatterns(action)) {
            StringSet filled = StringSet.arnPattern(fill(format, principal.account(), "?*", false));
            if (!resources.and(filled).isEmpty()) {
                return resources.and(filled).witness();
            }
            StringSet open = StringSet.arnPattern(fill(format, principal.account(), "?*", true));
            if (!resources.and(open).isEmpty()) {
                return resources.and(open).witness();
            }
        }
        return null;
    }

    /** Returns a member of {@code resources}, preferring an ARN in the caller's account with a non-empty name. */
    private static String anyResource(StringSet resources, PrincipalArn principal) {
        String account = principal.hasAccount() ? principal.account() : Scope.DEFAULT_ACCOUNT;
        for (String shape : List.of("arn:aws:?*:" + DEFAULT_REGION + ":" + account + ":?*", "arn:aws:?*:*:*:?*", "?*")) {
            StringSet shaped = resources.and(StringSet.arnPattern(shape));
            if (!shaped.isEmpty()) {
                return shaped.witness();
            }
        }
        return resources.witness();
    }

    /**
     * Fills an ARN format such as {@code arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}}: the
     * partition with aws, and unless {@code open}, the Region and account with defaults; other placeholders become
     * {@code name}.
     */
    private static String fill(String format, String account, String name, boolean open) {
        Matcher matcher = PLACEHOLDER.matcher(format);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String replacement = switch (matcher.group(1)) {
                case "Partition" -> "aws";
                case "Region" -> open ? "*" : DEFAULT_REGION;
                case "Account" -> open || account.isEmpty() ? "*" : account;
                default -> name;
            };
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private RequestContext context(Cube cube) {
        RequestContext.Builder context = RequestContext.builder();
        for (Map.Entry<String, KeyConstraint> entry : cube.keys().entrySet()) {
            List<String> values = entry.getValue().witness();
            if (values == null) {
                continue;
            }
            String key = universe.spelling(entry.getKey());
            if (entry.getValue().multivalued()) {
                context.putAll(key, values);
            } else {
                context.put(key, values.get(0));
            }
        }
        return context.build();
    }
}
