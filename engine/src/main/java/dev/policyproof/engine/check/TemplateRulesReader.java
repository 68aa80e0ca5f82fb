package dev.policyproof.engine.check;

import dev.policyproof.engine.check.LocatedNode.Mapping;
import dev.policyproof.engine.rules.BastionRule;
import dev.policyproof.engine.rules.BastionRules;
import dev.policyproof.engine.rules.BastionSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code passesBastionRules} expectation: the template, its parameters, the tag that selects the bastion
 * and, optionally, the rule ids to run (all by default).
 *
 * <pre>
 * - passesBastionRules:
 *     template: src/main/cloudformation/bastion.yaml
 *     bastionTag: {key: Name, value: app-bastion}
 *     rules: [PP-BASTION-001, PP-BASTION-005]
 * </pre>
 */
final class TemplateRulesReader {

    private static final List<String> KEYS =
            List.of("template", "parameters", "parameterDefaults", "bastionTag", "rules");
    private static final List<String> TAG_KEYS = List.of("key", "value");

    private final NodeValidator validator;
    private final TemplateGroupReader templates;

    TemplateRulesReader(NodeValidator validator, TemplateGroupReader templates) {
        this.validator = validator;
        this.templates = templates;
    }

    Optional<List<Expectation>> read(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map with template, such as "
                + "{template: src/main/cloudformation/bastion.yaml}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, KEYS);
        Optional<TemplateGroupReader.LoadedTemplate> template = templates.template(mapping);
        Optional<BastionSelector> selector = NodeValidator.optional(mapping, "bastionTag")
                .map(this::selector)
                .orElse(Optional.of(BastionSelector.DEFAULT));
        Optional<List<BastionRule>> rules = NodeValidator.optional(mapping, "rules")
                .map(this::rules)
                .orElse(Optional.of(List.of(BastionRule.values())));
        if (template.isEmpty() || selector.isEmpty() || rules.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BastionRules.expectations(template.get().template(), selector.get(), rules.get()));
    }

    private Optional<BastionSelector> selector(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map with key and value, such as "
                + "{key: Name, value: app-bastion}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        validator.allowOnly(found.get(), TAG_KEYS);
        Optional<String> key = validator.required(found.get(), "key", "the tag key, such as Name")
                .flatMap(value -> validator.text(value, "a tag key"));
        Optional<String> value = validator.required(found.get(), "value", "the tag value, such as app-bastion")
                .flatMap(text -> validator.text(text, "a tag value"));
        if (key.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BastionSelector(key.get(), value.get()));
    }

    private Optional<List<BastionRule>> rules(LocatedNode node) {
        Optional<List<String>> ids = validator.texts(node, "rule ids, such as PP-BASTION-001");
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<BastionRule> rules = new ArrayList<>();
        for (String id : ids.get()) {
            Optional<BastionRule> rule = BastionRule.byId(id);
            if (rule.isEmpty()) {
                validator.report("unknown-rule", "unknown rule id \"" + id + "\"; use one of " + String.join(", ",
                        Arrays.stream(BastionRule.values()).map(BastionRule::id).toList()), node);
                return Optional.empty();
            }
            rules.add(rule.get());
        }
        if (rules.isEmpty()) {
            validator.report("empty-list", "rules selects no rule; list rule ids or remove the key to run all", node);
            return Optional.empty();
        }
        return Optional.of(rules);
    }
}
