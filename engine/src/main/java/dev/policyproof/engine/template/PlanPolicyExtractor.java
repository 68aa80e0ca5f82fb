package dev.policyproof.engine.template;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.internal.JsonValue;
import dev.policyproof.engine.internal.JsonValue.JsonArray;
import dev.policyproof.engine.internal.JsonValue.JsonBoolean;
import dev.policyproof.engine.internal.JsonValue.JsonNull;
import dev.policyproof.engine.internal.JsonValue.JsonObject;
import dev.policyproof.engine.internal.JsonValue.JsonString;
import dev.policyproof.engine.internal.JsonValue.Member;
import dev.policyproof.engine.internal.LocatedJsonReader;
import dev.policyproof.engine.internal.PolicyDocumentReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Walks the {@code resource_changes} of a plan and parses the policy attributes that {@link TerraformPlan} lists. */
final class PlanPolicyExtractor {

    /** A policy attribute of a resource type, written as a JSON string in the plan. */
    private record PolicyAttribute(String name, PolicyKind kind) {}

    private static final Map<String, List<PolicyAttribute>> ATTRIBUTES = Map.of(
            "aws_iam_policy", List.of(new PolicyAttribute("policy", PolicyKind.IDENTITY)),
            "aws_iam_role_policy", List.of(new PolicyAttribute("policy", PolicyKind.IDENTITY)),
            "aws_iam_user_policy", List.of(new PolicyAttribute("policy", PolicyKind.IDENTITY)),
            "aws_iam_group_policy", List.of(new PolicyAttribute("policy", PolicyKind.IDENTITY)),
            "aws_iam_role", List.of(new PolicyAttribute("assume_role_policy", PolicyKind.TRUST)),
            "aws_s3_bucket_policy", List.of(new PolicyAttribute("policy", PolicyKind.RESOURCE)),
            "aws_sqs_queue_policy", List.of(new PolicyAttribute("policy", PolicyKind.RESOURCE)),
            "aws_sns_topic_policy", List.of(new PolicyAttribute("policy", PolicyKind.RESOURCE)),
            "aws_kms_key", List.of(new PolicyAttribute("policy", PolicyKind.RESOURCE)));

    private final String planName;
    private final boolean allowUnknowns;
    private final List<Problem> problems = new ArrayList<>();
    private final List<PlanPolicy> policies = new ArrayList<>();
    private final List<String> unknownAddresses = new ArrayList<>();

    PlanPolicyExtractor(String planName, boolean allowUnknowns) {
        this.planName = planName;
        this.allowUnknowns = allowUnknowns;
    }

    List<Problem> problems() {
        return problems;
    }

    TerraformPlan extract(JsonObject root) {
        Member changes = root.members().get("resource_changes");
        // Terraform leaves resource_changes out of a plan that changes nothing.
        if (changes != null) {
            JsonArray list = expect(changes.value(), JsonArray.class, "resource_changes", "an array");
            if (list != null) {
                list.elements().forEach(this::collect);
            }
        }
        return new TerraformPlan(planName, policies, unknownAddresses);
    }

    private void collect(JsonValue element) {
        JsonObject change = expect(element, JsonObject.class, "a resource change", "an object");
        String address = change == null ? null : text(change, "address");
        String type = change == null ? null : text(change, "type");
        JsonObject details = change == null ? null : member(change, "change", JsonObject.class, "an object");
        if (address == null || type == null || details == null || !ATTRIBUTES.containsKey(type)) {
            return;
        }
        // Data sources such as data.aws_iam_policy read existing policies, which the plan does not create.
        if (change.members().containsKey("mode") && !"managed".equals(text(change, "mode"))) {
            return;
        }
        if (deletesOnly(details)) {
            return;
        }
        Member after = details.members().get("after");
        if (after == null || after.value() instanceof JsonNull) {
            return;
        }
        JsonObject values = expect(after.value(), JsonObject.class, "change.after of " + address, "an object");
        JsonObject unknown = unknownMarks(details, address);
        if (values == null) {
            return;
        }
        ResourceChange resource = new ResourceChange(address, type, values, unknown);
        for (PolicyAttribute attribute : ATTRIBUTES.get(type)) {
            add(resource, attribute.name(), values.members().get(attribute.name()),
                    unknown == null ? null : unknown.members().get(attribute.name()), attribute.kind());
        }
        if (type.equals("aws_iam_role")) {
            collectInlinePolicies(resource);
        }
    }

    /** The resource a policy belongs to, with its planned values and their after-apply marks. */
    private record ResourceChange(
            String address, String type, JsonObject values, @Nullable JsonObject unknown) {}

