package dev.policyproof.engine.proof;

import dev.policyproof.engine.catalog.ActionCatalog;
import dev.policyproof.engine.catalog.ActionInfo;
import dev.policyproof.engine.internal.GlobPattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The actions an analysis ranges over, each with a dense index so that sets of actions are bit sets. Action patterns
 * expand against this list, so results are exact for the actions it contains: the action catalogue's, plus any literal
 * action a policy or scope names that the catalogue lacks.
 */
public final class ActionSpace {

    private final List<String> names;
    private final Map<String, Integer> indexByLowerName;
    private final Function<String, List<String>> arnPatterns;
    private final Map<String, BitSet> matchesByPattern = new ConcurrentHashMap<>();

    private ActionSpace(List<String> names, Function<String, List<String>> arnPatterns) {
        this.names = List.copyOf(names);
        this.indexByLowerName = new java.util.HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            indexByLowerName.putIfAbsent(this.names.get(i).toLowerCase(Locale.ROOT), i);
        }
        this.arnPatterns = arnPatterns;
    }

    private static volatile ActionSpace bundled;

    /** Returns the space of every action in the bundled action catalogue, built once. */
    public static ActionSpace bundled() {
        ActionSpace space = bundled;
        if (space == null) {
            space = fromCatalog(ActionCatalog.bundled());
            bundled = space;
        }
        return space;
    }

    /** Returns the space of every action in {@code catalog}, with the ARN formats of each action's resource types. */
    public static ActionSpace fromCatalog(ActionCatalog catalog) {
        List<String> names = catalog.allActions().stream().map(ActionInfo::fullName).toList();
        return new ActionSpace(names, action -> catalog.action(action)
                .map(info -> info.resources().stream()
                        .flatMap(resource -> resource.resourceType().arnFormats().stream())
                        .toList())
                .orElse(List.of()));
    }

    /** Returns a space of exactly {@code actions}, without resource formats; for tests and closed worlds. */
    public static ActionSpace of(List<String> actions) {
        return new ActionSpace(actions, action -> List.of());
    }

    /**
     * Returns a space of {@code actions} whose resource ARN formats come from {@code arnPatterns}, as globs such as
     * {@code arn:*:ssm:*:*:document/*}.
     */
    public static ActionSpace of(List<String> actions, Function<String, List<String>> arnPatterns) {
        return new ActionSpace(actions, arnPatterns);
    }

    /** Returns this space plus {@code literals} it lacks, compared without regard to case. */
    public ActionSpace withLiterals(Set<String> literals) {
        Set<String> missing = literals.stream()
                .filter(action -> !action.contains("*") && !action.contains("?"))
                .filter(action -> !indexByLowerName.containsKey(action.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (missing.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(missing);
        return new ActionSpace(all, arnPatterns);
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    BitSet all() {
        BitSet all = new BitSet(names.size());
        all.set(0, names.size());
        return all;
    }

    /** Returns the actions {@code pattern} matches, without regard to case, as the evaluator matches actions. */
    BitSet matching(String pattern) {
        return (BitSet) matchesByPattern
                .computeIfAbsent(pattern.toLowerCase(Locale.ROOT), this::computeMatching)
                .clone();
    }

    private BitSet computeMatching(String pattern) {
        BitSet matches = new BitSet(names.size());
        if (!pattern.contains("*") && !pattern.contains("?")) {
            Integer index = indexByLowerName.get(pattern.toLowerCase(Locale.ROOT));
            if (index != null) {
                matches.set(index);
            }
            return matches;
        }
        GlobPattern glob = GlobPattern.compile(pattern);
        for (int i = 0; i < names.size(); i++) {
            if (glob.matches(names.get(i), true)) {
                matches.set(i);
            }
        }
        return matches;
    }

    /** Returns the ARN formats of the action's resource types as glob patterns; empty when unknown or none. */
    List<String> arnPatterns(int index) {
        return arnPatterns.apply(names.get(index));
    }
}
