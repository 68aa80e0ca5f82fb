package dev.policyproof.engine.internal;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ConditionOperator;
import dev.policyproof.engine.Effect;
import dev.policyproof.engine.ElementValues;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.PrincipalElement;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.Statement;
import dev.policyproof.engine.internal.JsonValue.JsonArray;
import dev.policyproof.engine.internal.JsonValue.JsonBoolean;
import dev.policyproof.engine.internal.JsonValue.JsonNumber;
import dev.policyproof.engine.internal.JsonValue.JsonObject;
import dev.policyproof.engine.internal.JsonValue.JsonString;
import dev.policyproof.engine.internal.JsonValue.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a located JSON tree into the policy model, collecting every grammar problem instead of stopping at the first.
 */
public final class PolicyDocumentReader {

    private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> VERSIONS = Set.of(Policy.VERSION_2012_10_17, "2008-10-17");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    /** A service prefix, a colon and an action name that may use {@code *} and {@code ?}. */
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+");

    /** IAM allows only letters and digits in the {@code Sid} of identity policies. */
    private static final Pattern IDENTITY_SID = Pattern.compile("[A-Za-z0-9]*");

    private final String source;
    private final PolicyKind kind;
    private final List<Problem> problems = new ArrayList<>();
    private boolean substituteVariables;

    private PolicyDocumentReader(String source, PolicyKind kind) {
        this.source = source;
        this.kind = kind;
    }

    /**
     * Parses {@code json} into a policy of the given kind.
     *
     * @throws PolicyParseException listing every problem, if there is any
     */
    public static Policy read(String source, String json, PolicyKind kind) {
        return read(source, LocatedJsonReader.read(source, json), kind);
    }

    /**
     * Builds a policy from an already parsed tree, such as a policy embedded in a larger document; locations and
     * pointers stay those of the enclosing document.
     *
     * @throws PolicyParseException listing every problem, if there is any
     */
    public static Policy read(String source, JsonValue root, PolicyKind kind) {
        PolicyDocumentReader reader = new PolicyDocumentReader(source, kind);
        Policy policy = reader.readPolicy(root);
        if (!reader.problems.isEmpty() || policy == null) {
            throw new PolicyParseException(reader.problems);
        }
        return policy;
    }

    private @Nullable Policy readPolicy(JsonValue root) {
        if (!(root instanceof JsonObject object)) {
            problem("invalid-type", "a policy must be a JSON object, found " + root.typeName(), root.location());
            return null;
        }
        rejectUnknown(object, POLICY_ELEMENTS, "policy");
        String version = readVersion(object);
        substituteVariables = Policy.VERSION_2012_10_17.equals(version);
        String id = optionalString(object, "Id");
        List<Statement> statements = readStatements(object);
        if (statements.isEmpty()) {
            return null;
        }
        return Policy.builder()
                .name(source)
                .kind(kind)
                .version(version)
                .id(id)
                .statements(statements)
                .location(object.location())
                .build();
    }

    private @Nullable String readVersion(JsonObject policy) {
        Member member = policy.members().get("Version");
        if (member == null) {
            return null;
        }
        String version = string(member);
        if (version != null && !VERSIONS.contains(version)) {
            problem(
                    "invalid-version",
                    "invalid Version \"" + version + "\"; use \"2012-10-17\", the only version with policy variables",
                    member.value().location());
        }
        return version;
    }

    private List<Statement> readStatements(JsonObject policy) {
        Member member = policy.members().get("Statement");
        if (member == null) {
            problem("missing-element", "the policy has no Statement; add a Statement object or array", policy.location());
            return List.of();
        }
        List<JsonValue> elements;
        if (member.value() instanceof JsonArray array) {
            elements = array.elements();
            if (elements.isEmpty()) {
                problem(
                        "empty-statement",
                        "Statement is an empty array; a policy needs at least one statement",
                        array.location());
            }
        } else {
            elements = List.of(member.value());
        }
        List<Statement> statements = new ArrayList<>();
        Map<String, SourceLocation> sids = new HashMap<>();
        for (JsonValue element : elements) {
            Statement statement = readStatement(element, statements.size() + 1, sids);
            if (statement != null) {
                statements.add(statement);
            }
        }
        return problems.isEmpty() ? statements : List.of();
    }

