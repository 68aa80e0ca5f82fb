package dev.policyproof.engine.check;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Scope;

/** Expectation classes that checks files name with {@code java}, one per way of loading them. */
public final class JavaExpectationFixtures {

    private JavaExpectationFixtures() {}

    /** Delegates to a built-in expectation, as a suite's Java check usually does. */
    public static class NeverSendsCommands implements Expectation {

        private final Expectation delegate = Expectations.neverAllows(Scope.actions("ssm:SendCommand"));

        @Override
        public String description() {
            return "team rule: " + delegate.description();
        }

        @Override
        public String ruleId() {
            return "TEAM-001";
        }

        @Override
        public CheckResult check(PolicySet policies, String title) {
            return delegate.check(policies, title);
        }
    }

    /** Fails on any policy that allows a session, so a test can run a failing Java check. */
    public static class NeverStartsSessions extends NeverSendsCommands {

        private final Expectation delegate = Expectations.neverAllows(Scope.actions("ssm:StartSession"));

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public CheckResult check(PolicySet policies, String title) {
            return delegate.check(policies, title);
        }
    }

    /** Needs an argument, which a checks file cannot pass. */
    public static class NeedsArgument extends NeverSendsCommands {

        public NeedsArgument(String account) {
            super();
        }
    }

    /** Fails while it is created. */
    public static class FailsToStart extends NeverSendsCommands {

        public FailsToStart() {
            throw new IllegalStateException("the team account is not configured");
        }
    }

    /** Cannot be instantiated. */
    public abstract static class Incomplete implements Expectation {}
}
