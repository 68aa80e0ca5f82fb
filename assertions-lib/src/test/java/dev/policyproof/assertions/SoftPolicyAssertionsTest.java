package dev.policyproof.assertions;

import static dev.policyproof.assertions.PolicyAssertions.PORT_FORWARD_TO_REMOTE_HOST;
import static dev.policyproof.assertions.TestPolicies.NAIVE;
import static dev.policyproof.assertions.TestPolicies.REPORT;
import static dev.policyproof.assertions.TestPolicies.REPORTS_READER;
import static dev.policyproof.assertions.TestPolicies.TUNNEL_ONLY;
import static dev.policyproof.assertions.TestPolicies.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SoftPolicyAssertionsTest {

    @Test
    void collects_failures_in_order_with_numbers() {
        // GIVEN two chains that fail, and one between them that passes
        SoftPolicyAssertions softly = new SoftPolicyAssertions();
        softly.assertThatPolicy(REPORTS_READER).as("reader deletes").allows("s3:DeleteObject").on(REPORT);
        softly.assertThatPolicy(TUNNEL_ONLY).allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST);
        softly.assertThatPolicy(REPORTS_READER).as("reader writes").allows("s3:PutObject").on(REPORT);

        // WHEN
        Throwable error = catchThrowable(softly::assertAll);

        // THEN
        assertThat(error).isInstanceOf(AssertionError.class);
        assertThat(messageOf(error)).isEqualTo("""
                2 checks failed

                failure 1 of 2
                [reader deletes]
                expected:     allowed: s3:DeleteObject on arn:aws:s3:::reports/q1.csv
                but found:    a Deny statement matches the request
                request:      s3:DeleteObject on arn:aws:s3:::reports/q1.csv
                decision:     EXPLICIT_DENY
                denied by:    statement 4 of 4, Sid "DenyDeleteReports", line 32 of \
                src/test/resources/policies/reports-reader.json
                                "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::reports/*"

                failure 2 of 2
                [reader writes]
                expected:     allowed: s3:PutObject on arn:aws:s3:::reports/q1.csv
                but found:    no statement allows the request
                request:      s3:PutObject on arn:aws:s3:::reports/q1.csv
                decision:     IMPLICIT_DENY
                because:      implicit deny: no identity policy allows the request
                closest miss: no Allow statement covers s3:PutObject""");
    }

    @Test
    void check_failure_does_not_throw() {
        // GIVEN
        SoftPolicyAssertions softly = new SoftPolicyAssertions();

        // WHEN / THEN
        assertThatCode(() -> softly.assertThatPolicy(NAIVE)
                        .allowsStartSession()
                        .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST))
                .doesNotThrowAnyException();
        assertThat(softly.failureMessages()).hasSize(1);
    }

    @Test
    void chain_stops_after_first_failure() {
        // GIVEN one chain whose document check fails, followed by two checks that would fail as well
        SoftPolicyAssertions softly = new SoftPolicyAssertions();

        // WHEN
        softly.assertThatPolicy(NAIVE)
                .allowsStartSession()
                .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
                .onlyForTag("Name", "other-host")
                .returnToPolicy()
                .allows("s3:GetObject")
                .on(REPORT);

        // THEN only the document check is reported
        assertThat(softly.failureMessages()).hasSize(1);
        assertThat(softly.failureMessages().get(0))
                .contains("expected:     ssm:StartSession allowed only with AWS-StartPortForwardingSessionToRemoteHost");
    }

    @Test
    void other_chains_continue_after_a_failure() {
        // GIVEN
        SoftPolicyAssertions softly = new SoftPolicyAssertions();
        PolicyAssert reader = softly.assertThatPolicy(REPORTS_READER);

        // WHEN a failed check ends the first chain, and a second chain starts on the same policy
        reader.allows("s3:DeleteObject").on(REPORT).allows("s3:PutObject").on(REPORT);
        softly.assertThatPolicy(REPORTS_READER).allows("s3:PutObject").on(REPORT);

        // THEN
        assertThat(softly.failureMessages()).hasSize(2);
        assertThat(softly.failureMessages().get(0)).contains("allowed: s3:DeleteObject");
        assertThat(softly.failureMessages().get(1)).contains("allowed: s3:PutObject");
    }

    @Test
    void assert_softly_passes_without_failures() {
        // GIVEN / WHEN / THEN
        assertThatCode(() -> SoftPolicyAssertions.assertSoftly(softly -> softly.assertThatPolicy(TUNNEL_ONLY)
                        .allowsStartSession()
                        .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
                        .onlyForTag("Name", "app-bastion")))
                .doesNotThrowAnyException();
    }

    @Test
    void assert_softly_reports_every_failure() {
        // GIVEN / WHEN
        Throwable error = catchThrowable(() -> SoftPolicyAssertions.assertSoftly(softly -> {
            softly.assertThatPolicy(NAIVE).allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST);
            softly.assertThatPolicy(REPORTS_READER).allows("s3:DeleteObject").on(REPORT);
        }));

        // THEN
        assertThat(messageOf(error))
                .startsWith("2 checks failed\n\nfailure 1 of 2\n[src/test/resources/policies/naive-engineer.json]")
                .contains("\n\nfailure 2 of 2\n[src/test/resources/policies/reports-reader.json]\n");
    }

    @Test
    void close_reports_failures() {
        // GIVEN / WHEN
        Throwable error = catchThrowable(() -> {
            try (SoftPolicyAssertions softly = new SoftPolicyAssertions()) {
                softly.assertThatPolicy((Path) null).allowsStartSession();
            }
        });

        // THEN
        assertThat(messageOf(error)).isEqualTo("""
                1 check failed

                failure 1 of 1
                [policy]
                expected:     a policy to check
                but found:    null""");
    }

    @Test
    void collects_from_many_threads() throws Exception {
        // GIVEN one failing check per thread, started together
        SoftPolicyAssertions softly = new SoftPolicyAssertions();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();

        // WHEN
        try {
            for (int i = 0; i < threads; i++) {
                String description = "thread " + i;
                done.add(executor.submit(() -> {
                    start.await();
                    softly.assertThatPolicy(REPORTS_READER).as(description).allows("s3:PutObject").on(REPORT);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }

        // THEN
        assertThat(softly.failureMessages()).hasSize(threads);
        assertThat(messageOf(catchThrowable(softly::assertAll)))
                .startsWith("8 checks failed\n")
                .contains("failure 8 of 8\n[thread ");
    }
}
