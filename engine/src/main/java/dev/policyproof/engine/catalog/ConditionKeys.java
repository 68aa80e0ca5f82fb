package dev.policyproof.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Condition key names: template matching and the global keys that every action supports.
 *
 * <p>Some keys that the catalogue lists are templates. After the last {@code /}, a {@code ${...}} placeholder,
 * {@code tag-key}, {@code <key>} or nothing stands for a name the policy author picks, so
 * {@code aws:ResourceTag/${TagKey}} covers {@code aws:ResourceTag/Name}. Other keys with a {@code /}, such as
 * {@code apigateway:Request/ApiName}, are literal. IAM compares key names without regard to case.
 */
public final class ConditionKeys {

    /** Global keys with their types, in the order of the IAM User Guide page. */
    private static final String[][] GLOBAL_KEY_TABLE = {
        {"aws:PrincipalArn", "ARN"},
        {"aws:PrincipalAccount", "String"},
        {"aws:PrincipalOrgPaths", "ArrayOfString"},
        {"aws:PrincipalOrgID", "String"},
        {"aws:PrincipalTag/", "String"},
        {"aws:PrincipalIsAWSService", "Bool"},
        {"aws:PrincipalServiceName", "String"},
        {"aws:PrincipalServiceNamesList", "ArrayOfString"},
        {"aws:PrincipalType", "String"},
        {"aws:userid", "String"},
        {"aws:username", "String"},
        {"aws:AssumedRoot", "Bool"},
        {"aws:FederatedProvider", "String"},
        {"aws:TokenIssueTime", "Date"},
        {"aws:MultiFactorAuthAge", "Numeric"},
        {"aws:MultiFactorAuthPresent", "Bool"},
        {"aws:ChatbotSourceArn", "ARN"},
        {"aws:Ec2InstanceSourceVpc", "String"},
        {"aws:Ec2InstanceSourcePrivateIPv4", "IPAddress"},
        {"aws:SourceIdentity", "String"},
        {"ec2:RoleDelivery", "Numeric"},
        {"ec2:SourceInstanceArn", "ARN"},
        {"glue:RoleAssumedBy", "String"},
        {"glue:CredentialIssuingService", "String"},
        {"lambda:SourceFunctionArn", "ARN"},
        {"ssm:SourceInstanceArn", "ARN"},
        {"identitystore:UserId", "String"},
        {"aws:SourceIp", "IPAddress"},
        {"aws:SourceVpc", "String"},
        {"aws:SourceVpcArn", "ARN"},
        {"aws:SourceVpce", "String"},
        {"aws:VpceAccount", "String"},
        {"aws:VpceOrgPaths", "ArrayOfString"},
        {"aws:VpceOrgID", "String"},
        {"aws:VpcSourceIp", "IPAddress"},
        {"aws:ResourceAccount", "String"},
        {"aws:ResourceOrgPaths", "ArrayOfString"},
        {"aws:ResourceOrgID", "String"},
        {"aws:CalledVia", "ArrayOfString"},
        {"aws:CalledViaFirst", "String"},
        {"aws:CalledViaLast", "String"},
        {"aws:ViaAWSService", "Bool"},
        {"aws:CurrentTime", "Date"},
        {"aws:EpochTime", "Numeric"},
        {"aws:referer", "String"},
        {"aws:RequestedRegion", "String"},
        {"aws:SecureTransport", "Bool"},
        {"aws:SourceAccount", "String"},
        {"aws:SourceArn", "ARN"},
        {"aws:SourceOrgID", "String"},
        {"aws:SourceOrgPaths", "ArrayOfString"},
        {"aws:UserAgent", "String"},
    };

    /**
     * Global keys, lower-cased, with their type. The catalogue omits the global list, so this table is taken from the
     * IAM User Guide page "AWS global condition context keys" and includes its cross-service keys such as
     * {@code ec2:SourceInstanceArn}.
     *
     * <p>NOTE: these keys are treated as applicable to every action, although AWS sets many of them only in some
     * request contexts. {@code aws:RequestTag/}, {@code aws:ResourceTag/} and {@code aws:TagKeys} are left out
     * because the catalogue lists them per action. A global key that AWS adds later is reported as unknown until
     * this table gains it.
     */
    private static final Map<String, String> GLOBAL_KEY_TYPES = globalKeyTypes();

    private static final List<String> GLOBAL_KEYS = globalKeyNames();

    private ConditionKeys() {}

    /** Returns true when {@code declared} stands for a family of keys, such as {@code aws:ResourceTag/${TagKey}}. */
    public static boolean isTemplate(String declared) {
        int slash = declared.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        String tail = declared.substring(slash + 1);
        return tail.isEmpty()
                || (tail.startsWith("${") && tail.endsWith("}"))
                || tail.equalsIgnoreCase("tag-key")
                || (tail.startsWith("<") && tail.endsWith(">"));
    }

    /**
     * Returns true when the key {@code used} in a policy is the catalogue key {@code declared} or, for a template,
     * one of its concrete keys. Both comparisons ignore case.
     */
    public static boolean matches(String declared, String used) {
        if (!isTemplate(declared)) {
            return declared.equalsIgnoreCase(used);
        }
        int prefixLength = declared.lastIndexOf('/') + 1;
        return used.length() > prefixLength && used.regionMatches(true, 0, declared, 0, prefixLength);
    }

    /** Returns the part of a template key before the name the author picks, for example {@code aws:ResourceTag/}. */
    public static String templatePrefix(String declared) {
        return isTemplate(declared) ? declared.substring(0, declared.lastIndexOf('/') + 1) : declared;
    }

    /** Returns true when {@code key} is a global key that this catalogue treats as supported by every action. */
    public static boolean isGlobal(String key) {
        return globalKeyType(key).isPresent();
    }

    /** Returns the type of a global key, such as {@code ArrayOfString} for {@code aws:CalledVia}. */
    public static Optional<String> globalKeyType(String key) {
        String normalized = key.toLowerCase(Locale.ROOT);
        String exact = GLOBAL_KEY_TYPES.get(normalized);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = normalized.indexOf('/');
        if (slash > 0 && slash < normalized.length() - 1) {
            return Optional.ofNullable(GLOBAL_KEY_TYPES.get(normalized.substring(0, slash + 1)));
        }
        return Optional.empty();
    }

    /** Returns true for key types with a set of values, which {@code ForAllValues:} and {@code ForAnyValue:} expect. */
    public static boolean isMultivalued(String type) {
        return type.startsWith("ArrayOf");
    }

    /** Returns the global keys as AWS spells them; {@code aws:PrincipalTag/} is a template for every tag key. */
    public static List<String> globalKeys() {
        return GLOBAL_KEYS;
    }

    private static Map<String, String> globalKeyTypes() {
        Map<String, String> types = new TreeMap<>();
        for (String[] row : GLOBAL_KEY_TABLE) {
            types.put(row[0].toLowerCase(Locale.ROOT), row[1]);
        }
        return Map.copyOf(types);
    }

    private static List<String> globalKeyNames() {
        List<String> names = new ArrayList<>();
        for (String[] row : GLOBAL_KEY_TABLE) {
            names.add(row[0]);
        }
        return List.copyOf(names);
    }

}
