package dev.policyproof.engine.proof;

import java.util.List;

/**
 * The allowed requests of a scope as a finite list of regions, each printed dimension by dimension. When
 * {@code exact} is false, some statements are not represented exactly, {@code unknowns} lists them, and the regions
 * are an upper bound: every allowed request is in them, but not every request in them is allowed.
 */
public record AllowedRequests(List<List<String>> regions, boolean exact, List<Unknown> unknowns) {

    public AllowedRequests {
        regions = regions.stream().map(List::copyOf).toList();
        unknowns = List.copyOf(unknowns);
    }

    /** Renders every region, numbered from 1, one dimension per line. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(regions.size()).append(regions.size() == 1 ? " region" : " regions")
                .append(exact ? "" : " (an upper bound: " + unknowns.size() + " inexact parts)")
                .append(System.lineSeparator());
        for (int i = 0; i < regions.size(); i++) {
            text.append("region ").append(i + 1).append(':').append(System.lineSeparator());
            for (String line : regions.get(i)) {
                text.append("  ").append(line).append(System.lineSeparator());
            }
        }
        unknowns.forEach(unknown -> text.append("inexact: ").append(unknown).append(System.lineSeparator()));
        return text.toString();
    }
}
