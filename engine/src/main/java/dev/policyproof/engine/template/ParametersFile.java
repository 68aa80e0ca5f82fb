package dev.policyproof.engine.template;

import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.TemplateValue.Entry;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads template parameter values from JSON or YAML in one of two shapes: the AWS CLI list
 * {@code [{"ParameterKey": "Env", "ParameterValue": "prod"}]}, or a map {@code {"Env": "prod"}}, optionally under a
 * {@code Parameters} key as CodePipeline's template configuration file has it. A list value is joined with commas.
 */
public final class ParametersFile {

    private ParametersFile() {}

    /**
     * Parses {@code text}, the content of the parameters file {@code name}.
     *
     * @throws TemplateException if the text is not one of the accepted shapes
     */
    public static Map<String, String> parse(String name, String text) {
        TemplateValue root = TemplateTreeReader.read(name, text);
        Map<String, String> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (root instanceof Sequence list) {
            for (TemplateValue item : list.elements()) {
                Optional<String> key = item instanceof Mapping m ? m.get("ParameterKey").flatMap(TemplateValue::asText)
                        : Optional.empty();
                Optional<String> value = item instanceof Mapping m ? m.get("ParameterValue").flatMap(ParametersFile::text)
                        : Optional.empty();
                if (key.isEmpty() || value.isEmpty()) {
                    problems.add(problem(item.location()));
                } else {
                    values.put(key.get(), value.get());
                }
            }
        } else if (root instanceof Mapping map) {
            Mapping entries = map.entries().size() == 1 && map.get("Parameters").orElse(null) instanceof Mapping inner
                    ? inner : map;
            for (Entry entry : entries.entries().values()) {
                Optional<String> value = text(entry.value());
                if (value.isEmpty()) {
                    problems.add(problem(entry.value().location()));
                } else {
                    values.put(entry.key(), value.get());
                }
            }
        } else {
            problems.add(problem(root.location()));
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return values;
    }

    private static Optional<String> text(TemplateValue value) {
        if (value instanceof Scalar scalar) {
            return Optional.of(scalar.text());
        }
        if (value instanceof Sequence sequence && sequence.elements().stream().allMatch(Scalar.class::isInstance)) {
            return Optional.of(String.join(",", sequence.elements().stream().map(e -> ((Scalar) e).text()).toList()));
        }
        return Optional.empty();
    }

    private static Problem problem(SourceLocation location) {
        return new Problem("invalid-parameters", "expected a parameter value: use [{\"ParameterKey\": \"Env\", "
                + "\"ParameterValue\": \"prod\"}] or {\"Env\": \"prod\"}", location);
    }
}
