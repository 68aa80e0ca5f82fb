package dev.policyproof.engine.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the intended name for a misspelt one: a known name that differs only in case or in one character. */
final class NameSuggestions {

    private NameSuggestions() {}

    /** Returns the first candidate within one edit (insert, delete, replace or swap of neighbours), ignoring case. */
    static Optional<String> closest(String written, Collection<String> candidates) {
        String lower = written.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            if (withinOneEdit(lower, candidate.toLowerCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int start = 0;
        while (start < Math.min(a.length(), b.length()) && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        if (a.length() == b.length()) {
            String aRest = a.substring(start + 1);
            boolean replaced = aRest.equals(b.substring(start + 1));
            boolean swapped = start + 1 < a.length()
                    && a.charAt(start) == b.charAt(start + 1)
                    && a.charAt(start + 1) == b.charAt(start)
                    && a.substring(start + 2).equals(b.substring(start + 2));
            return replaced || swapped;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(start + 1).equals(shorter.substring(start));
    }
}
