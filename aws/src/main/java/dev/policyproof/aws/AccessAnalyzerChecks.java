package dev.policyproof.aws;

import dev.policyproof.aws.internal.ErrorTranslator;
import dev.policyproof.aws.internal.Redaction;
import dev.policyproof.aws.internal.JsonPathLocator;
import dev.policyproof.aws.internal.StatementLocator;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyType;
import dev.policyproof.engine.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoPublicAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;

/**
 * IAM Access Analyzer's policy validation and custom policy checks. Each call sends the policy text to Access
 * Analyzer in the configured region; the custom checks are charged per call.
 *
 * @since 0.1.0
 */
public final class AccessAnalyzerChecks {

    static final String VALIDATE_POLICY = "access-analyzer:ValidatePolicy";
    static final String CHECK_ACCESS_NOT_GRANTED = "access-analyzer:CheckAccessNotGranted";
    static final String CHECK_NO_NEW_ACCESS = "access-analyzer:CheckNoNewAccess";
    static final String CHECK_NO_PUBLIC_ACCESS = "access-analyzer:CheckNoPublicAccess";

    private static final int MAX_PAGES = 10_000;

    private final AccessAnalyzerClient client;
    private final Redaction redaction;

    AccessAnalyzerChecks(AccessAnalyzerClient client, Redaction redaction) {
        this.client = client;
        this.redaction = redaction;
    }

    /** Validates {@code document} with the options that fit its kind. */
    public ValidationReport validate(PolicyDocument document) {
        return validate(document, ValidationOptions.forKind(document.policy().kind()));
    }

