package dev.policyproof.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The services that generated policies and requests use, with real action names and resource ARN forms, so that
 * both evaluators recognize every action and resource type.
 */
enum Service {
    S3("s3", List.of("GetObject", "PutObject", "DeleteObject"), List.of("s3:Get*", "s3:*Object", "s3:*")),
    DYNAMODB(
            "dynamodb",
            List.of("GetItem", "PutItem", "Query", "DeleteItem"),
            List.of("dynamodb:*Item", "dynamodb:Get*", "dynamodb:*")),
    SQS("sqs", List.of("SendMessage", "ReceiveMessage", "DeleteMessage"), List.of("sqs:*Message", "sqs:*")),
    SNS("sns", List.of("Publish", "GetTopicAttributes"), List.of("sns:Get*", "sns:*")),
    KMS("kms", List.of("Decrypt", "Encrypt", "GenerateDataKey"), List.of("kms:Generate*", "kms:*crypt", "kms:*"));

    static final String REGION = "us-east-1";

    private final String prefix;
    private final List<String> actions;
    private final List<String> actionPatterns;

    Service(String prefix, List<String> actions, List<String> actionPatterns) {
        this.prefix = prefix;
        this.actions = actions;
        this.actionPatterns = actionPatterns;
    }

    String prefix() {
        return prefix;
    }

    /** Returns the full action names, such as {@code s3:GetObject}. */
    List<String> actions() {
        return actions.stream().map(name -> prefix + ":" + name).toList();
    }

    /** Returns action patterns with wildcards, each matching at least one of {@link #actions()}. */
    List<String> actionPatterns() {
        return actionPatterns;
    }

    /** Returns the name of resource {@code index} in {@code account}: a bucket, table, queue, topic or key ID. */
    String resourceName(String account, int index) {
        return switch (this) {
            case S3 -> "data-" + account.substring(0, 4) + "-" + index;
            case DYNAMODB -> "orders-" + index;
            case SQS -> "jobs-" + index;
            case SNS -> "alerts-" + index;
            case KMS -> String.format(Locale.ROOT, "%08d-0000-4000-8000-%012d", index, Long.parseLong(account));
        };
    }

    /**
     * Returns the ARN of a resource. For S3, {@code objectKey} names an object in the bucket. S3 ARNs carry no
     * account, so requests for them name the owner in {@code resourceAccount}.
     */
    String arn(String account, int index, String objectKey) {
        String name = resourceName(account, index);
        return switch (this) {
            case S3 -> "arn:aws:s3:::" + name + "/" + objectKey;
            case DYNAMODB -> regional(account, "table/" + name);
            case SQS, SNS -> regional(account, name);
            case KMS -> regional(account, "key/" + name);
        };
    }

    /** Returns a resource pattern for {@code account} with a wildcard in the resource name or Region. */
    String arnPattern(String account, int index, int variant) {
        return switch (this) {
            case S3 -> variant == 0 ? "arn:aws:s3:::" + resourceName(account, index) + "/*" : "arn:aws:s3:::data-*";
            case DYNAMODB -> variant == 0
                    ? "arn:aws:dynamodb:*:" + account + ":table/orders-" + index
                    : regional(account, "table/orders-*");
            case SQS -> variant == 0 ? regional(account, "jobs-?") : regional(account, "jobs-*");
            case SNS -> variant == 0 ? "arn:aws:sns:*:" + account + ":alerts-*" : regional(account, "alerts-?");
            case KMS -> regional(account, "key/*");
        };
    }

    private String regional(String account, String resource) {
        return "arn:aws:" + prefix + ":" + REGION + ":" + account + ":" + resource;
    }
}
