package dev.policyproof.engine.catalog;

import dev.policyproof.engine.Effect;
import dev.policyproof.engine.ElementValues;
import dev.policyproof.engine.Statement;
import dev.policyproof.engine.internal.GlobOverlap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a statement's {@code Resource} or {@code NotResource} values against its actions' resource types. */
final class ResourceChecks {

    private static final int LISTED_MAX = 3;

    private final ActionCatalog catalog;
    private final Statement statement;
    private final StatementActions actions;
    private final List<Finding> findings;

    ResourceChecks(ActionCatalog catalog, Statement statement, StatementActions actions, List<Finding> findings) {
        this.catalog = catalog;
        this.statement = statement;
        this.actions = actions;
        this.findings = findings;
    }

    void run() {
        ElementValues resource = statement.resource().orElse(null);
        if (resource == null) {
            return;
        }
        if (resource.negated()) {
            checkAllowWithNotResource(resource);
            return;
        }
        int star = resource.values().indexOf("*");
        if (star >= 0) {
            checkPassRole(resource, star);
        } else if (!actions.negated()) {
            checkWildcardOnlyActions();
        }
        if (!actions.negated()) {
            checkResourceTypes(resource);
        }
    }

    private void checkAllowWithNotResource(ElementValues resource) {
        if (statement.effect() == Effect.ALLOW) {
            findings.add(Finding.of(ValidationCheck.ALLOW_WITH_NOT_RESOURCE, name() + ": \"Effect\": \"Allow\" with "
                    + "NotResource allows the actions on every resource not listed, including resources created "
                    + "later; list the allowed resources in Resource instead", resource.location()));
        }
    }

    private void checkPassRole(ElementValues resource, int star) {
        boolean passRole = catalog.action("iam:PassRole")
                .map(action -> actions.actions().get(action.index()))
                .orElse(false);
        if (statement.effect() == Effect.ALLOW && passRole) {
            findings.add(Finding.of(ValidationCheck.PASS_ROLE_WITH_STAR_IN_RESOURCE, name() + ": allows iam:PassRole "
                    + "on \"Resource\": \"*\", so the principal can hand any role, including administrator roles, to "
                    + "a service; list the role ARNs it may pass, and consider an iam:PassedToService condition",
                    resource.valueLocation(star)));
        }
    }

    /** Reports action values whose actions all support only {@code "*"}, in a statement without {@code "*"}. */
    private void checkWildcardOnlyActions() {
        ElementValues element = statement.action();
        for (int i = 0; i < actions.perValue().size(); i++) {
            List<ActionInfo> matched = actionsOf(actions.perValue().get(i));
            if (matched.isEmpty() || !matched.stream().allMatch(ActionInfo::supportsOnlyWildcardResource)) {
                continue;
            }
            findings.add(Finding.of(ValidationCheck.RESOURCE_NOT_WILDCARD, name() + ": " + element.elementName()
                    + " \"" + element.values().get(i) + "\" supports only \"Resource\": \"*\" ("
                    + listed(matched.stream().map(ActionInfo::fullName).toList()) + "), but the statement lists only "
                    + "ARNs, so it never applies to " + (matched.size() == 1 ? "this action" : "these actions")
                    + "; move " + (matched.size() == 1 ? "it" : "them") + " to a statement with \"Resource\": \"*\"",
                    element.valueLocation(i)));
        }
    }

    private void checkResourceTypes(ElementValues resource) {
        List<ActionInfo> typed = actionsOf(actions.actions()).stream()
                .filter(action -> !action.supportsOnlyWildcardResource())
                .toList();
        if (typed.isEmpty()) {
            return;
        }
        Set<ResourceType> types = Collections.newSetFromMap(new IdentityHashMap<>());
        typed.forEach(action -> action.resources().forEach(entry -> types.add(entry.resourceType())));
        for (int i = 0; i < resource.values().size(); i++) {
            String value = resource.values().get(i);
            if (!value.equals("*") && types.stream().noneMatch(type -> matchesType(value, type))) {
                reportUnmatchedResource(resource, i, typed);
            }
        }
    }

    private void reportUnmatchedResource(ElementValues resource, int index, List<ActionInfo> typed) {
        List<String> accepted = new ArrayList<>();
        for (ActionInfo action : typed) {
            String formats = action.resources().stream()
                    .flatMap(entry -> entry.resourceType().arnFormats().stream())
                    .distinct()
                    .collect(Collectors.joining(", "));
            accepted.add(action.fullName() + " accepts " + formats);
        }
        findings.add(Finding.of(ValidationCheck.RESOURCE_MATCHES_NO_RESOURCE_TYPE, name() + ": Resource \""
                + resource.values().get(index) + "\" matches no resource type of the statement's actions ("
                + listed(accepted) + "), so the statement grants nothing on it; use an ARN of one of these formats",
                resource.valueLocation(index)));
    }

    private static boolean matchesType(String resourcePattern, ResourceType type) {
        String pattern = variablesAsWildcards(resourcePattern);
        return type.arnPatterns().stream().anyMatch(format -> GlobOverlap.arnsOverlap(pattern, format));
    }

    /** Replaces policy variables such as {@code ${aws:username}} by {@code *}, since any value can take their place. */
    private static String variablesAsWildcards(String value) {
        return ActionCatalog.arnFormatPattern(value);
    }

    private List<ActionInfo> actionsOf(BitSet indexes) {
        List<ActionInfo> result = new ArrayList<>(indexes.cardinality());
        indexes.stream().forEach(i -> result.add(catalog.actionAt(i)));
        return result;
    }

    private static String listed(List<String> items) {
        if (items.size() <= LISTED_MAX) {
            return String.join("; ", items);
        }
        return String.join("; ", items.subList(0, LISTED_MAX)) + "; and " + (items.size() - LISTED_MAX) + " more";
    }

    private String name() {
        return StatementNames.of(statement);
    }
}
