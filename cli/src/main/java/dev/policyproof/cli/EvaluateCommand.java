package dev.policyproof.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code policyproof evaluate}: decides one request given by options, or every case of a cases file. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = 100,
        customSynopsis = {
            "policyproof evaluate --policy=FILE... --action=ACTION --resource=ARN [OPTION...]",
            "       policyproof evaluate --cases=FILE [--output=FILE]",
        },
        description = {
            "Decides one request against the given policies and prints the decision with its explanation,"
                    + " or evaluates every case of a cases file and prints one JSON result per line.",
            "ssm:StartSession on an instance or managed instance ARN is authorized as a Session Manager session,"
                    + " against the target and the document."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The command ran, whatever the decisions.",
            "1:Internal error: a bug in policyproof.",
            "2:Invalid input: an unknown option, a missing file, an invalid policy or case line."
        })
final class EvaluateCommand implements Callable<Integer> {

    /** Output formats of a single request, in lower case because picocli matches and lists them as typed. */
    enum Format {
        text,
        json
    }

    /** The options that only describe a single request, which a cases file describes itself. */
    private static final Set<String> REQUEST_OPTIONS = Set.of(
            "--policy", "--action", "--resource", "--principal", "--resource-account", "--context", "--context-values",
            "--resource-policy", "--boundary", "--session-policy", "--scp-level", "--rcp-level", "--vpce-policy",
            "--document", "--format");

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Identity policy of the caller, as attached to its user, group or role. Repeat for each.")
    List<Path> identityPolicies = new ArrayList<>();

    @Option(names = "--action", paramLabel = "ACTION", description = "Action of the request, such as s3:GetObject.")
    @Nullable String action;

    @Option(names = "--resource", paramLabel = "ARN", description = "Resource ARN of the request, or *.")
    @Nullable String resource;

    @Option(
            names = "--context",
            paramLabel = "KEY=VALUE",
            description = "Single-valued condition key of the request, such as aws:RequestedRegion=us-east-1. Repeat for"
                    + " each key. For a session, ssm:resourceTag/K=V and aws:ResourceTag/K=V set the target's tags.")
    List<String> context = new ArrayList<>();

    @Option(
            names = "--context-values",
            paramLabel = "KEY=V1,V2",
            description = "Multivalued condition key, such as aws:TagKeys=Team,Env. KEY= sets the key with no values.")
    List<String> contextValues = new ArrayList<>();

    @Option(
            names = "--principal",
            paramLabel = "ARN",
            description = "Principal that sends the request: an IAM or STS ARN, a service principal, or *.")
    @Nullable String principal;

    @Option(
            names = "--resource-account",
            paramLabel = "ID",
            description = "Account ID that owns the resource. Default: the account of the resource ARN, else the"
                    + " principal's. Set it for S3, whose ARNs carry no account.")
    @Nullable String resourceAccount;

    @Option(
            names = "--resource-policy",
            paramLabel = "FILE",
            description = "Resource-based policy, such as a bucket policy; for sts:AssumeRole*, the role's trust policy.")
    @Nullable Path resourcePolicy;

    @Option(names = "--boundary", paramLabel = "FILE", description = "Permissions boundary of the caller.")
    @Nullable Path boundary;

    @Option(names = "--session-policy", paramLabel = "FILE", description = "Session policy of the caller's session.")
    @Nullable Path sessionPolicy;

    @Option(
            names = "--scp-level",
            paramLabel = "FILE[,FILE...]",
            description = "SCPs attached at one organization level. Repeat once per level, from the root down to the"
                    + " account. List every attached SCP, because FullAWSAccess is not implied.")
    List<String> scpLevels = new ArrayList<>();

    @Option(
            names = "--rcp-level",
            paramLabel = "FILE[,FILE...]",
            description = "Custom RCPs attached at one organization level. Repeat once per level, from the root down"
                    + " to the resource's account. RCPFullAWSAccess is implied at every level.")
    List<String> rcpLevels = new ArrayList<>();

    @Option(
            names = "--vpce-policy",
            paramLabel = "FILE",
            description = "Policy of the VPC endpoint that the request goes through.")
    @Nullable Path vpcEndpointPolicy;

    @Option(
            names = "--document",
            paramLabel = "ARN|NAME",
            description = "Session document that ssm:StartSession names, as an ARN or a name such as"
                    + " AWS-StartPortForwardingSession. Without it, the session names no document, so Session"
                    + " Manager starts the default shell.")
    @Nullable String document;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format of a single request: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(
            names = "--cases",
            paramLabel = "FILE",
            description = "Cases file to evaluate, one JSON case per line. Prints one compact JSON result per case, in"
                    + " input order, and a summary on standard error. Excludes the request options.")
    @Nullable Path cases;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "File to write the output to, replacing its content. Default: standard output.")
    @Nullable Path output;

    @Override
    public Integer call() {
        if (cases != null) {
            rejectRequestOptions();
            new CaseRun(cases, output).run(spec.commandLine().getOut(), spec.commandLine().getErr());
        } else {
            requireRequestOptions();
            new SingleRequest(this).run(spec.commandLine().getOut(), output);
        }
        return 0;
    }

    private void rejectRequestOptions() {
        List<String> requestOptions = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(OptionSpec::longestName)
                .filter(REQUEST_OPTIONS::contains)
                .distinct()
                .toList();
        if (!requestOptions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--cases cannot be combined with "
                    + String.join(", ", requestOptions) + ", because each case carries its own policies and request");
        }
    }

    private void requireRequestOptions() {
        List<String> missing = new ArrayList<>();
        if (action == null) {
            missing.add("--action");
        }
        if (resource == null) {
            missing.add("--resource");
        }
        if (identityPolicies.isEmpty() && resourcePolicy == null) {
            missing.add("--policy or --resource-policy");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required options: " + String.join(", ", missing)
                    + ". A single request needs them, or use --cases FILE");
        }
    }
}
