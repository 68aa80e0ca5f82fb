package dev.policyproof.engine.template;

import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.TemplateValue.Entry;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Null;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.ScalarType;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import dev.policyproof.engine.template.TemplateValue.Unknown;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the intrinsic functions of a template value by what they return, as far as that is known before
 * deployment. {@code Ref} reads parameters, pseudo parameters and {@link SyntheticIds} for resources;
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::If}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap},
 * {@code Fn::GetAZs} and {@code Fn::Base64} are computed. {@code Fn::ImportValue}, {@code Fn::Cidr},
 * {@code AWS::NotificationARNs} and whatever depends on them become {@link Unknown}. An invalid call, such as a
 * {@code Ref} to an undeclared name, is a problem.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">Intrinsic
 *     function reference</a>
 */
final class IntrinsicResolver {

    private final Mapping parameters;
    private final Mapping mappings;
    private final Mapping conditions;
    private final Map<String, Mapping> resources;
    private final TemplateSettings settings;
    private final String stackName;
    private final SyntheticIds ids;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, @Nullable Boolean> conditionValues = new LinkedHashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    IntrinsicResolver(Mapping root, Map<String, Mapping> resources, TemplateSettings settings, String stackName) {
        this.parameters = section(root, "Parameters");
        this.mappings = section(root, "Mappings");
        this.conditions = section(root, "Conditions");
        this.resources = resources;
        this.settings = settings;
        this.stackName = stackName;
        this.ids = new SyntheticIds(settings.partition(), settings.region(), settings.account());
    }

    private static Mapping section(Mapping root, String name) {
        return root.get(name).filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .orElse(new Mapping(Map.of(), root.location()));
    }

    List<Problem> problems() {
        return problems;
    }

    /** Resolves {@code value}; a value that is {@code AWS::NoValue} as a whole becomes {@link Null}. */
    TemplateValue resolve(TemplateValue value) {
        TemplateValue resolved = resolveOrDrop(value);
        return resolved == null ? new Null(value.location()) : resolved;
    }

    /**
     * Returns whether the named condition holds, or null when it depends on an unknown value.
     */
    @Nullable Boolean condition(String name, SourceLocation at) {
        if (conditionValues.containsKey(name)) {
            return conditionValues.get(name);
        }
        Optional<TemplateValue> definition = conditions.get(name);
        if (definition.isEmpty()) {
            problem("undefined-condition", "condition \"" + name + "\" is not declared under Conditions; declare it or "
                    + "fix the name", at);
            return null;
        }
        if (!evaluating.add(name)) {
            problem("circular-condition", "condition \"" + name + "\" refers to itself", at);
            return null;
        }
        Boolean result = conditionExpression(definition.get());
        evaluating.remove(name);
        conditionValues.put(name, result);
        return result;
    }

    private @Nullable TemplateValue resolveOrDrop(TemplateValue value) {
        if (value instanceof Sequence sequence) {
            List<TemplateValue> elements = new ArrayList<>();
            for (TemplateValue element : sequence.elements()) {
                TemplateValue resolved = resolveOrDrop(element);
                if (resolved != null) {
                    elements.add(resolved);
                }
            }
            return new Sequence(elements, sequence.location());
        }
        if (!(value instanceof Mapping mapping)) {
            return value;
        }
        Optional<Entry> function = function(mapping);
        if (function.isPresent()) {
            TemplateValue result = call(function.get(), mapping.location());
            return result == NO_VALUE ? null : result;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Entry entry : mapping.entries().values()) {
            TemplateValue resolved = resolveOrDrop(entry.value());
            if (resolved != null) {
                entries.put(entry.key(), new Entry(entry.key(), entry.keyLocation(), resolved));
            }
        }
        return new Mapping(entries, mapping.location());
    }

    /** Returns the only entry of a one-key mapping named {@code Ref} or {@code Fn::...}, the shape of a function. */
    private static Optional<Entry> function(Mapping mapping) {
        if (mapping.entries().size() != 1) {
            return Optional.empty();
        }
        Entry entry = mapping.entries().values().iterator().next();
        return entry.key().equals("Ref") || entry.key().startsWith("Fn::") ? Optional.of(entry) : Optional.empty();
    }

