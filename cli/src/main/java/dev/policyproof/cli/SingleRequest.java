package dev.policyproof.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.Explanation;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.catalog.ContextValueCheck;
import dev.policyproof.engine.ssm.SessionAuthorizer;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionTarget;
import dev.policyproof.engine.ssm.StartSessionRequest;
import dev.policyproof.engine.ssm.StartSessionResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Evaluates the one request that the options of {@code evaluate} describe, as a session where it is one. */
final class SingleRequest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final EvaluateCommand options;

    SingleRequest(EvaluateCommand options) {
        this.options = options;
    }

    void run(PrintWriter standardOutput, @Nullable Path outputFile) {
        Request request = request();
        PolicySet policies = policies(request.action());
        String rendered;
        if (StartSessionRequest.isSession(request)) {
            StartSessionRequest session = StartSessionRequest.fromRequest(request, documentArn(request));
            rendered = render(new SessionAuthorizer(policies).authorize(session));
        } else {
            rejectDocument(request);
            rendered = render(policies.evaluate(request));
        }
        try (Output output = Output.open(standardOutput, outputFile)) {
            output.write(rendered);
        }
    }

    private Request request() {
        String action = requireText(options.action, "--action");
        String resource = requireText(options.resource, "--resource");
        RequestContext context = ContextOptions.parse(options.context, options.contextValues);
        List<String> problems = ContextValueCheck.problems(context);
        if (!problems.isEmpty()) {
            throw new InputException("Invalid --context: " + String.join("; ", problems));
        }
        try {
            return Request.of(action, resource)
                    .principal(principal())
                    .resourceAccount(resourceAccount())
                    .context(context)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage() + " (--action)", e);
        }
    }

    private static String requireText(@Nullable String value, String option) {
        if (value == null || value.isBlank()) {
            throw new InputException("Invalid " + option + " value \"" + value + "\": must not be blank");
        }
        return value;
    }

    private @Nullable String principal() {
        String principal = options.principal;
        if (principal != null) {
            try {
                PrincipalArn.parse(principal);
            } catch (IllegalArgumentException e) {
                throw new InputException("Invalid --principal value: " + e.getMessage(), e);
            }
        }
        return principal;
    }

    private @Nullable String resourceAccount() {
        String account = options.resourceAccount;
        if (account != null && !ACCOUNT_ID.matcher(account).matches()) {
            throw new InputException(
                    "Invalid --resource-account value \"" + account + "\": expected a 12-digit account ID");
        }
        return account;
    }

    private PolicySet policies(String action) {
        PolicySet.Builder set = PolicySet.builder();
        for (Path file : options.identityPolicies) {
            set.addIdentity(PolicyFiles.read(file, PolicyKind.IDENTITY, "--policy"));
        }
        PolicyKind resourceKind = PolicyKind.resourcePolicyFor(action);
        set.resourcePolicy(PolicyFiles.readOptional(options.resourcePolicy, resourceKind, "--resource-policy"));
        set.permissionsBoundary(PolicyFiles.readOptional(options.boundary, PolicyKind.IDENTITY, "--boundary"));
        set.sessionPolicy(PolicyFiles.readOptional(options.sessionPolicy, PolicyKind.IDENTITY, "--session-policy"));
        set.scpLevels(PolicyFiles.readLevels(options.scpLevels, PolicyKind.IDENTITY, "--scp-level"));
        set.rcpLevels(PolicyFiles.readLevels(options.rcpLevels, PolicyKind.RESOURCE, "--rcp-level"));
        set.vpcEndpointPolicy(
                PolicyFiles.readOptional(options.vpcEndpointPolicy, PolicyKind.RESOURCE, "--vpce-policy"));
        return set.build();
    }

    /** Returns the document ARN, resolving a bare name in the target's partition, Region and account. */
    private @Nullable String documentArn(Request request) {
        String document = options.document;
        if (document == null || document.startsWith("arn:")) {
            return document;
        }
        SessionTarget target = StartSessionRequest.fromRequest(request, null).target();
        return SessionDocument.named(document).arn(target.partition(), target.region(), target.account());
    }

    private void rejectDocument(Request request) {
        if (options.document != null) {
            throw new InputException("--document applies only to ssm:StartSession on an instance or managed"
                    + " instance ARN, not to " + request.action() + " on " + request.resource());
        }
    }

    private String render(StartSessionResult result) {
        return options.format == EvaluateCommand.Format.json
                ? prettyJson(Explanation.toJson(result))
                : Explanation.toText(result);
    }

    private String render(EvaluationResult result) {
        return options.format == EvaluateCommand.Format.json
                ? prettyJson(Explanation.toJson(result))
                : Explanation.toText(result);
    }

    private static String prettyJson(ObjectNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree that the engine built", e);
        }
    }
}
