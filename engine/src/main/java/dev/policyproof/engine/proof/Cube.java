package dev.policyproof.engine.proof;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of requests described by independent constraints on each dimension: a set of actions and of principals (bit
 * sets over the analysis universes), a regular set of resources, and a constraint per context key. A key without a
 * constraint is free. The empty cube has an empty dimension.
 */
final class Cube {

    private final BitSet actions;
    private final StringSet resources;
    private final BitSet principals;
    private final Map<String, KeyConstraint> keys;

    Cube(BitSet actions, StringSet resources, BitSet principals, Map<String, KeyConstraint> keys) {
        this.actions = actions;
        this.resources = resources;
        this.principals = principals;
        this.keys = Map.copyOf(keys);
    }

    BitSet actions() {
        return (BitSet) actions.clone();
    }

    StringSet resources() {
        return resources;
    }

    BitSet principals() {
        return (BitSet) principals.clone();
    }

    Map<String, KeyConstraint> keys() {
        return keys;
    }

    Cube withActions(BitSet newActions) {
        return new Cube(newActions, resources, principals, keys);
    }

    Cube withResources(StringSet newResources) {
        return new Cube(actions, newResources, principals, keys);
    }

    Cube withPrincipals(BitSet newPrincipals) {
        return new Cube(actions, resources, newPrincipals, keys);
    }

    Cube withKey(String key, KeyConstraint constraint) {
        Map<String, KeyConstraint> more = new LinkedHashMap<>(keys);
        more.merge(key, constraint, KeyConstraint::and);
        return new Cube(actions, resources, principals, more);
    }

    Cube and(Cube other) {
        BitSet bothActions = actions();
        bothActions.and(other.actions);
        BitSet bothPrincipals = principals();
        bothPrincipals.and(other.principals);
        Map<String, KeyConstraint> bothKeys = new LinkedHashMap<>(keys);
        other.keys.forEach((key, constraint) -> bothKeys.merge(key, constraint, KeyConstraint::and));
        StringSet bothResources = bothActions.isEmpty() || bothPrincipals.isEmpty()
                ? StringSet.none()
                : resources.and(other.resources);
        return new Cube(bothActions, bothResources, bothPrincipals, bothKeys);
    }

    boolean isEmpty() {
        return actions.isEmpty()
                || principals.isEmpty()
                || resources.isEmpty()
                || keys.values().stream().anyMatch(KeyConstraint::isEmpty);
    }

    /**
     * Returns the requests of this cube that {@code other} does not contain, as disjoint cubes: outside other's
     * actions; else inside them but outside its resources; and so on for each dimension other constrains.
     */
    List<Cube> minus(Cube other) {
        if (!actions.intersects(other.actions) || !principals.intersects(other.principals)) {
            return List.of(this);
        }
        List<Cube> pieces = new ArrayList<>();
        Cube inside = this;
        BitSet outsideActions = inside.actions();
        outsideActions.andNot(other.actions);
        add(pieces, inside.withActions(outsideActions));
        BitSet insideActions = inside.actions();
        insideActions.and(other.actions);
        inside = inside.withActions(insideActions);

        BitSet outsidePrincipals = inside.principals();
        outsidePrincipals.andNot(other.principals);
        add(pieces, inside.withPrincipals(outsidePrincipals));
        BitSet insidePrincipals = inside.principals();
        insidePrincipals.and(other.principals);
        inside = inside.withPrincipals(insidePrincipals);
        if (inside.isEmpty()) {
            return pieces;
        }

        if (!other.resources.isFull()) {
            add(pieces, inside.withResources(inside.resources.and(other.resources.not())));
            inside = inside.withResources(inside.resources.and(other.resources));
        }
        for (Map.Entry<String, KeyConstraint> entry : other.keys.entrySet()) {
            if (inside.isEmpty()) {
                return pieces;
            }
            for (KeyConstraint outside : entry.getValue().not()) {
                add(pieces, inside.withKey(entry.getKey(), outside));
            }
            inside = inside.withKey(entry.getKey(), entry.getValue());
        }
        return pieces;
    }

    /** Describes the cube dimension by dimension, listing at most {@code maxActions} actions by name. */
    List<String> describe(Universe universe, int maxActions) {
        List<String> lines = new ArrayList<>();
        List<String> names = actions.stream().mapToObj(universe.actions()::name).sorted().toList();
        String shown = String.join(", ", names.subList(0, Math.min(maxActions, names.size())));
        lines.add("actions:    " + shown + (names.size() > maxActions
                ? " and " + (names.size() - maxActions) + " more (" + names.size() + " in all)"
                : ""));
        lines.add("resources:  " + resources.describe());
        lines.add("principals: " + String.join(", ", principals.stream()
                .mapToObj(index -> universe.principals().get(index).identifier())
                .toList()));
        keys.forEach((key, constraint) -> {
            if (!constraint.isFull()) {
                lines.add("condition:  " + universe.spelling(key) + " " + constraint.describe());
            }
        });
        return lines;
    }

    private static void add(List<Cube> pieces, Cube cube) {
        if (!cube.isEmpty()) {
            pieces.add(cube);
        }
    }
}
