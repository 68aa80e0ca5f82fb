package dev.policyproof.engine.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A union of cubes: the requests some statement, policy or combination of policies covers. */
final class Region {

    private static final Region EMPTY = new Region(List.of());

    /**
     * Maximum number of cubes in one region. Subtracting many statements can multiply cubes, so past this bound the
     * analysis stops with {@link TooComplexException} rather than running out of memory.
     */
    static final int MAX_CUBES = 20_000;

    private final List<Cube> cubes;

    private Region(List<Cube> cubes) {
        if (cubes.size() > MAX_CUBES) {
            throw new TooComplexException(cubes.size());
        }
        this.cubes = List.copyOf(cubes);
    }

    static Region empty() {
        return EMPTY;
    }

    static Region of(Cube cube) {
        return cube.isEmpty() ? EMPTY : new Region(List.of(cube));
    }

    static Region of(List<Cube> cubes) {
        return new Region(cubes.stream().filter(cube -> !cube.isEmpty()).toList());
    }

    List<Cube> cubes() {
        return cubes;
    }

    boolean isEmpty() {
        return cubes.isEmpty();
    }

    Optional<Cube> first() {
        return cubes.stream().findFirst();
    }

    Region or(Region other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        List<Cube> both = new ArrayList<>(cubes);
        both.addAll(other.cubes);
        return new Region(both);
    }

    Region and(Region other) {
        List<Cube> both = new ArrayList<>();
        for (Cube a : cubes) {
            for (Cube b : other.cubes) {
                Cube cube = a.and(b);
                if (!cube.isEmpty()) {
                    both.add(cube);
                }
            }
            if (both.size() > MAX_CUBES) {
                throw new TooComplexException(both.size());
            }
        }
        return new Region(both);
    }

    /** Returns the requests of this region that {@code other} does not contain. */
    Region minus(Region other) {
        List<Cube> remaining = cubes;
        for (Cube subtracted : other.cubes) {
            List<Cube> next = new ArrayList<>();
            for (Cube cube : remaining) {
                next.addAll(cube.minus(subtracted));
                if (next.size() > MAX_CUBES) {
                    throw new TooComplexException(next.size());
                }
            }
            remaining = next;
            if (remaining.isEmpty()) {
                break;
            }
        }
        return new Region(remaining);
    }
}