    private @Nullable Statement readStatement(JsonValue value, int index, Map<String, SourceLocation> sids) {
        if (!(value instanceof JsonObject statement)) {
            problem("invalid-type", "a statement must be a JSON object, found " + value.typeName(), value.location());
            return null;
        }
        int problemsBefore = problems.size();
        rejectUnknown(statement, STATEMENT_ELEMENTS, "statement");
        String sid = readSid(statement, sids);
        Effect effect = readEffect(statement);
        PrincipalElement principal = readPrincipal(statement, effect);
        ElementValues action = readPair(statement, "Action", "NotAction", true);
        ElementValues resource = readPair(statement, "Resource", "NotResource", kind.resourceRequired());
        List<Condition> conditions = readConditions(statement);
        if (problems.size() > problemsBefore || effect == null || action == null) {
            return null;
        }
        return Statement.builder()
                .index(index)
                .sid(sid)
                .effect(effect)
                .principal(principal)
                .action(action)
                .resource(resource)
                .conditions(conditions)
                .location(statement.location())
                .build();
    }

    private @Nullable String readSid(JsonObject statement, Map<String, SourceLocation> sids) {
        Member member = statement.members().get("Sid");
        if (member == null) {
            return null;
        }
        String sid = string(member);
        if (sid == null) {
            return null;
        }
        SourceLocation at = member.value().location();
        if (kind == PolicyKind.IDENTITY && !IDENTITY_SID.matcher(sid).matches()) {
            problem("invalid-sid", "Sid \"" + sid + "\" may contain only letters and digits in an identity policy", at);
        }
        SourceLocation first = sids.putIfAbsent(sid, at);
        if (first != null && !sid.isEmpty()) {
            problem(
                    "duplicate-sid",
                    "Sid \"" + sid + "\" is already used at line " + first.line() + "; Sids must be unique in a policy",
                    at);
        }
        return sid;
    }

    private @Nullable Effect readEffect(JsonObject statement) {
        Member member = statement.members().get("Effect");
        if (member == null) {
            problem("missing-element", "the statement has no Effect; add \"Effect\": \"Allow\" or \"Deny\"",
                    statement.location());
            return null;
        }
        String text = string(member);
        if (text == null) {
            return null;
        }
        for (Effect effect : Effect.values()) {
            if (effect.jsonName().equals(text)) {
                return effect;
            }
        }
        problem("invalid-effect", "invalid Effect \"" + text + "\"; use \"Allow\" or \"Deny\", spelled exactly so",
                member.value().location());
        return null;
    }

    private @Nullable PrincipalElement readPrincipal(JsonObject statement, @Nullable Effect effect) {
        Member principal = statement.members().get("Principal");
        Member notPrincipal = statement.members().get("NotPrincipal");
        if (principal != null && notPrincipal != null) {
            problem("principal-and-not-principal", "the statement has both Principal and NotPrincipal; keep one",
                    notPrincipal.keyLocation());
            return null;
        }
        Member member = principal != null ? principal : notPrincipal;
        if (member == null) {
            if (kind.principalRequired()) {
                problem("missing-element", "a " + kind.displayName() + " statement needs a Principal",
                        statement.location());
            }
            return null;
        }
        if (!kind.principalRequired()) {
            problem("principal-not-allowed",
                    "an " + kind.displayName() + " must not name a " + member.key()
                            + "; the principal is whoever the policy is attached to",
                    member.keyLocation());
            return null;
        }
        if (member == notPrincipal && !checkNotPrincipal(notPrincipal, effect)) {
            return null;
        }
        return readPrincipalValue(member);
    }

    /**
     * Rejects {@code NotPrincipal} where IAM does not support it: with {@code "Effect": "Allow"} and in role trust
     * policies ("IAM JSON policy elements: NotPrincipal").
     */
    private boolean checkNotPrincipal(Member notPrincipal, @Nullable Effect effect) {
        if (kind == PolicyKind.TRUST) {
            problem("not-principal-not-allowed", "a role trust policy must not use NotPrincipal; name the trusted "
                    + "principals in Principal", notPrincipal.keyLocation());
            return false;
        }
        if (effect == Effect.ALLOW) {
            problem("not-principal-with-allow", "NotPrincipal works only with \"Effect\": \"Deny\"; an Allow would "
                    + "grant every other principal, anonymous callers included. Use Principal, or a Deny statement",
                    notPrincipal.keyLocation());
            return false;
        }
        return true;
    }