    private @Nullable TemplateValue call(Entry function, SourceLocation at) {
        TemplateValue argument = function.value();
        return switch (function.key()) {
            case "Ref" -> textArgument(argument, "Ref").map(name -> ref(name, at)).orElse(invalid(at));
            case "Fn::GetAtt" -> getAtt(argument, at);
            case "Fn::Sub" -> new SubResolver(this).sub(argument, at);
            case "Fn::Join" -> join(argument, at);
            case "Fn::If" -> fnIf(argument, at);
            case "Fn::Select" -> select(argument, at);
            case "Fn::Split" -> split(argument, at);
            case "Fn::FindInMap" -> findInMap(argument, at);
            case "Fn::GetAZs" -> getAzs(argument, at);
            case "Fn::Base64" -> base64(argument, at);
            case "Fn::ImportValue" -> new Unknown("Fn::ImportValue " + describe(resolve(argument))
                    + " reads an output of another stack", at);
            case "Fn::Cidr" -> new Unknown("Fn::Cidr is not computed", at);
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> booleanOf(conditionExpression(
                    new Mapping(Map.of(function.key(), function), at)), at);
            default -> new Unknown(function.key() + " is not supported", at);
        };
    }

    TemplateValue ref(String name, SourceLocation at) {
        if (name.startsWith("AWS::")) {
            return pseudoParameter(name, at);
        }
        Optional<TemplateValue> parameter = parameters.get(name);
        if (parameter.isPresent()) {
            return parameterValue(name, parameter.get(), at);
        }
        Mapping resource = resources.get(name);
        if (resource != null) {
            String type = resource.get("Type").flatMap(TemplateValue::asText).orElse("");
            TemplateValue physicalName = physicalName(name, type, resource, at);
            if (physicalName instanceof Unknown unknown) {
                return unknown;
            }
            return new Scalar(ids.ref(type, name, ((Scalar) physicalName).text()), ScalarType.STRING, at, name);
        }
        problem("undefined-reference", "Ref to \"" + name + "\", which is neither a parameter nor a resource of "
                + "this template; fix the name or declare it", at);
        return new Unknown("Ref to undeclared " + name, at);
    }

    private TemplateValue pseudoParameter(String name, SourceLocation at) {
        String value = switch (name) {
            case "AWS::AccountId" -> settings.account();
            case "AWS::Region" -> settings.region();
            case "AWS::Partition" -> settings.partition();
            case "AWS::URLSuffix" -> SyntheticIds.urlSuffix(settings.partition());
            case "AWS::StackName" -> stackName;
            case "AWS::StackId" -> "arn:" + settings.partition() + ":cloudformation:" + settings.region() + ":"
                    + settings.account() + ":stack/" + stackName + "/00000000-0000-0000-0000-000000000000";
            default -> null;
        };
        if (value != null) {
            return Scalar.string(value, at);
        }
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (name.equals("AWS::NotificationARNs")) {
            return new Unknown("AWS::NotificationARNs is set at deployment", at);
        }
        problem("undefined-reference", "unknown pseudo parameter " + name + "; use one of AWS::AccountId, "
                + "AWS::Region, AWS::Partition, AWS::URLSuffix, AWS::StackName, AWS::StackId, AWS::NoValue", at);
        return new Unknown("unknown pseudo parameter " + name, at);
    }

    /** Marks {@code AWS::NoValue} until {@link #resolveOrDrop} drops the element that contains it. */
    private static final TemplateValue NO_VALUE = new Null(new SourceLocation("AWS::NoValue", 0, 0, ""));

