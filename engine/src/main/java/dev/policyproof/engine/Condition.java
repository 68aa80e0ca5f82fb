package dev.policyproof.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One operator, key and value list of a {@code Condition} element, for example
 * {@code "StringEquals": {"ssm:resourceTag/Name": "app-bastion"}}. Values are kept as text: JSON numbers and booleans
 * become their literal spelling, as IAM compares them.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM JSON
 *     policy elements: Condition</a>
 */
public record Condition(
        ConditionOperator operator, String key, List<String> values, boolean listForm, SourceLocation location) {

    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        Objects.requireNonNull(location, "location");
    }

    /** Returns the key in lower case, because IAM matches condition key names without regard to case. */
    public String normalizedKey() {
        return key.toLowerCase(Locale.ROOT);
    }

    /** Renders the condition as policy JSON, for example {@code "Bool": {"aws:SecureTransport": "true"}}. */
    public String toJson() {
        return Json.quote(operator.name()) + ": {" + Json.quote(key) + ": " + Json.render(values, listForm) + "}";
    }
}