    private @Nullable PrincipalElement readPrincipalValue(Member member) {
        JsonValue value = member.value();
        if (value instanceof JsonString text) {
            if (!text.value().equals("*")) {
                problem("invalid-principal", member.key() + " as a string must be \"*\"; name principals as {\"AWS\": "
                        + "[...]}", text.location());
                return null;
            }
            return new PrincipalElement(member.key(), true, Map.of(), value.location());
        }
        if (!(value instanceof JsonObject object)) {
            problem("invalid-type", member.key() + " must be \"*\" or an object, found " + value.typeName(),
                    value.location());
            return null;
        }
        Map<String, List<String>> principals = new LinkedHashMap<>();
        for (Member type : object.members().values()) {
            if (!PRINCIPAL_TYPES.contains(type.key())) {
                problem("unknown-element", "unknown principal type \"" + type.key()
                        + "\"; use AWS, Service, Federated or CanonicalUser", type.keyLocation());
                continue;
            }
            principals.put(type.key(), strings(type.value(), member.key() + "." + type.key()));
        }
        return new PrincipalElement(member.key(), false, principals, value.location());
    }

    private @Nullable ElementValues readPair(
            JsonObject statement, String positive, String negative, boolean required) {
        Member plain = statement.members().get(positive);
        Member negated = statement.members().get(negative);
        if (plain != null && negated != null) {
            problem(
                    lower(positive) + "-and-" + lower(negative),
                    "the statement has both " + positive + " and " + negative + "; keep one of them",
                    negated.keyLocation());
            return null;
        }
        Member member = plain != null ? plain : negated;
        if (member == null) {
            if (required) {
                problem("missing-element",
                        "the statement has neither " + positive + " nor " + negative + "; add one of them",
                        statement.location());
            }
            return null;
        }
        if (!required && kind == PolicyKind.TRUST) {
            problem("unknown-element", "a role trust policy must not have " + member.key(), member.keyLocation());
            return null;
        }
        List<String> values = strings(member.value(), member.key());
        if (values.isEmpty() && member.value() instanceof JsonArray) {
            problem("empty-value", member.key() + " is an empty array; list at least one value",
                    member.value().location());
        }
        validateValues(member, values);
        List<SourceLocation> valueLocations = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            valueLocations.add(elementLocation(member.value(), i));
        }
        return new ElementValues(
                member.key(), values, member.value() instanceof JsonArray, member.value().location(), valueLocations);
    }

    private void validateValues(Member member, List<String> values) {
        boolean actions = member.key().endsWith("Action");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            SourceLocation at = elementLocation(member.value(), i);
            if (actions && !value.equals("*") && !ACTION.matcher(value).matches()) {
                problem("invalid-action", "invalid action \"" + value
                        + "\"; write service:Action, such as \"ssm:StartSession\", or \"*\"", at);
            } else if (!actions && !value.equals("*") && !isArnPattern(value)) {
                problem("invalid-resource", "invalid resource \"" + value
                        + "\"; write \"*\" or an ARN with six colon-separated fields, such as "
                        + "\"arn:aws:ec2:*:*:instance/*\"", at);
            } else if (!actions) {
                checkTemplate(value, at);
            }
        }
    }

    private static boolean isArnPattern(String value) {
        return value.startsWith("arn:") && value.chars().filter(c -> c == ':').count() >= 5;
    }

    private List<Condition> readConditions(JsonObject statement) {
        Member member = statement.members().get("Condition");
        if (member == null) {
            return List.of();
        }
        if (!(member.value() instanceof JsonObject operators)) {
            problem("invalid-type", "Condition must be an object of operators, found " + member.value().typeName(),
                    member.value().location());
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        for (Member operatorMember : operators.members().values()) {
            ConditionOperator operator = readOperator(operatorMember);
            if (operator == null) {
                continue;
            }
            if (!(operatorMember.value() instanceof JsonObject keys)) {
                problem("invalid-type", "condition operator " + operator + " must map keys to values, found "
                        + operatorMember.value().typeName(), operatorMember.value().location());
                continue;
            }
            if (keys.members().isEmpty()) {
                problem("empty-value", "condition operator " + operator + " has no keys", keys.location());
            }
            for (Member key : keys.members().values()) {
                Condition condition = readCondition(operator, key);
                if (condition != null) {
                    conditions.add(condition);
                }
            }
        }
        return conditions;
    }

    private @Nullable ConditionOperator readOperator(Member member) {
        ConditionOperator operator = ConditionOperator.parse(member.key());
        boolean isNull = operator.baseName().equals(ConditionFunctions.NULL);
        if (!isNull && ConditionFunctions.find(operator.baseName()).isEmpty()) {
            String suggestion = ConditionFunctions.suggest(operator.baseName())
                    .map(name -> "; did you mean " + operator.qualifier().prefix() + name
                            + (operator.ifExists() ? "IfExists" : "") + "?")
                    .orElse("; see the IAM condition operators reference for valid names");
            problem("unknown-operator", "unknown condition operator \"" + member.key() + "\"" + suggestion,
                    member.keyLocation());
            return null;
        }
        if (isNull && (operator.ifExists() || operator.qualifier() != ConditionOperator.SetQualifier.NONE)) {
            problem("invalid-operator", "\"" + member.key()
                    + "\" is not valid: Null already tests whether the key exists, so write plain \"Null\"",
                    member.keyLocation());
            return null;
        }
        return operator;
    }

    private @Nullable Condition readCondition(ConditionOperator operator, Member key) {
        List<String> values = conditionValues(key);
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            problem("empty-value", "condition key " + key.key() + " under " + operator + " has no values",
                    key.value().location());
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            checkConditionValue(operator, values.get(i), elementLocation(key.value(), i));
        }
        return new Condition(operator, key.key(), values, key.value() instanceof JsonArray, key.keyLocation());
    }

    private void checkConditionValue(ConditionOperator operator, String value, SourceLocation at) {
        if (operator.baseName().equals(ConditionFunctions.NULL)) {
            if (!value.equals("true") && !value.equals("false")) {
                problem("invalid-condition-value",
                        "Null takes \"true\" (key absent) or \"false\" (key present), found \"" + value + "\"", at);
            }
            return;
        }
        try {
            ConditionFunctions.find(operator.baseName()).orElseThrow().compile(value, substituteVariables);
        } catch (IllegalArgumentException e) {
            problem("invalid-condition-value", "invalid value for " + operator + ": " + e.getMessage(), at);
        }
    }

    private @Nullable List<String> conditionValues(Member key) {
        JsonValue value = key.value();
        List<JsonValue> items = value instanceof JsonArray array ? array.elements() : List.of(value);
        List<String> values = new ArrayList<>();
        for (JsonValue item : items) {
            if (item instanceof JsonString text) {
                values.add(text.value());
            } else if (item instanceof JsonNumber number) {
                values.add(number.text());
            } else if (item instanceof JsonBoolean bool) {
                values.add(String.valueOf(bool.value()));
            } else {
                problem("invalid-type", "condition value of " + key.key()
                        + " must be a string, number or boolean, found " + item.typeName(), item.location());
                return null;
            }
        }
        return values;
    }

    private void checkTemplate(String value, SourceLocation at) {
        try {
            PolicyValueTemplate.parse(value, substituteVariables);
        } catch (IllegalArgumentException e) {
            problem("invalid-variable", "invalid policy variable in \"" + value + "\": " + e.getMessage(), at);
        }
    }

    private List<String> strings(JsonValue value, String elementName) {
        List<JsonValue> items = value instanceof JsonArray array ? array.elements() : List.of(value);
        List<String> values = new ArrayList<>();
        for (JsonValue item : items) {
            if (item instanceof JsonString text) {
                if (text.value().isEmpty()) {
                    problem("empty-value", elementName + " has an empty string", item.location());
                }
                values.add(text.value());
            } else {
                problem("invalid-type", elementName + " values must be strings, found " + item.typeName(),
                        item.location());
            }
        }
        return values;
    }

    private @Nullable String string(Member member) {
        if (member.value() instanceof JsonString text) {
            return text.value();
        }
        problem("invalid-type", member.key() + " must be a string, found " + member.value().typeName(),
                member.value().location());
        return null;
    }

    private @Nullable String optionalString(JsonObject object, String key) {
        Member member = object.members().get(key);
        return member == null ? null : string(member);
    }

    private void rejectUnknown(JsonObject object, Set<String> known, String what) {
        for (Member member : object.members().values()) {
            if (!known.contains(member.key())) {
                String hint = known.stream()
                        .filter(name -> name.equalsIgnoreCase(member.key()))
                        .findFirst()
                        .map(name -> "; element names are case-sensitive, did you mean \"" + name + "\"?")
                        .orElse("; valid elements are " + String.join(", ", sorted(known)));
                problem("unknown-element", "unknown " + what + " element \"" + member.key() + "\"" + hint,
                        member.keyLocation());
            }
        }
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }

    private static SourceLocation elementLocation(JsonValue value, int index) {
        if (value instanceof JsonArray array && index < array.elements().size()) {
            return array.elements().get(index).location();
        }
        return value.location();
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private void problem(String code, String message, SourceLocation location) {
        problems.add(new Problem(code, message, location));
    }
}
