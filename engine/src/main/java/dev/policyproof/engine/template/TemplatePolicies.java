package dev.policyproof.engine.template;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.internal.JsonValue;
import dev.policyproof.engine.internal.LocatedJsonReader;
import dev.policyproof.engine.internal.PolicyDocumentReader;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and parses every IAM policy of a template: identity policies of {@code AWS::IAM::Policy},
 * {@code ManagedPolicy}, {@code RolePolicy}, {@code UserPolicy}, {@code GroupPolicy} and the inline
 * {@code Policies} of roles, users and groups; trust policies of roles; resource policies of S3 buckets, SQS queues,
 * SNS topics, KMS keys and VPC endpoints. A policy may be written as a map or as a JSON string.
 *
 * <p>A policy that contains an {@link TemplateValue.Unknown} is an error naming the template, logical id, property
 * path and line, unless unknowns are allowed. An allowed unknown becomes the placeholder
 * {@code arn:policyproof-unknown:unknown:unknown:unknown:<reason>} (an action {@code policyproof-unknown:<reason>}), which
 * matches only itself, so it can never grant or deny like a wildcard.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-role.html">AWS::IAM::Role</a>
 */
public final class TemplatePolicies {

    /**
     * The mark of the placeholder that an allowed unknown value becomes inside a policy: the service of an action
     * such as {@code policyproof-unknown:reason}, or the partition of an ARN such as
     * {@code arn:policyproof-unknown:unknown:unknown:unknown:reason}.
     */
    public static final String UNKNOWN_PLACEHOLDER = "policyproof-unknown:";

    private static final Map<String, PolicyKind> DOCUMENTS = Map.ofEntries(
            Map.entry("AWS::IAM::Policy", PolicyKind.IDENTITY),
            Map.entry("AWS::IAM::ManagedPolicy", PolicyKind.IDENTITY),
            Map.entry("AWS::IAM::RolePolicy", PolicyKind.IDENTITY),
            Map.entry("AWS::IAM::UserPolicy", PolicyKind.IDENTITY),
            Map.entry("AWS::IAM::GroupPolicy", PolicyKind.IDENTITY),
            Map.entry("AWS::S3::BucketPolicy", PolicyKind.RESOURCE),
            Map.entry("AWS::SQS::QueuePolicy", PolicyKind.RESOURCE),
            Map.entry("AWS::SNS::TopicPolicy", PolicyKind.RESOURCE),
            Map.entry("AWS::EC2::VPCEndpoint", PolicyKind.RESOURCE));

    private static final List<String> WITH_INLINE_POLICIES =
            List.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group");

    private final Template template;
    private final boolean allowUnknowns;
    private final List<Problem> problems = new ArrayList<>();
    private final List<TemplatePolicy> policies = new ArrayList<>();

    private TemplatePolicies(Template template, boolean allowUnknowns) {
        this.template = template;
        this.allowUnknowns = allowUnknowns;
    }

    /**
     * Returns every policy of {@code template}, in template order.
     *
     * @param allowUnknowns whether a policy may contain values unknown before deployment, as placeholders
     * @throws TemplateException if a policy is invalid, contains an unknown value that is not allowed, or the
     *     template declares no policy at all
     */
    public static List<TemplatePolicy> extract(Template template, boolean allowUnknowns) {
        TemplatePolicies extraction = new TemplatePolicies(template, allowUnknowns);
        for (TemplateResource resource : template.resources().values()) {
            extraction.collect(resource);
        }
        if (!extraction.problems.isEmpty()) {
            throw new TemplateException(extraction.problems);
        }
        if (extraction.policies.isEmpty()) {
            throw new TemplateException(List.of(new Problem("no-policy", "the template declares no IAM policy; "
                    + "policyproof reads PolicyDocument, Policies, AssumeRolePolicyDocument and KeyPolicy of IAM, "
                    + "S3, SQS, SNS, KMS and VPC endpoint resources", SourceLocation.generated(template.name(), ""))));
        }
        return List.copyOf(extraction.policies);
    }

    private static boolean holdsPolicy(TemplateResource resource) {
        return DOCUMENTS.containsKey(resource.type())
                || resource.hasType("AWS::KMS::Key")
                || resource.hasType("AWS::IAM::Role")
                || resource.property("Policies").isPresent();
    }

    private void collect(TemplateResource resource) {
        Optional<String> undecided = template.undecidedCondition(resource.logicalId());
        if (undecided.isPresent() && holdsPolicy(resource)) {
            // Neither keeping nor dropping a policy whose creation is unknown would be sound, even with unknowns.
            problems.add(new Problem("unknown-condition", "whether " + resource.logicalId() + " is created depends "
                    + "on condition \"" + undecided.get() + "\", which depends on a value without a known value; "
                    + "give the parameters values with a parameters file, or set parameterDefaults",
                    resource.location()));
            return;
        }
        PolicyKind kind = DOCUMENTS.get(resource.type());
        if (kind != null) {
            resource.property("PolicyDocument").ifPresent(document ->
                    add(resource, "Properties/PolicyDocument", document, kind));
        }
        if (resource.hasType("AWS::KMS::Key")) {
            resource.property("KeyPolicy").ifPresent(document ->
                    add(resource, "Properties/KeyPolicy", document, PolicyKind.RESOURCE));
        }
        if (resource.hasType("AWS::IAM::Role")) {
            resource.property("AssumeRolePolicyDocument").ifPresent(document ->
                    add(resource, "Properties/AssumeRolePolicyDocument", document, PolicyKind.TRUST));
        }
        if (WITH_INLINE_POLICIES.contains(resource.type())
                && resource.property("Policies").orElse(null) instanceof Sequence inline) {
            for (int i = 0; i < inline.elements().size(); i++) {
                if (inline.elements().get(i) instanceof Mapping item) {
                    int index = i;
                    item.get("PolicyDocument").ifPresent(document -> add(resource,
                            "Properties/Policies/" + index + "/PolicyDocument", document, PolicyKind.IDENTITY));
                }
            }
        }
    }

    private void add(TemplateResource resource, String path, TemplateValue document, PolicyKind kind) {
        String address = template.name() + "#" + resource.logicalId() + "/" + path;
        Optional<JsonValue> json = toJson(resource, path, document);
        if (json.isEmpty()) {
            return;
        }
        try {
            Policy policy = PolicyDocumentReader.read(address, json.get(), kind);
            policies.add(new TemplatePolicy(address, resource.logicalId(), resource.type(), policy));
        } catch (PolicyParseException e) {
            problems.addAll(e.problems());
        }
    }

    private Optional<JsonValue> toJson(TemplateResource resource, String path, TemplateValue document) {
        if (document instanceof Scalar text) {
            try {
                // NOTE: locations inside a policy written as a JSON string count lines from the string's start line,
                // and columns from the start of the string's own lines.
                return Optional.of(LocatedJsonReader.read(template.name(), text.text(), text.location().line()));
            } catch (PolicyParseException e) {
                problems.addAll(e.problems());
                return Optional.empty();
            }
        }
        JsonConverter converter = new JsonConverter(resource.logicalId(), path, allowUnknowns);
        JsonValue json = converter.convert(document);
        problems.addAll(converter.problems());
        return converter.problems().isEmpty() ? Optional.of(json) : Optional.empty();
    }
}
