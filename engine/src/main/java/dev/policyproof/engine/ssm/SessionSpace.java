package dev.policyproof.engine.ssm;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ConditionOperator;
import dev.policyproof.engine.Effect;
import dev.policyproof.engine.ElementValues;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Statement;
import dev.policyproof.engine.internal.ArnMatcher;
import dev.policyproof.engine.internal.GlobPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code StartSession} calls that the {@code only*} checks try, chosen to expose the usual mistakes rather than
 * sampled: every AWS-owned session document, the default shell both named and implied, documents in the account and
 * in another account, document names that the policy's own wildcards reach, and targets with the expected tag, with
 * other values, with none, and with every tag the policy's conditions mention. Regions and accounts come from the
 * scope and from the literal fields of the policy's ARNs.
 *
 * <p>NOTE: this is a finite set of representative calls, not a proof over all calls. Names that no wildcard in the
 * policy produces and tag values that no condition mentions are represented by one example each.
 */
public final class SessionSpace {

    /** An account that is not the scope's, for documents shared from elsewhere. */
    static final String OTHER_ACCOUNT = "444455556666";

    /** A document that exists only in the caller's account: a stand-in for a custom shell document. */
    static final String CUSTOM_DOCUMENT = "CustomSessionDocument";

    private static final String INSTANCE_ID = "i-0123456789abcdef0";
    private static final String OTHER_INSTANCE_ID = "i-0fedcba9876543210";
    private static final String MANAGED_INSTANCE_ID = "mi-0123456789abcdef0";

    private final SessionScope scope;
    private final List<String> regions;
    private final List<String> accounts;
    private final Map<String, Set<String>> policyTags;
    private final List<Statement> startSessionStatements;

    private SessionSpace(SessionScope scope, PolicySet policies) {
        this.scope = scope;
        this.startSessionStatements = startSessionAllowStatements(policies);
        Set<String> regionSet = new LinkedHashSet<>(List.of(scope.region()));
        Set<String> accountSet = new LinkedHashSet<>(List.of(scope.account()));
        for (Statement statement : startSessionStatements) {
            statement.resource().ifPresent(resource -> collectFields(resource, regionSet, accountSet));
        }
        this.regions = List.copyOf(regionSet);
        this.accounts = List.copyOf(accountSet);
        this.policyTags = tagsInConditions(policies);
    }

    /** Returns the space for {@code policies}, using the scope's Region and account where the policy leaves them open. */
    public static SessionSpace of(PolicySet policies, SessionScope scope) {
        return new SessionSpace(scope, policies);
    }

    /** Returns every target: tagged as the policy's conditions expect, tagged otherwise, and untagged. */
    public List<SessionTarget> targets(Map<String, String> expectedTags) {
        Set<SessionTarget> targets = new LinkedHashSet<>();
        for (String region : regions) {
            for (String account : accounts) {
                SessionTarget bare = SessionTarget.instance(scope.partition(), region, account, INSTANCE_ID);
                targets.add(withTags(bare, expectedTags));
                targets.add(bare);
                policyTags.forEach((key, values) -> values.forEach(value -> targets.add(bare.withTag(key, value))));
                expectedTags.forEach((key, value) -> tagVariants(value)
                        .forEach(variant -> targets.add(bare.withTag(key, variant))));
                targets.add(SessionTarget.instance(scope.partition(), region, account, OTHER_INSTANCE_ID)
                        .withTag("Name", "other-instance"));
                SessionTarget managed =
                        SessionTarget.managedInstance(scope.partition(), region, account, MANAGED_INSTANCE_ID);
                targets.add(withTags(managed, expectedTags));
                targets.add(managed);
            }
        }
        return List.copyOf(targets);
    }

    /**
     * Returns every document ARN to try for {@code target}, with {@link Optional#empty()} first for a session that
     * names no document.
     */
    public List<Optional<String>> documents(SessionTarget target) {
        Set<Optional<String>> documents = new LinkedHashSet<>();
        documents.add(Optional.empty());
        String partition = target.partition();
        String region = target.region();
        String account = target.account();
        for (SessionDocument document : SessionDocument.AWS_SESSION_DOCUMENTS) {
            documents.add(Optional.of(document.arn(partition, region, account)));
        }
        documents.add(Optional.of(SessionDocument.DEFAULT_SHELL.arn(partition, region, account)));
        documents.add(Optional.of(SessionDocument.inAccount(CUSTOM_DOCUMENT).arn(partition, region, account)));
        documents.add(Optional.of(SessionDocument.inAccount(CUSTOM_DOCUMENT).arn(partition, region, OTHER_ACCOUNT)));
        for (String witness : documentWitnesses(partition, region, account)) {
            documents.add(Optional.of(witness));
        }
        return List.copyOf(documents);
    }

