package dev.policyproof.engine.cases;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.internal.JsonValue;
import dev.policyproof.engine.internal.JsonValue.JsonArray;
import dev.policyproof.engine.internal.JsonValue.JsonBoolean;
import dev.policyproof.engine.internal.JsonValue.JsonNull;
import dev.policyproof.engine.internal.JsonValue.JsonNumber;
import dev.policyproof.engine.internal.JsonValue.JsonObject;
import dev.policyproof.engine.internal.JsonValue.JsonString;
import dev.policyproof.engine.internal.JsonValue.Member;
import dev.policyproof.engine.internal.LocatedJsonReader;
import dev.policyproof.engine.internal.PolicyDocumentReader;
import dev.policyproof.engine.ssm.StartSessionRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads cases files: JSON lines, one case per line, blank lines skipped. Each case is
 *
 * <pre>
 * {"id": "...", "topic": "...", "source": "AWS page title",
 *  "policies": {"identity": [POLICY, ...], "resource": POLICY|null, "boundary": POLICY|null,
 *               "session": POLICY, "scp": [LEVEL, ...]|null, "rcp": [LEVEL, ...], "vpce": POLICY},
 *  "request": {"principal": "arn...", "action": "svc:Action", "resource": "arn...|*",
 *              "context": {"key": "value" | ["v1", "v2"]}, "resourceAccount": "111122223333",
 *              "document": "arn:aws:ssm:...:document/NAME"},
 *  "expected": "Allowed" | "ExplicitDeny" | "ImplicitDeny", "decidedBy": ["Sid", ...]}
 * </pre>
 *
 * <p>An SCP or RCP level is one policy or a list of the policies attached there. {@code document} applies to
 * {@code ssm:StartSession} on an instance or managed instance, which is authorized as a session: absent means the
 * caller names no document. The target's tags are the context's {@code ssm:resourceTag/K} and
 * {@code aws:ResourceTag/K} keys. Every problem fails the whole read with the line and field, never skipping a case.
 */
public final class CaseFileReader {

    private static final Set<String> CASE_KEYS =
            Set.of("id", "topic", "source", "policies", "request", "expected", "decidedBy", "note");
    private static final Set<String> POLICY_KEYS =
            Set.of("identity", "resource", "boundary", "session", "scp", "rcp", "vpce");
    private static final Set<String> REQUEST_KEYS =
            Set.of("principal", "action", "resource", "context", "resourceAccount", "document");

    private final String source;

    private CaseFileReader(String source) {
        this.source = source;
    }

