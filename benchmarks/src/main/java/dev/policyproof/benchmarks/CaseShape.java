package dev.policyproof.benchmarks;

/** The kinds of policy set that {@link CaseGenerator} writes, with their share of the cases in percent. */
enum CaseShape {
    IDENTITY_ONLY(30, false),
    WITH_BOUNDARY(15, false),
    WITH_SCPS(20, false),
    RESOURCE_SAME_ACCOUNT(15, false),
    RESOURCE_CROSS_ACCOUNT(20, true);

    private final int percent;
    private final boolean crossAccount;

    CaseShape(int percent, boolean crossAccount) {
        this.percent = percent;
        this.crossAccount = crossAccount;
    }

    /** Returns the shape at {@code draw}, a number from 0 to 99, so that each shape gets its share of draws. */
    static CaseShape at(int draw) {
        int bound = 0;
        for (CaseShape shape : values()) {
            bound += shape.percent;
            if (draw < bound) {
                return shape;
            }
        }
        throw new IllegalArgumentException("draw must be from 0 to 99: " + draw);
    }

    boolean crossAccount() {
        return crossAccount;
    }

    boolean hasResourcePolicy() {
        return this == RESOURCE_SAME_ACCOUNT || this == RESOURCE_CROSS_ACCOUNT;
    }

    /** Returns the case topic, such as {@code resource-cross-account}. */
    String topic() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
