package dev.policyproof.engine.template;

import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.internal.JsonValue;
import dev.policyproof.engine.internal.JsonValue.JsonObject;
import dev.policyproof.engine.internal.JsonValue.JsonString;
import dev.policyproof.engine.internal.JsonValue.Member;
import dev.policyproof.engine.internal.LocatedJsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The IAM policies of a Terraform plan, as {@code terraform show -json plan.out} writes it (format version 1.x).
 *
 * <p>Policies come from {@code change.after} of every managed resource in {@code resource_changes} whose actions are
 * not only {@code delete}: the {@code policy} of {@code aws_iam_policy}, {@code aws_iam_role_policy},
 * {@code aws_iam_user_policy} and {@code aws_iam_group_policy} and the {@code inline_policy[].policy} of
 * {@code aws_iam_role} (identity); the {@code assume_role_policy} of {@code aws_iam_role} (trust); the {@code policy}
 * of {@code aws_s3_bucket_policy}, {@code aws_sqs_queue_policy}, {@code aws_sns_topic_policy} and {@code aws_kms_key}
 * (resource).
 *
 * <p>A policy that {@code change.after_unknown} marks as known only after apply is an error naming the plan, line and
 * address, unless unknowns are allowed. An allowed unknown policy is left out and its address is listed in
 * {@link #unknownAddresses()}; it never becomes a wildcard.
 *
 * @see <a href="https://developer.hashicorp.com/terraform/internals/json-format">Terraform JSON output format</a>
 */
public final class TerraformPlan {

    private final String name;
    private final List<PlanPolicy> policies;
    private final List<String> unknownAddresses;

    TerraformPlan(String name, List<PlanPolicy> policies, List<String> unknownAddresses) {
        this.name = name;
        this.policies = List.copyOf(policies);
        this.unknownAddresses = List.copyOf(unknownAddresses);
    }

    /**
     * Reads the plan in {@code file}, which messages and addresses call {@code name}.
     *
     * @throws TerraformPlanException as {@link #parse} does
     * @throws UncheckedIOException if the file cannot be read
     */
    public static TerraformPlan read(Path file, String name, boolean allowUnknowns) {
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8), allowUnknowns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Terraform plan " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code text} as the plan {@code name} and extracts its policies, in {@code resource_changes} order.
     *
     * @param allowUnknowns whether a policy known only after apply is left out instead of being an error
     * @throws TerraformPlanException if the text is not valid JSON or not a plan, a policy is invalid, a policy is
     *     known only after apply and unknowns are not allowed, or the plan contains no policy that can be checked
     */
    public static TerraformPlan parse(String name, String text, boolean allowUnknowns) {
        JsonValue root;
        try {
            // NOTE: the reader limits nesting to 64 levels, which a plan of deeply nested modules could exceed.
            root = LocatedJsonReader.read(name, text);
        } catch (PolicyParseException e) {
            throw new TerraformPlanException(e.problems());
        }
        checkFormat(name, root);
        PlanPolicyExtractor extractor = new PlanPolicyExtractor(name, allowUnknowns);
        TerraformPlan plan = extractor.extract((JsonObject) root);
        if (!extractor.problems().isEmpty()) {
            throw new TerraformPlanException(extractor.problems());
        }
        if (plan.policies.isEmpty()) {
            throw new TerraformPlanException(List.of(noPolicy(plan)));
        }
        return plan;
    }

    public String name() {
        return name;
    }

    /** Returns the policies that can be checked, in {@code resource_changes} order. */
    public List<PlanPolicy> policies() {
        return policies;
    }

    /** Returns the addresses of the policies left out because they are known only after apply. */
    public List<String> unknownAddresses() {
        return unknownAddresses;
    }

    /** Rejects anything but a plan of JSON output format 1.x, the only major version Terraform has released. */
    private static void checkFormat(String name, JsonValue root) {
        if (!(root instanceof JsonObject object)) {
            throw problem("invalid-plan", "a Terraform plan is a JSON object, found " + root.typeName()
                    + "; write it with terraform show -json plan.out", root.location());
        }
        Member version = object.members().get("format_version");
        if (version == null) {
            throw problem("invalid-plan", "format_version is missing, so this is not the output of "
                    + "terraform show -json plan.out", SourceLocation.generated(name, ""));
        }
        if (!(version.value() instanceof JsonString text) || !text.value().startsWith("1.")) {
            throw problem("unsupported-format", "unsupported plan format_version " + describe(version.value())
                    + "; policyproof reads format 1.x", version.value().location());
        }
    }

    private static Problem noPolicy(TerraformPlan plan) {
        SourceLocation where = SourceLocation.generated(plan.name, "/resource_changes");
        if (!plan.unknownAddresses.isEmpty()) {
            return new Problem("no-policy", "every policy of the plan is known only after apply, so none can be "
                    + "checked: " + String.join(", ", plan.unknownAddresses) + "; run terraform plan with the "
                    + "values set", where);
        }
        return new Problem("no-policy", "the plan creates or updates no IAM policy; policyproof reads the policy "
                + "attributes of aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, "
                + "aws_iam_group_policy, aws_s3_bucket_policy, aws_sqs_queue_policy, aws_sns_topic_policy and "
                + "aws_kms_key in resource_changes, leaving out deleted resources", where);
    }

    private static String describe(JsonValue value) {
        return value instanceof JsonString text ? "\"" + text.value() + "\"" : value.typeName();
    }

    private static TerraformPlanException problem(String code, String message, SourceLocation location) {
        return new TerraformPlanException(List.of(new Problem(code, message, location)));
    }
}
