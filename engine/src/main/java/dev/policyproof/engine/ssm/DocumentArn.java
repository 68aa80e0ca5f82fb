package dev.policyproof.engine.ssm;

import org.jspecify.annotations.Nullable;

/** The fields of an SSM document ARN, {@code arn:PARTITION:ssm:REGION:ACCOUNT:document/NAME}. */
record DocumentArn(String partition, String region, String account, String name) {

    private static final String DOCUMENT_PREFIX = "document/";

    /** Returns the fields, or null when {@code arn} is not an SSM document ARN. */
    static @Nullable DocumentArn parse(String arn) {
        String[] fields = arn.split(":", 6);
        if (fields.length != 6 || !fields[0].equals("arn") || !fields[2].equals("ssm")) {
            return null;
        }
        if (!fields[5].startsWith(DOCUMENT_PREFIX)) {
            return null;
        }
        return new DocumentArn(fields[1], fields[3], fields[4], fields[5].substring(DOCUMENT_PREFIX.length()));
    }
}
