package dev.policyproof.cli;

import dev.policyproof.engine.RequestContext;
import java.util.Arrays;
import java.util.List;

/** Turns {@code --context KEY=VALUE} and {@code --context-values KEY=V1,V2} into a request context. */
final class ContextOptions {

    private ContextOptions() {}

    /**
     * Returns the context that the options set. A key given twice keeps its last value, and {@code --context-values}
     * are applied after {@code --context}.
     *
     * @throws InputException if a value has no {@code =} or an empty key
     */
    static RequestContext parse(List<String> singleValued, List<String> multivalued) {
        RequestContext.Builder context = RequestContext.builder();
        for (String entry : singleValued) {
            int equals = keyEnd(entry, "--context", "KEY=VALUE, such as aws:RequestedRegion=us-east-1");
            context.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        for (String entry : multivalued) {
            int equals = keyEnd(entry, "--context-values", "KEY=V1,V2, such as aws:TagKeys=Team,Env");
            String values = entry.substring(equals + 1);
            List<String> list = values.isEmpty() ? List.of() : Arrays.asList(values.split(",", -1));
            context.putAll(entry.substring(0, equals), list);
        }
        return context.build();
    }

    /** Returns the index of the {@code =} that ends the key; keys never contain one, values may. */
    private static int keyEnd(String entry, String option, String form) {
        int equals = entry.indexOf('=');
        if (equals <= 0) {
            throw new InputException("Invalid " + option + " value \"" + entry + "\": expected " + form);
        }
        return equals;
    }
}
