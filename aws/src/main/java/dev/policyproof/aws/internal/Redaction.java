package dev.policyproof.aws.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Removes credential material from text that came from outside, such as a service error message that echoes request
 * headers. Patterns replace access key ids, signature parts and session tokens. When the credentials in use are
 * known, their exact values are replaced as well.
 */
public final class Redaction {

    /** Redacts by pattern only, for text produced before credentials are known. */
    public static final Redaction PATTERNS = new Redaction(List::of);

    private static final String REPLACEMENT = "[redacted]";

    /** Access key ids and unique ids: a four-letter prefix such as AKIA (long-term) or ASIA (temporary), then 16. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{16}\\b");

    /** The parts of a SigV4 Authorization header and presigned query that identify or prove the caller. */
    private static final Pattern SIGNATURE_PARTS = Pattern.compile(
            "(?i)(Credential=|Signature=|X-Amz-Security-Token[=:]\\s*|X-Amz-Credential=|X-Amz-Signature=)[^,\\s&\"<]+");

    private final Supplier<List<String>> secrets;

    private Redaction(Supplier<List<String>> secrets) {
        this.secrets = secrets;
    }

    /**
     * Redacts the values of the credentials that {@code credentials} returns, resolved only when text is redacted. A
     * provider that fails leaves pattern redaction alone.
     */
    public static Redaction of(Supplier<AwsCredentials> credentials) {
        return new Redaction(() -> {
            try {
                AwsCredentials resolved = credentials.get();
                List<String> values = new ArrayList<>();
                values.add(resolved.accessKeyId());
                values.add(resolved.secretAccessKey());
                if (resolved instanceof AwsSessionCredentials session) {
                    values.add(session.sessionToken());
                }
                return values;
            } catch (RuntimeException e) {
                return List.of();
            }
        });
    }

    /** Returns {@code text} with credential material replaced by {@code [redacted]}. */
    public String apply(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets.get()) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, REPLACEMENT);
            }
        }
        result = SIGNATURE_PARTS.matcher(result).replaceAll("$1" + REPLACEMENT);
        return ACCESS_KEY_ID.matcher(result).replaceAll(REPLACEMENT);
    }
}
