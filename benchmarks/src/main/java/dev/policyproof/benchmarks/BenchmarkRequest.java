package dev.policyproof.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;

/**
 * The request of {@link EvaluationBenchmark}: user alice reads an object of her own in an S3 bucket, and the
 * statement that allows it. Its context fails every {@code Deny} condition that {@link ConditionGenerator} writes.
 */
final class BenchmarkRequest {

    static final String PRINCIPAL = "arn:aws:iam::" + PolicyGenerator.CALLER_ACCOUNT + ":user/alice";

    private static final int BUCKET = 2;

    private BenchmarkRequest() {}

    static Request forOwner(String owner) {
        RequestContext context = RequestContext.builder()
                .put("aws:username", "alice")
                .put("aws:SourceIp", "10.1.2.3")
                .put("aws:SecureTransport", "true")
                .put("aws:CurrentTime", "2025-03-14T09:30:00Z")
                .put("aws:RequestedRegion", "us-east-1")
                .put("aws:PrincipalTag/team", "team-9")
                .put("aws:PrincipalTag/project", "proj-ledger")
                .put("aws:MultiFactorAuthPresent", "true")
                .put("aws:MultiFactorAuthAge", "120")
                .build();
        return Request.of("s3:GetObject", Service.S3.arn(owner, BUCKET, "alice/2025/report.csv"))
                .principal(PRINCIPAL)
                .resourceAccount(owner)
                .context(context)
                .build();
    }

    /** Returns an {@code Allow} for the request that uses a variable and two conditions, as a real policy might. */
    static ObjectNode targetStatement(String owner) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode();
        statement.put("Sid", "Target");
        statement.put("Effect", "Allow");
        statement.put("Action", "s3:GetObject");
        statement.put("Resource", "arn:aws:s3:::" + Service.S3.resourceName(owner, BUCKET) + "/${aws:username}/*");
        ObjectNode condition = statement.putObject("Condition");
        condition.putObject("IpAddress").put("aws:SourceIp", "10.0.0.0/8");
        condition.putObject("Bool").put("aws:SecureTransport", "true");
        return statement;
    }
}