    /** Returns document ARNs that the policy's document patterns match, such as {@code document/Custom} for {@code document/*}. */
    private List<String> documentWitnesses(String partition, String region, String account) {
        List<String> witnesses = new ArrayList<>();
        for (Statement statement : startSessionStatements) {
            Optional<ElementValues> resource = statement.resource();
            if (resource.isEmpty() || resource.get().negated()) {
                continue;
            }
            for (String pattern : resource.get().values()) {
                if (pattern.contains("${")) {
                    continue;
                }
                for (String candidate : instantiate(pattern, partition, region, account)) {
                    if (ArnMatcher.matches(GlobPattern.compile(pattern), candidate)
                            && DocumentArn.parse(candidate) != null) {
                        witnesses.add(candidate);
                    }
                }
            }
        }
        return witnesses;
    }

    private static List<String> instantiate(String pattern, String partition, String region, String account) {
        String[] fields = pattern.split(":", 6);
        if (fields.length != 6) {
            return List.of();
        }
        String resource = fields[5].equals("*") ? "document/" + CUSTOM_DOCUMENT : fill(fields[5], "Custom");
        List<String> candidates = new ArrayList<>();
        for (String owner : List.of(account, "")) {
            candidates.add(String.join(":", "arn",
                    literalOr(fields[1], partition),
                    literalOr(fields[2], "ssm"),
                    literalOr(fields[3], region),
                    fields[4].isEmpty() ? "" : literalOr(fields[4], owner),
                    resource));
        }
        return candidates;
    }

    private static String literalOr(String field, String fallback) {
        return field.contains("*") || field.contains("?") ? fill(field, fallback) : field;
    }

    private static String fill(String pattern, String filler) {
        return pattern.equals("*") ? filler : pattern.replace("*", filler).replace("?", "X");
    }

    private static List<String> tagVariants(String value) {
        return List.of(
                value.toUpperCase(Locale.ROOT).equals(value) ? value.toLowerCase(Locale.ROOT) : value.toUpperCase(Locale.ROOT),
                value + "-2",
                "x" + value,
                "other-" + value,
                "");
    }

    private static SessionTarget withTags(SessionTarget target, Map<String, String> tags) {
        SessionTarget tagged = target;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            tagged = tagged.withTag(tag.getKey(), tag.getValue());
        }
        return tagged;
    }

    private static List<Statement> startSessionAllowStatements(PolicySet policies) {
        List<Statement> statements = new ArrayList<>();
        for (Policy policy : policies.identityPolicies()) {
            for (Statement statement : policy.statements()) {
                if (statement.effect() == Effect.ALLOW && coversStartSession(statement.action())) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    private static boolean coversStartSession(ElementValues action) {
        boolean listed = action.values().stream()
                .anyMatch(pattern -> GlobPattern.compile(pattern).matches(StartSessionRequest.ACTION, true));
        return action.negated() != listed;
    }

    private static void collectFields(ElementValues resource, Set<String> regions, Set<String> accounts) {
        for (String pattern : resource.values()) {
            String[] fields = pattern.split(":", 6);
            if (fields.length != 6) {
                continue;
            }
            if (isLiteral(fields[3]) && !fields[3].isEmpty()) {
                regions.add(fields[3]);
            }
            if (isLiteral(fields[4]) && !fields[4].isEmpty()) {
                accounts.add(fields[4]);
            }
        }
    }

    private static boolean isLiteral(String field) {
        return !field.contains("*") && !field.contains("?") && !field.contains("${");
    }

    /**
     * Collects {@code resourceTag/KEY} conditions on string values, so that targets tagged as a policy expects are
     * tried even when the check names another tag. Wildcards in {@code *Like} values become a concrete character.
     */
    private static Map<String, Set<String>> tagsInConditions(PolicySet policies) {
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        for (Policy policy : policies.identityPolicies()) {
            for (Statement statement : policy.statements()) {
                for (Condition condition : statement.conditions()) {
                    String key = condition.key();
                    int slash = key.indexOf('/');
                    boolean tagKey = slash > 0 && key.substring(0, slash).toLowerCase(Locale.ROOT).endsWith("resourcetag");
                    if (!tagKey || !isStringOperator(condition.operator())) {
                        continue;
                    }
                    Set<String> values = tags.computeIfAbsent(key.substring(slash + 1), k -> new LinkedHashSet<>());
                    condition.values().stream()
                            .filter(value -> !value.contains("${"))
                            .map(value -> value.replace("*", "x").replace("?", "x"))
                            .forEach(values::add);
                }
            }
        }
        return tags;
    }

    private static boolean isStringOperator(ConditionOperator operator) {
        return operator.baseName().startsWith("String");
    }
}