    private TemplateValue parameterValue(String name, TemplateValue declaration, SourceLocation at) {
        Mapping mapping = declaration instanceof Mapping m ? m : new Mapping(Map.of(), declaration.location());
        String type = mapping.get("Type").flatMap(TemplateValue::asText).orElse("String");
        String given = settings.parameters().get(name);
        if (given == null && settings.useParameterDefaults()) {
            given = mapping.get("Default").flatMap(TemplateValue::asText).orElse(null);
        }
        if (given == null) {
            return new Unknown("parameter " + name + " has no value; give it in a parameters file"
                    + (mapping.get("Default").isPresent() ? " or use its default" : ""), at);
        }
        if (type.startsWith("AWS::SSM::Parameter::Value<")) {
            return new Unknown("parameter " + name + " reads SSM parameter " + given + " at deployment", at);
        }
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
            List<TemplateValue> items = new ArrayList<>();
            for (String item : given.split(",", -1)) {
                items.add(Scalar.string(item.strip(), at));
            }
            return new Sequence(items, at);
        }
        return Scalar.string(given, at);
    }

    /**
     * Returns the resource's name property resolved, or the stack name and logical id when it has none. A name that
     * depends on an unknown value is unknown, so the ARNs built from it are too.
     */
    private TemplateValue physicalName(String logicalId, String type, Mapping resource, SourceLocation at) {
        String property = SyntheticIds.NAME_PROPERTIES.get(type);
        Optional<TemplateValue> declared = property == null ? Optional.empty() : resource.get("Properties")
                .filter(Mapping.class::isInstance)
                .flatMap(properties -> ((Mapping) properties).get(property));
        if (declared.isEmpty()) {
            return Scalar.string(stackName + "-" + logicalId, at);
        }
        if (!evaluating.add("name:" + logicalId)) {
            problem("circular-reference", "the name of " + logicalId + " refers to itself", at);
            return new Unknown("circular name of " + logicalId, at);
        }
        TemplateValue name = resolve(declared.get());
        evaluating.remove("name:" + logicalId);
        if (name instanceof Unknown unknown) {
            return new Unknown("the name of " + logicalId + " is unknown: " + unknown.reason(), at);
        }
        if (!(name instanceof Scalar)) {
            problem("invalid-resource", property + " of " + logicalId + " must be a string, found " + name.typeName(),
                    name.location());
            return new Unknown("invalid name of " + logicalId, at);
        }
        return name;
    }

    private TemplateValue getAtt(TemplateValue argument, SourceLocation at) {
        List<String> parts = resolveTexts(argument).orElse(List.of());
        if (parts.size() != 2) {
            problem("invalid-intrinsic", "Fn::GetAtt takes a logical id and an attribute name, such as "
                    + "!GetAtt Role.Arn", at);
            return invalid(at);
        }
        return getAtt(parts.get(0), parts.get(1), at);
    }

    TemplateValue getAtt(String logicalId, String attribute, SourceLocation at) {
        Mapping resource = resources.get(logicalId);
        if (resource == null) {
            problem("undefined-reference", "Fn::GetAtt on \"" + logicalId + "\", which is not a resource of this "
                    + "template; fix the logical id", at);
            return invalid(at);
        }
        String type = resource.get("Type").flatMap(TemplateValue::asText).orElse("");
        TemplateValue physicalName = physicalName(logicalId, type, resource, at);
        if (physicalName instanceof Unknown unknown) {
            return unknown;
        }
        Optional<String> value = ids.attribute(type, logicalId, ((Scalar) physicalName).text(), attribute);
        return value.<TemplateValue>map(text -> new Scalar(text, ScalarType.STRING, at, logicalId))
                .orElse(new Unknown("attribute " + logicalId + "." + attribute + " of " + type + " is not modelled",
                        at));
    }

    private TemplateValue join(TemplateValue argument, SourceLocation at) {
        TemplateValue resolved = resolve(argument);
        if (!(resolved instanceof Sequence pair) || pair.elements().size() != 2
                || !(pair.elements().get(0) instanceof Scalar delimiter)) {
            return invalidCall("Fn::Join takes a delimiter and a list, such as !Join [\",\", [a, b]]", resolved, at);
        }
        if (!(pair.elements().get(1) instanceof Sequence items)) {
            return invalidCall("the second argument of Fn::Join must be a list", pair.elements().get(1), at);
        }
        List<String> texts = new ArrayList<>();
        for (TemplateValue item : items.elements()) {
            if (item instanceof Unknown unknown) {
                return new Unknown(unknown.reason(), at);
            }
            if (!(item instanceof Scalar scalar)) {
                return invalidCall("Fn::Join joins strings, found " + item.typeName(), item, at);
            }
            texts.add(scalar.text());
        }
        return Scalar.string(String.join(delimiter.text(), texts), at);
    }

    private @Nullable TemplateValue fnIf(TemplateValue argument, SourceLocation at) {
        if (!(argument instanceof Sequence triple) || triple.elements().size() != 3) {
            problem("invalid-intrinsic", "Fn::If takes a condition name and two values", at);
            return invalid(at);
        }
        Optional<String> name = textArgument(triple.elements().get(0), "Fn::If");
        if (name.isEmpty()) {
            return invalid(at);
        }
        Boolean holds = condition(name.get(), at);
        if (holds == null) {
            return new Unknown("condition " + name.get() + " depends on an unknown value", at);
        }
        return resolveOrDrop(triple.elements().get(holds ? 1 : 2));
    }

    private TemplateValue select(TemplateValue argument, SourceLocation at) {
        TemplateValue resolved = resolve(argument);
        if (!(resolved instanceof Sequence pair) || pair.elements().size() != 2) {
            return invalidCall("Fn::Select takes an index and a list", resolved, at);
        }
        TemplateValue index = pair.elements().get(0);
        TemplateValue list = pair.elements().get(1);
        if (index instanceof Unknown || list instanceof Unknown) {
            return new Unknown("Fn::Select over an unknown value", at);
        }
        if (!(list instanceof Sequence items) || !(index instanceof Scalar number) || !number.text().matches("\\d+")) {
            return invalidCall("Fn::Select takes a non-negative index and a list", resolved, at);
        }
        int i = Integer.parseInt(number.text());
        if (i >= items.elements().size()) {
            return invalidCall("Fn::Select index " + i + " is out of range for a list of " + items.elements().size(),
                    resolved, at);
        }
        return items.elements().get(i);
    }

    private TemplateValue split(TemplateValue argument, SourceLocation at) {
        TemplateValue resolved = resolve(argument);
        if (!(resolved instanceof Sequence pair) || pair.elements().size() != 2
                || !(pair.elements().get(0) instanceof Scalar delimiter)) {
            return invalidCall("Fn::Split takes a delimiter and a string", resolved, at);
        }
        TemplateValue source = pair.elements().get(1);
        if (source instanceof Unknown unknown) {
            return new Unknown(unknown.reason(), at);
        }
        if (!(source instanceof Scalar text)) {
            return invalidCall("Fn::Split splits a string, found " + source.typeName(), source, at);
        }
        List<TemplateValue> parts = new ArrayList<>();
        for (String part : text.text().split(java.util.regex.Pattern.quote(delimiter.text()), -1)) {
            parts.add(Scalar.string(part, at));
        }
        return new Sequence(parts, at);
    }

    private TemplateValue findInMap(TemplateValue argument, SourceLocation at) {
        TemplateValue resolved = resolve(argument);
        Optional<List<String>> keys = resolveTexts(resolved);
        if (resolved instanceof Sequence sequence && sequence.elements().stream().anyMatch(Unknown.class::isInstance)) {
            return new Unknown("Fn::FindInMap with an unknown key", at);
        }
        if (keys.isEmpty() || keys.get().size() != 3) {
            return invalidCall("Fn::FindInMap takes a map name, a top-level key and a second-level key", resolved, at);
        }
        Optional<TemplateValue> value = mappings.get(keys.get().get(0))
                .flatMap(map -> map instanceof Mapping m ? m.get(keys.get().get(1)) : Optional.empty())
                .flatMap(map -> map instanceof Mapping m ? m.get(keys.get().get(2)) : Optional.empty());
        if (value.isEmpty()) {
            return invalidCall("Fn::FindInMap finds no value for " + String.join(".", keys.get()) + " under Mappings",
                    resolved, at);
        }
        return resolve(value.get());
    }

    private TemplateValue getAzs(TemplateValue argument, SourceLocation at) {
        TemplateValue region = resolve(argument);
        String name = region instanceof Scalar scalar && !scalar.text().isEmpty() ? scalar.text() : settings.region();
        // NOTE: the zones available to an account differ, so three zones named a to c represent them.
        List<TemplateValue> zones = new ArrayList<>();
        for (String letter : List.of("a", "b", "c")) {
            zones.add(Scalar.string(name + letter, at));
        }
        return new Sequence(zones, at);
    }

    private TemplateValue base64(TemplateValue argument, SourceLocation at) {
        TemplateValue resolved = resolve(argument);
        if (resolved instanceof Unknown unknown) {
            return new Unknown(unknown.reason(), at);
        }
        if (!(resolved instanceof Scalar text)) {
            return invalidCall("Fn::Base64 encodes a string, found " + resolved.typeName(), resolved, at);
        }
        return Scalar.string(Base64.getEncoder().encodeToString(text.text().getBytes(StandardCharsets.UTF_8)), at);
    }

    /** Evaluates a condition expression; null means it depends on an unknown value. */
    private @Nullable Boolean conditionExpression(TemplateValue expression) {
        SourceLocation at = expression.location();
        if (!(expression instanceof Mapping mapping) || mapping.entries().size() != 1) {
            problem("invalid-condition", "a condition is one of Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, "
                    + "found " + expression.typeName(), at);
            return null;
        }
        Entry entry = mapping.entries().values().iterator().next();
        List<TemplateValue> operands = entry.value() instanceof Sequence s ? s.elements() : List.of(entry.value());
        return switch (entry.key()) {
            case "Condition" -> textArgument(entry.value(), "Condition").map(name -> condition(name, at)).orElse(null);
            case "Fn::Equals" -> equalsCondition(operands, at);
            case "Fn::Not" -> operands.size() == 1 ? not(conditionExpression(operands.get(0))) : badArity("Fn::Not", at);
            case "Fn::And" -> combine(operands, true);
            case "Fn::Or" -> combine(operands, false);
            default -> {
                problem("invalid-condition", "unsupported condition function " + entry.key(), at);
                yield null;
            }
        };
    }

    private @Nullable Boolean equalsCondition(List<TemplateValue> operands, SourceLocation at) {
        if (operands.size() != 2) {
            return badArity("Fn::Equals", at);
        }
        TemplateValue left = resolve(operands.get(0));
        TemplateValue right = resolve(operands.get(1));
        if (left instanceof Unknown || right instanceof Unknown) {
            return null;
        }
        return describe(left).equals(describe(right));
    }

    private @Nullable Boolean combine(List<TemplateValue> operands, boolean all) {
        boolean unknown = false;
        for (TemplateValue operand : operands) {
            Boolean value = conditionExpression(operand);
            if (value == null) {
                unknown = true;
            } else if (value != all) {
                return !all;
            }
        }
        return unknown ? null : all;
    }

    private static @Nullable Boolean not(@Nullable Boolean value) {
        return value == null ? null : !value;
    }

    private @Nullable Boolean badArity(String function, SourceLocation at) {
        problem("invalid-condition", function + " has the wrong number of arguments", at);
        return null;
    }

    private static TemplateValue booleanOf(@Nullable Boolean value, SourceLocation at) {
        return value == null
                ? new Unknown("condition depends on an unknown value", at)
                : new Scalar(value.toString(), ScalarType.BOOLEAN, at, null);
    }

    private Optional<String> textArgument(TemplateValue argument, String function) {
        if (argument instanceof Scalar scalar) {
            return Optional.of(scalar.text());
        }
        problem("invalid-intrinsic", function + " takes a name, found " + argument.typeName(), argument.location());
        return Optional.empty();
    }

    private Optional<List<String>> resolveTexts(TemplateValue argument) {
        TemplateValue resolved = resolve(argument);
        if (!(resolved instanceof Sequence sequence)) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (TemplateValue element : sequence.elements()) {
            if (!(element instanceof Scalar scalar)) {
                return Optional.empty();
            }
            texts.add(scalar.text());
        }
        return Optional.of(texts);
    }

    /** Prints a resolved value compactly for messages and for comparing values in Fn::Equals. */
    static String describe(TemplateValue value) {
        if (value instanceof Scalar scalar) {
            return scalar.text();
        }
        if (value instanceof Sequence sequence) {
            return sequence.elements().stream().map(IntrinsicResolver::describe).toList().toString();
        }
        if (value instanceof Mapping mapping) {
            return mapping.entries().keySet().toString();
        }
        return value instanceof Unknown unknown ? "(" + unknown.reason() + ")" : "null";
    }

    private TemplateValue invalidCall(String message, TemplateValue argument, SourceLocation at) {
        if (argument instanceof Unknown unknown) {
            return new Unknown(unknown.reason(), at);
        }
        problem("invalid-intrinsic", message, at);
        return invalid(at);
    }

    private static TemplateValue invalid(SourceLocation at) {
        return new Unknown("invalid intrinsic function", at);
    }

    void problem(String code, String message, SourceLocation at) {
        problems.add(new Problem(code, message, at));
    }
}
