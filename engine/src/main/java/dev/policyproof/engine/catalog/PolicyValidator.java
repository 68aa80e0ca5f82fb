package dev.policyproof.engine.catalog;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a policy against the action catalogue offline, in the manner of IAM Access Analyzer's policy validation. It
 * reports unknown services and actions, condition keys that no action of the statement supports, and resources that
 * match none of the actions' resource types. It also warns about risky set operators and grants that are broader than
 * they look. See {@link ValidationCheck} for every check.
 *
 * <p>A validator is immutable and can be shared between threads.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html">IAM
 *     policy validation check reference</a>
 */
public final class PolicyValidator {

    private final ActionCatalog catalog;

    public PolicyValidator(ActionCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Returns a validator over the catalogue bundled with the engine. */
    public static PolicyValidator withBundledCatalog() {
        return new PolicyValidator(ActionCatalog.bundled());
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    /** Returns the findings for {@code policy} in statement order; an empty list when every check passes. */
    public List<Finding> validate(Policy policy) {
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            validate(statement, findings);
        }
        return List.copyOf(findings);
    }

    private void validate(Statement statement, List<Finding> findings) {
        ActionChecks actionChecks = new ActionChecks(catalog, statement, findings);
        StatementActions actions = actionChecks.run();
        new ResourceChecks(catalog, statement, actions, findings).run();
        new ConditionChecks(catalog, statement, actions, findings).run();
    }
}