    /**
     * Reads every case in {@code file}.
     *
     * @throws CaseFileException if a line is not a valid case or contains an invalid policy
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<EvaluationCase> read(Path file) {
        List<EvaluationCase> cases = new ArrayList<>();
        forEach(file, cases::add);
        return cases;
    }

    /** Reads the cases of {@code file} one at a time, so that large files need not fit in memory. */
    public static void forEach(Path file, Consumer<EvaluationCase> consumer) {
        CaseFileReader reader = new CaseFileReader(file.toString());
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = lines.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    consumer.accept(reader.parseLine(text, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cases file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses one line; {@code name} and {@code lineNumber} place it in messages. */
    public static EvaluationCase parse(String name, int lineNumber, String json) {
        return new CaseFileReader(name).parseLine(json, lineNumber);
    }

    private EvaluationCase parseLine(String text, int lineNumber) {
        JsonValue root;
        try {
            root = LocatedJsonReader.read(source, text, lineNumber);
        } catch (PolicyParseException e) {
            throw new CaseFileException(e.problems().get(0).location(), e.problems().get(0).message(), e);
        }
        JsonObject object = object(root, "a case");
        checkKeys(object, CASE_KEYS, "case");
        String id = requiredString(object, "id");
        JsonObject request = object(required(object, "request"), "request");
        checkKeys(request, REQUEST_KEYS, "request");
        String action = requiredString(request, "action");
        String resource = requiredString(request, "resource");
        PolicySet policies = policies(object(required(object, "policies"), "policies"), id, action);
        Request evaluated = request(request, action, resource);
        StartSessionRequest session = session(request, evaluated);
        return new EvaluationCase(
                id,
                lineNumber,
                optionalString(object, "topic"),
                optionalString(object, "source"),
                policies,
                evaluated,
                session,
                expected(object),
                decidedBy(object, policies));
    }

    private PolicySet policies(JsonObject policies, String id, String action) {
        checkKeys(policies, POLICY_KEYS, "policies");
        PolicySet.Builder set = PolicySet.builder().name(id);
        Member identity = policies.members().get("identity");
        if (identity != null && !(identity.value() instanceof JsonNull)) {
            List<JsonValue> items = array(identity.value(), "policies.identity");
            for (JsonValue item : items) {
                set.addIdentity(policy(item, PolicyKind.IDENTITY));
            }
        }
        set.resourcePolicy(optionalPolicy(policies, "resource", PolicyKind.resourcePolicyFor(action)));
        set.permissionsBoundary(optionalPolicy(policies, "boundary", PolicyKind.IDENTITY));
        set.sessionPolicy(optionalPolicy(policies, "session", PolicyKind.IDENTITY));
        set.scpLevels(levels(policies, "scp", PolicyKind.IDENTITY));
        set.rcpLevels(levels(policies, "rcp", PolicyKind.RESOURCE));
        set.vpcEndpointPolicy(optionalPolicy(policies, "vpce", PolicyKind.RESOURCE));
        try {
            return set.build();
        } catch (IllegalArgumentException e) {
            throw new CaseFileException(policies.location(), e.getMessage(), e);
        }
    }

    private @Nullable Policy optionalPolicy(JsonObject policies, String key, PolicyKind kind) {
        Member member = policies.members().get(key);
        if (member == null || member.value() instanceof JsonNull) {
            return null;
        }
        return policy(member.value(), kind);
    }

    private List<List<Policy>> levels(JsonObject policies, String key, PolicyKind kind) {
        Member member = policies.members().get(key);
        if (member == null || member.value() instanceof JsonNull) {
            return List.of();
        }
        List<List<Policy>> levels = new ArrayList<>();
        for (JsonValue level : array(member.value(), "policies." + key)) {
            List<Policy> attached = new ArrayList<>();
            List<JsonValue> items = level instanceof JsonArray array ? array.elements() : List.of(level);
            for (JsonValue item : items) {
                attached.add(policy(item, kind));
            }
            levels.add(attached);
        }
        return levels;
    }

    private Policy policy(JsonValue value, PolicyKind kind) {
        String name = source + ":" + value.location().line() + " " + value.location().pointer();
        try {
            return PolicyDocumentReader.read(name, value, kind);
        } catch (PolicyParseException e) {
            throw new CaseFileException(e.problems().get(0).location(), invalidPolicyMessage(e.problems()), e);
        }
    }

    /** Names one problem without repeating the location that the exception puts first, and lists several in full. */
    private static String invalidPolicyMessage(List<Problem> problems) {
        if (problems.size() == 1) {
            Problem problem = problems.get(0);
            return "invalid policy: " + problem.message() + " [" + problem.code() + "]";
        }
        StringBuilder message = new StringBuilder("invalid policy, " + problems.size() + " problems:");
        problems.forEach(problem -> message.append(System.lineSeparator()).append("  ").append(problem));
        return message.toString();
    }

    private Request request(JsonObject request, String action, String resource) {
        Request.Builder builder;
        try {
            builder = Request.of(action, resource);
            builder.build();
        } catch (IllegalArgumentException e) {
            throw new CaseFileException(request.members().get("action").value().location(), e.getMessage(), e);
        }
        String principal = optionalString(request, "principal");
        if (principal != null) {
            try {
                PrincipalArn.parse(principal);
            } catch (IllegalArgumentException e) {
                throw new CaseFileException(request.members().get("principal").value().location(), e.getMessage(), e);
            }
            builder.principal(principal);
        }
        String resourceAccount = optionalString(request, "resourceAccount");
        if (resourceAccount != null && !resourceAccount.matches("\\d{12}")) {
            throw new CaseFileException(request.members().get("resourceAccount").value().location(),
                    "invalid resourceAccount \"" + resourceAccount + "\": expected a 12-digit account ID");
        }
        builder.resourceAccount(resourceAccount);
        Member context = request.members().get("context");
        if (context != null && !(context.value() instanceof JsonNull)) {
            builder.context(context(object(context.value(), "request.context")));
        }
        return builder.build();
    }

    private RequestContext context(JsonObject context) {
        RequestContext.Builder builder = RequestContext.builder();
        for (Member member : context.members().values()) {
            if (member.value() instanceof JsonArray array) {
                List<String> values = new ArrayList<>();
                array.elements().forEach(element -> values.add(scalar(element, member.key())));
                builder.putAll(member.key(), values);
            } else {
                builder.put(member.key(), scalar(member.value(), member.key()));
            }
        }
        return builder.build();
    }

    private @Nullable StartSessionRequest session(JsonObject request, Request evaluated) {
        String document = optionalString(request, "document");
        if (!StartSessionRequest.isSession(evaluated)) {
            if (document != null) {
                throw new CaseFileException(request.members().get("document").value().location(),
                        "document applies only to ssm:StartSession on an instance or managed instance");
            }
            return null;
        }
        return StartSessionRequest.fromRequest(evaluated, document);
    }

    private @Nullable Decision expected(JsonObject object) {
        String text = optionalString(object, "expected");
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "Allowed" -> Decision.ALLOW;
            case "ExplicitDeny" -> Decision.EXPLICIT_DENY;
            case "ImplicitDeny" -> Decision.IMPLICIT_DENY;
            default -> throw new CaseFileException(object.members().get("expected").value().location(),
                    "invalid expected decision \"" + text + "\"; use Allowed, ExplicitDeny or ImplicitDeny");
        };
    }

    private List<String> decidedBy(JsonObject object, PolicySet policies) {
        Member member = object.members().get("decidedBy");
        if (member == null || member.value() instanceof JsonNull) {
            return List.of();
        }
        Set<String> known = statementIds(policies);
        List<String> sids = new ArrayList<>();
        for (JsonValue value : array(member.value(), "decidedBy")) {
            String sid = scalar(value, "decidedBy");
            // An expected Sid that no statement carries could never match, so the case would fail for a typo.
            if (!known.contains(sid)) {
                throw new CaseFileException(value.location(), "decidedBy names Sid \"" + sid + "\", which no "
                        + "statement in the case's policies has; use one of " + new TreeSet<>(known));
            }
            sids.add(sid);
        }
        return sids;
    }

    private static Set<String> statementIds(PolicySet set) {
        Set<String> sids = new HashSet<>();
        for (Policy policy : set.allPolicies()) {
            policy.statements().forEach(statement -> statement.sid().ifPresent(sids::add));
        }
        return sids;
    }

    /** Names the outcome as case files spell it. */
    public static String decisionName(Decision decision) {
        return switch (decision) {
            case ALLOW -> "Allowed";
            case EXPLICIT_DENY -> "ExplicitDeny";
            case IMPLICIT_DENY -> "ImplicitDeny";
        };
    }

    private void checkKeys(JsonObject object, Set<String> known, String what) {
        for (Member member : object.members().values()) {
            if (!known.contains(member.key())) {
                throw new CaseFileException(member.keyLocation(), "unknown " + what + " field \"" + member.key()
                        + "\"; valid fields are " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private JsonValue required(JsonObject object, String key) {
        Member member = object.members().get(key);
        if (member == null || member.value() instanceof JsonNull) {
            throw new CaseFileException(object.location(), "missing field \"" + key + "\"");
        }
        return member.value();
    }

    private String requiredString(JsonObject object, String key) {
        JsonValue value = required(object, key);
        if (!(value instanceof JsonString text)) {
            throw new CaseFileException(value.location(), key + " must be a string, found " + value.typeName());
        }
        return text.value();
    }

    private @Nullable String optionalString(JsonObject object, String key) {
        Member member = object.members().get(key);
        if (member == null || member.value() instanceof JsonNull) {
            return null;
        }
        return requiredString(object, key);
    }

    private JsonObject object(JsonValue value, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new CaseFileException(value.location(), what + " must be a JSON object, found " + value.typeName());
    }

    private List<JsonValue> array(JsonValue value, String what) {
        if (value instanceof JsonArray array) {
            return array.elements();
        }
        throw new CaseFileException(value.location(), what + " must be a JSON array, found " + value.typeName());
    }

    private String scalar(JsonValue value, String key) {
        if (value instanceof JsonString text) {
            return text.value();
        }
        if (value instanceof JsonNumber number) {
            return number.text();
        }
        if (value instanceof JsonBoolean bool) {
            return String.valueOf(bool.value());
        }
        throw new CaseFileException(value.location(), "value of " + key + " must be a string, number or boolean, "
                + "found " + value.typeName());
    }
}
