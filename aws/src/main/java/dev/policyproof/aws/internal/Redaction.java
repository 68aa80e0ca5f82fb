package dev.policyproof.aws.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes credential material from text that came from outside, such as a service error message that echoes request
 * headers. Access key ids, signatures and session tokens are replaced, so messages and reports never carry them.
 */
public final class Redaction {

    /** Access key ids: a four-letter prefix such as AKIA (long-term) or ASIA (temporary), then 16 characters. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{16}\\b");

    /** The parts of a SigV4 Authorization header and presigned query that identify or prove the caller. */
    private static final Pattern SIGNATURE_PARTS = Pattern.compile(
            "(?i)(Credential=|Signature=|X-Amz-Security-Token[=:]\\s*|X-Amz-Credential=|X-Amz-Signature=)[^,\\s&\"]+");

    private Redaction() {}

    /** Returns {@code text} with credential material replaced by {@code [redacted]}. */
    public static String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String withoutSignature = SIGNATURE_PARTS.matcher(text).replaceAll("$1[redacted]");
        return ACCESS_KEY_ID.matcher(withoutSignature).replaceAll("[redacted]");
    }

    /** Returns {@code text} with credential material and each of {@code secrets} replaced. */
    public static String redact(@Nullable String text, Iterable<String> secrets) {
        String result = redact(text);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "[redacted]");
            }
        }
        return result;
    }
}