    /**
     * Validates {@code document} and reads every page of findings. Each finding's locations map to lines of the
     * document's text through their JSON paths.
     *
     * @throws RemoteCheckException if the call fails after retries or the response cannot be read
     */
    public ValidationReport validate(PolicyDocument document, ValidationOptions options) {
        JsonPathLocator locator = JsonPathLocator.of(document.text());
        List<ValidationFinding> findings = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            String nextToken = token;
            ValidatePolicyResponse response = call(VALIDATE_POLICY, () -> client.validatePolicy(builder -> builder
                    .policyDocument(document.text())
                    .policyType(options.policyType())
                    .validatePolicyResourceType(options.validatePolicyResourceType())
                    .locale(options.locale())
                    .nextToken(nextToken)));
            for (ValidatePolicyFinding finding : response.findings()) {
                findings.add(finding(document, locator, finding));
            }
            if (response.nextToken() == null || response.nextToken().isEmpty()) {
                return new ValidationReport(document.name(), options.policyType(), findings);
            }
            if (response.nextToken().equals(token)) {
                throw ErrorTranslator.malformed(VALIDATE_POLICY, "nextToken repeats the previous one");
            }
            token = response.nextToken();
        }
        throw ErrorTranslator.malformed(VALIDATE_POLICY, "still paging after " + MAX_PAGES + " pages");
    }

    /**
     * Checks that {@code document} grants none of {@code actions} on any of {@code resources}. Either list may be
     * empty, but not both.
     *
     * @throws IllegalArgumentException if both lists are empty
     * @throws RemoteCheckException if the call fails after retries or the response cannot be read
     */
    public CustomCheckResult checkAccessNotGranted(PolicyDocument document, List<String> actions,
            List<String> resources) {
        if (actions.isEmpty() && resources.isEmpty()) {
            throw new IllegalArgumentException("CheckAccessNotGranted needs at least one action or resource");
        }
        CheckAccessNotGrantedResponse response = call(CHECK_ACCESS_NOT_GRANTED, () -> client.checkAccessNotGranted(
                builder -> builder.policyDocument(document.text())
                        .policyType(accessCheckPolicyType(document.policy().kind()))
                        .access(access -> {
                            if (!actions.isEmpty()) {
                                access.actions(actions);
                            }
                            if (!resources.isEmpty()) {
                                access.resources(resources);
                            }
                        })));
        return result(CHECK_ACCESS_NOT_GRANTED, document, response.resultAsString(), response.message(),
                response.reasons());
    }

    /**
     * Checks that {@code updated} grants no access that {@code existing} does not. Both must be of the same kind.
     *
     * @throws IllegalArgumentException if the two documents are of different kinds
     * @throws RemoteCheckException if the call fails after retries or the response cannot be read
     */
    public CustomCheckResult checkNoNewAccess(PolicyDocument updated, PolicyDocument existing) {
        String type = accessCheckPolicyType(updated.policy().kind());
        if (!type.equals(accessCheckPolicyType(existing.policy().kind()))) {
            throw new IllegalArgumentException(updated.name() + " and " + existing.name()
                    + " are of different policy types; CheckNoNewAccess compares policies of one type");
        }
        CheckNoNewAccessResponse response = call(CHECK_NO_NEW_ACCESS, () -> client.checkNoNewAccess(builder -> builder
                .newPolicyDocument(updated.text())
                .existingPolicyDocument(existing.text())
                .policyType(type)));
        return result(CHECK_NO_NEW_ACCESS, updated, response.resultAsString(), response.message(),
                response.reasons());
    }

    /**
     * Checks that the resource policy {@code document} grants no public access to a resource of
     * {@code resourceType}, such as {@code AWS::S3::Bucket}.
     *
     * @throws IllegalArgumentException if {@code document} is an identity policy
     * @throws RemoteCheckException if the call fails after retries or the response cannot be read
     */
    public CustomCheckResult checkNoPublicAccess(PolicyDocument document, String resourceType) {
        if (document.policy().kind() == PolicyKind.IDENTITY) {
            throw new IllegalArgumentException(document.name()
                    + " is an identity policy; CheckNoPublicAccess takes resource policies");
        }
        CheckNoPublicAccessResponse response = call(CHECK_NO_PUBLIC_ACCESS, () -> client.checkNoPublicAccess(
                builder -> builder.policyDocument(document.text()).resourceType(resourceType)));
        return result(CHECK_NO_PUBLIC_ACCESS, document, response.resultAsString(), response.message(),
                response.reasons());
    }

    private static String accessCheckPolicyType(PolicyKind kind) {
        return kind == PolicyKind.IDENTITY ? "IDENTITY_POLICY" : "RESOURCE_POLICY";
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw ErrorTranslator.translate(operation, e, redaction);
        }
    }

    private static CustomCheckResult result(String operation, PolicyDocument document, @Nullable String result,
            @Nullable String message, List<ReasonSummary> reasons) {
        if (!"PASS".equals(result) && !"FAIL".equals(result)) {
            throw ErrorTranslator.malformed(operation, "result is " + (result == null ? "missing" : "\"" + result
                    + "\"") + ", expected PASS or FAIL");
        }
        List<CustomCheckResult.Reason> mapped = reasons.stream().map(reason -> reason(document, reason)).toList();
        return new CustomCheckResult(operation, document.name(), "PASS".equals(result),
                message == null ? "" : message, mapped);
    }

    /** NOTE: the API reference does not say where statementIndex starts; this reads it as 0-based, like JSON paths. */
    private static CustomCheckResult.Reason reason(PolicyDocument document, ReasonSummary reason) {
        Integer index = reason.statementIndex() == null ? null : reason.statementIndex() + 1;
        PolicyType type = document.policy().kind() == PolicyKind.IDENTITY ? PolicyType.IDENTITY : PolicyType.RESOURCE;
        var ref = index == null ? null : StatementLocator.byIndex(document.policy(), type, index);
        return new CustomCheckResult.Reason(reason.description() == null ? "" : reason.description(), index,
                reason.statementId(), ref);
    }

    private static ValidationFinding finding(PolicyDocument document, JsonPathLocator locator,
            ValidatePolicyFinding finding) {
        String type = finding.findingTypeAsString() == null ? "" : finding.findingTypeAsString();
        if (type.isEmpty() || finding.issueCode() == null) {
            throw ErrorTranslator.malformed(VALIDATE_POLICY, "a finding has no findingType or issueCode");
        }
        List<ValidationFinding.Location> locations = finding.locations().stream()
                .map(location -> location(document, locator, location))
                .toList();
        return new ValidationFinding(type, FindingSeverity.fromFindingType(type), finding.issueCode(),
                finding.findingDetails() == null ? "" : finding.findingDetails(),
                finding.learnMoreLink() == null ? "" : finding.learnMoreLink(), locations);
    }

    /** Maps a finding's path to a line of the text; falls back to the service's span, whose lines start at 1. */
    private static ValidationFinding.Location location(PolicyDocument document, JsonPathLocator locator,
            Location location) {
        List<Object> elements = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        boolean exact = true;
        for (PathElement element : location.path()) {
            if (element.index() != null) {
                path.append('[').append(element.index()).append(']');
                if (exact) {
                    elements.add(element.index());
                }
            } else if (element.key() != null) {
                path.append(path.length() == 0 ? "" : ".").append(element.key());
                if (exact) {
                    elements.add(element.key());
                }
            } else if (element.value() != null) {
                path.append("=\"").append(element.value()).append('"');
                exact = false;
            } else if (element.substring() != null) {
                path.append("[substring ").append(element.substring().start()).append(", length ")
                        .append(element.substring().length()).append(']');
                exact = false;
            }
        }
        String pointer = pointer(elements);
        JsonPathLocator.Position position = locator.find(elements);
        if (position != null && !elements.isEmpty()) {
            return new ValidationFinding.Location(path.toString(),
                    new SourceLocation(document.name(), position.line(), position.column(), pointer));
        }
        if (location.span() != null && location.span().start() != null && location.span().start().line() != null) {
            var start = location.span().start();
            int column = start.column() == null ? 1 : start.column() + 1;
            return new ValidationFinding.Location(path.toString(),
                    new SourceLocation(document.name(), start.line(), column, pointer));
        }
        return new ValidationFinding.Location(path.toString(), null);
    }

    private static String pointer(List<Object> elements) {
        StringBuilder pointer = new StringBuilder();
        elements.forEach(element -> pointer.append('/')
                .append(String.valueOf(element).replace("~", "~0").replace("/", "~1")));
        return pointer.toString();
    }
}