    private boolean deletesOnly(JsonObject details) {
        JsonArray actions = member(details, "actions", JsonArray.class, "an array of actions");
        return actions != null
                && actions.elements().size() == 1
                && actions.elements().get(0) instanceof JsonString action
                && action.value().equals("delete");
    }

    private @Nullable JsonObject unknownMarks(JsonObject details, String address) {
        Member marks = details.members().get("after_unknown");
        if (marks == null) {
            return null;
        }
        return expect(marks.value(), JsonObject.class, "change.after_unknown of " + address, "an object");
    }

    /** Reads {@code inline_policy}, a list of blocks each with a {@code name} and a {@code policy}. */
    private void collectInlinePolicies(ResourceChange resource) {
        Member unknown = resource.unknown() == null ? null : resource.unknown().members().get("inline_policy");
        String path = "inline_policy";
        if (unknown != null && isTrue(unknown.value())) {
            recordUnknown(resource.address() + "/" + path, unknown.keyLocation());
            return;
        }
        Member blocks = resource.values().members().get(path);
        if (blocks == null || blocks.value() instanceof JsonNull) {
            return;
        }
        JsonArray list = expect(blocks.value(), JsonArray.class, path + " of " + resource.address(), "an array");
        if (list == null) {
            return;
        }
        JsonArray unknownBlocks = unknown != null && unknown.value() instanceof JsonArray marks ? marks : null;
        for (int i = 0; i < list.elements().size(); i++) {
            String blockPath = path + "/" + i;
            JsonObject block = expect(list.elements().get(i), JsonObject.class,
                    blockPath + " of " + resource.address(), "an object");
            if (block == null) {
                continue;
            }
            Member policy = block.members().get("policy");
            // An empty inline_policy block makes the provider remove every inline policy, so the role has none.
            if (policy != null && policy.value() instanceof JsonString text && text.value().isEmpty()) {
                continue;
            }
            add(resource, blockPath + "/policy", policy, blockMark(unknownBlocks, i), PolicyKind.IDENTITY);
        }
    }

    private static @Nullable Member blockMark(@Nullable JsonArray unknownBlocks, int index) {
        if (unknownBlocks == null || index >= unknownBlocks.elements().size()) {
            return null;
        }
        JsonValue block = unknownBlocks.elements().get(index);
        if (isTrue(block)) {
            return new Member("policy", block.location(), block);
        }
        return block instanceof JsonObject marks ? marks.members().get("policy") : null;
    }

    private void add(ResourceChange resource, String path, @Nullable Member value, @Nullable Member unknown,
            PolicyKind kind) {
        String address = planName + "#" + resource.address() + "/" + path;
        if (unknown != null && isTrue(unknown.value())) {
            recordUnknown(address, unknown.keyLocation());
            return;
        }
        if (value == null || value.value() instanceof JsonNull) {
            return;
        }
        if (!(value.value() instanceof JsonString text)) {
            problems.add(new Problem("invalid-plan", path + " of " + resource.address() + " must be a JSON string "
                    + "holding a policy, found " + value.value().typeName(), value.value().location()));
            return;
        }
        try {
            // NOTE: lines inside the policy count from the line of the plan string, so they are exact only for a
            // policy without line breaks, and columns count from the start of the decoded policy text.
            JsonValue json = LocatedJsonReader.read(planName, text.value(), text.location().line());
            Policy policy = PolicyDocumentReader.read(address, json, kind);
            policies.add(new PlanPolicy(address, resource.address(), resource.type(), path, policy));
        } catch (PolicyParseException e) {
            problems.addAll(e.problems());
        }
    }

    private void recordUnknown(String address, SourceLocation location) {
        if (allowUnknowns) {
            unknownAddresses.add(address);
            return;
        }
        problems.add(new Problem("unknown-value", "the policy " + address + " is known only after apply; run "
                + "terraform plan with the values set, or set allowUnknowns", location));
    }

    private static boolean isTrue(JsonValue value) {
        return value instanceof JsonBoolean flag && flag.value();
    }

    private @Nullable String text(JsonObject object, String key) {
        JsonString value = member(object, key, JsonString.class, "a string");
        return value == null ? null : value.value();
    }

    private <T extends JsonValue> @Nullable T member(JsonObject object, String key, Class<T> type, String expected) {
        Member member = object.members().get(key);
        if (member == null) {
            problems.add(new Problem("invalid-plan", "a resource change is missing " + key
                    + "; write the plan with terraform show -json plan.out", object.location()));
            return null;
        }
        return expect(member.value(), type, key, expected);
    }

    private <T extends JsonValue> @Nullable T expect(JsonValue value, Class<T> type, String what, String expected) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        problems.add(new Problem("invalid-plan", what + " must be " + expected + ", found " + value.typeName(),
                value.location()));
        return null;
    }
}
