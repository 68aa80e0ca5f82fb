package dev.policyproof.engine.catalog;

import dev.policyproof.engine.Effect;
import dev.policyproof.engine.ElementValues;
import dev.policyproof.engine.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/** Checks the {@code Action} or {@code NotAction} values of one statement and works out which actions it covers. */
final class ActionChecks {

    private final ActionCatalog catalog;
    private final Statement statement;
    private final ElementValues element;
    private final List<Finding> findings;

    ActionChecks(ActionCatalog catalog, Statement statement, List<Finding> findings) {
        this.catalog = catalog;
        this.statement = statement;
        this.element = statement.action();
        this.findings = findings;
    }

    StatementActions run() {
        List<BitSet> perValue = new ArrayList<>();
        BitSet union = new BitSet(catalog.size());
        for (int i = 0; i < element.values().size(); i++) {
            BitSet matched = checkValue(element.values().get(i), i);
            perValue.add(matched);
            union.or(matched);
        }
        if (element.negated()) {
            checkAllowWithNotAction();
            union.flip(0, catalog.size());
        } else {
            checkRedundantValues(perValue);
        }
        return new StatementActions(union, List.copyOf(perValue), element.negated());
    }

    private BitSet checkValue(String value, int index) {
        BitSet matched = catalog.indexesMatching(value);
        if (!matched.isEmpty()) {
            return matched;
        }
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? value : value.substring(0, colon);
        String name = colon < 0 ? "" : value.substring(colon + 1);
        if (!hasWildcard(prefix) && catalog.service(prefix).isEmpty()) {
            reportInvalidService(value, prefix, index);
        } else if (!hasWildcard(value)) {
            reportInvalidAction(value, prefix, name, index);
        } else {
            report(ValidationCheck.ACTION_PATTERN_MATCHES_NOTHING, index, statementName() + ": "
                    + element.elementName() + " pattern \"" + value + "\" matches no action in the catalogue; "
                    + "correct the pattern or remove it");
        }
        return matched;
    }

    private void reportInvalidService(String value, String prefix, int index) {
        List<String> prefixes = catalog.services().stream().map(ServiceInfo::prefix).toList();
        Optional<String> suggestion = NameSuggestions.closest(prefix, prefixes);
        String fix = suggestion
                .map(known -> "did you mean \"" + known + value.substring(prefix.length()) + "\"?")
                .orElse("check the prefix in the Service Authorization Reference");
        report(ValidationCheck.UNKNOWN_SERVICE, index, statementName() + ": " + element.elementName() + " \"" + value
                + "\" names the service prefix \"" + prefix + "\", which no AWS service uses; " + fix);
    }

    private void reportInvalidAction(String value, String prefix, String name, int index) {
        ServiceInfo service = catalog.service(prefix).orElseThrow();
        List<String> names = service.actions().stream().map(ActionInfo::name).toList();
        String fix = NameSuggestions.closest(name, names)
                .map(known -> "did you mean \"" + service.prefix() + ":" + known + "\"?")
                .orElse("see the " + service.actions().size() + " actions of " + service.prefix()
                        + " in the Service Authorization Reference");
        report(ValidationCheck.UNKNOWN_ACTION, index, statementName() + ": " + element.elementName() + " \"" + value
                + "\" is not an action of " + service.prefix() + "; " + fix);
    }

    private void checkAllowWithNotAction() {
        if (statement.effect() != Effect.ALLOW) {
            return;
        }
        findings.add(Finding.of(ValidationCheck.ALLOW_WITH_NOT_ACTION, statementName() + ": \"Effect\": \"Allow\" with "
                        + "NotAction allows every action not listed, including actions AWS adds later; list the "
                        + "allowed actions in Action instead",
                element.location()));
    }

    /** Reports a value whose actions another value covers; of two equal values, the later one. */
    private void checkRedundantValues(List<BitSet> perValue) {
        for (int i = 0; i < perValue.size(); i++) {
            BitSet mine = perValue.get(i);
            if (mine.isEmpty()) {
                continue;
            }
            for (int j = 0; j < perValue.size(); j++) {
                if (j != i && covers(perValue.get(j), mine) && (j < i || !perValue.get(j).equals(mine))) {
                    report(ValidationCheck.REDUNDANT_ACTION, i, statementName() + ": " + element.elementName() + " \""
                            + element.values().get(i) + "\" is already covered by \"" + element.values().get(j)
                            + "\"; remove \"" + element.values().get(i) + "\"");
                    break;
                }
            }
        }
    }

    private static boolean covers(BitSet wider, BitSet narrower) {
        BitSet outside = (BitSet) narrower.clone();
        outside.andNot(wider);
        return outside.isEmpty();
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private String statementName() {
        return StatementNames.of(statement);
    }

    private void report(ValidationCheck check, int index, String message) {
        findings.add(Finding.of(check, message, element.valueLocation(index)));
    }
}
