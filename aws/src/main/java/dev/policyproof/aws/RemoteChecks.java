package dev.policyproof.aws;

import dev.policyproof.aws.internal.ErrorTranslator;
import dev.policyproof.aws.internal.Loopback;
import dev.policyproof.aws.internal.Redaction;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The remote counterparts of local checks: the IAM policy simulator, IAM Access Analyzer, and the comparison of local
 * decisions with the simulator's. Every call sends policy text to AWS, and Access Analyzer's custom policy checks are
 * charged per call.
 *
 * <p>Clients are built with explicit timeouts and an explicit standard retry strategy, from the default credential
 * chain (optionally with a named profile) or from a provider passed in. Clients passed in through
 * {@link #of(IamClient, AccessAnalyzerClient)} are used as configured and not closed.
 *
 * <pre>{@code
 * try (RemoteChecks remote = RemoteChecks.builder().region("eu-west-1").build()) {
 *     Comparison comparison = remote.comparator().compare(PolicySources.identityFiles(file), request);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RemoteChecks implements AutoCloseable {

    /** The IAM actions a caller needs for every remote check. */
    public static final String REQUIRED_PERMISSIONS = "iam:SimulateCustomPolicy, iam:SimulatePrincipalPolicy,"
            + " access-analyzer:ValidatePolicy, access-analyzer:CheckAccessNotGranted,"
            + " access-analyzer:CheckNoNewAccess, access-analyzer:CheckNoPublicAccess";

    private final IamClient iam;
    private final AccessAnalyzerClient accessAnalyzer;
    private final @Nullable AwsCredentialsProvider credentials;
    private final boolean ownsClients;
    private final SimulatorOptions simulatorOptions;

    private RemoteChecks(IamClient iam, AccessAnalyzerClient accessAnalyzer,
            @Nullable AwsCredentialsProvider credentials, boolean ownsClients, SimulatorOptions simulatorOptions) {
        this.iam = iam;
        this.accessAnalyzer = accessAnalyzer;
        this.credentials = credentials;
        this.ownsClients = ownsClients;
        this.simulatorOptions = simulatorOptions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Wraps clients configured by the caller; {@link #close()} leaves them open. */
    public static RemoteChecks of(IamClient iam, AccessAnalyzerClient accessAnalyzer) {
        return new RemoteChecks(Objects.requireNonNull(iam, "iam"),
                Objects.requireNonNull(accessAnalyzer, "accessAnalyzer"), null, false, SimulatorOptions.DEFAULTS);
    }

    public IamPolicySimulator simulator() {
        return new IamPolicySimulator(iam, simulatorOptions, redaction());
    }

    public AccessAnalyzerChecks accessAnalyzer() {
        return new AccessAnalyzerChecks(accessAnalyzer, redaction());
    }

    public SimulatorComparator comparator() {
        return new SimulatorComparator(simulator());
    }

    private Redaction redaction() {
        AwsCredentialsProvider provider = credentials;
        return provider == null ? Redaction.PATTERNS : Redaction.of(provider::resolveCredentials);
    }

    /**
     * Resolves credentials once, so that a missing configuration fails before any check runs. Clients passed in
     * through {@link #of} are not checked, because their provider is not visible.
     *
     * @throws RemoteCheckException with {@link RemoteCheckException.Reason#MISSING_CREDENTIALS} if none are found
     */
    public void verifyCredentials() {
        if (credentials == null) {
            return;
        }
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw ErrorTranslator.missingCredentials("remote checks", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (ownsClients) {
            iam.close();
            accessAnalyzer.close();
        }
    }

    /** The simulator's page size and the chunk sizes for long action and resource lists. */
    record SimulatorOptions(int pageSize, int actionsPerCall, int resourcesPerCall) {
        static final SimulatorOptions DEFAULTS = new SimulatorOptions(100, 20, 10);
    }

    /**
     * Builds {@link RemoteChecks}. Without a credentials provider, the SDK's default chain is used, with the named
     * profile when one is set. Without a region, the SDK's default region chain decides.
     */
    public static final class Builder {
        private @Nullable String region;
        private @Nullable String profile;
        private @Nullable AwsCredentialsProvider credentialsProvider;
        private @Nullable URI endpointOverride;
        private int maxAttempts = 4;
        private Duration backoffBase = Duration.ofMillis(100);
        private Duration throttlingBackoffBase = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private Duration apiCallTimeout = Duration.ofSeconds(120);
        private Duration apiCallAttemptTimeout = Duration.ofSeconds(30);
        private int simulatorPageSize = SimulatorOptions.DEFAULTS.pageSize();
        private int simulatorActionsPerCall = SimulatorOptions.DEFAULTS.actionsPerCall();
        private int simulatorResourcesPerCall = SimulatorOptions.DEFAULTS.resourcesPerCall();

        private Builder() {}

        /** Sets the region for Access Analyzer, such as {@code eu-west-1}; IAM is global and signs for us-east-1. */
        public Builder region(@Nullable String region) {
            this.region = region == null || region.isBlank() ? null : region;
            return this;
        }

        /** Sets the profile that the default credential and region chains read. */
        public Builder profile(@Nullable String profile) {
            this.profile = profile == null || profile.isBlank() ? null : profile;
            return this;
        }

        public Builder credentialsProvider(@Nullable AwsCredentialsProvider provider) {
            this.credentialsProvider = provider;
            return this;
        }

        /**
         * Sends every call to a stub server on this machine instead of AWS, for tests.
         *
         * @throws IllegalArgumentException if the host is not a loopback address, because any other endpoint would
         *     receive signed requests and policy text meant for AWS
         */
        public Builder endpointOverride(@Nullable URI endpoint) {
            if (endpoint != null && !Loopback.isLoopback(endpoint)) {
                throw new IllegalArgumentException("endpoint override " + endpoint + " is not a loopback address;"
                        + " it is meant for stub servers on this machine, such as http://127.0.0.1:8080");
            }
            this.endpointOverride = endpoint;
            return this;
        }

        /** Sets the attempts per call, the first included: 1 disables retries. The default is 4. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the base delays of the exponential backoff between attempts, for errors and for throttling; zero
         * retries at once. The defaults are 100 ms and 1 s, and no delay exceeds 20 s.
         */
        public Builder backoff(Duration base, Duration throttlingBase) {
            this.backoffBase = requireNotNegative(base, "base");
            this.throttlingBackoffBase = requireNotNegative(throttlingBase, "throttlingBase");
            return this;
        }

        /** Sets the limit for one call, all attempts and backoff included. The default is 120 s. */
        public Builder apiCallTimeout(Duration timeout) {
            this.apiCallTimeout = requirePositive(timeout, "apiCallTimeout");
            return this;
        }

        /** Sets the limit for one HTTP attempt. The default is 30 s. */
        public Builder apiCallAttemptTimeout(Duration timeout) {
            this.apiCallAttemptTimeout = requirePositive(timeout, "apiCallAttemptTimeout");
            return this;
        }

        /** Sets the simulator's {@code MaxItems}, from 1 to 1000; the default is 100. */
        public Builder simulatorPageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("simulator page size must be 1 to 1000, got " + pageSize);
            }
            this.simulatorPageSize = pageSize;
            return this;
        }

        /** Sets how many actions and resources one simulator call carries; larger lists are split. */
        public Builder simulatorChunk(int actionsPerCall, int resourcesPerCall) {
            if (actionsPerCall < 1 || resourcesPerCall < 1) {
                throw new IllegalArgumentException("chunk sizes must be at least 1, got " + actionsPerCall + " and "
                        + resourcesPerCall);
            }
            this.simulatorActionsPerCall = actionsPerCall;
            this.simulatorResourcesPerCall = resourcesPerCall;
            return this;
        }

        /**
         * Builds the clients.
         *
         * @throws RemoteCheckException with {@link RemoteCheckException.Reason#MISSING_REGION} if no region is set
         *     and the default chain finds none
         */
        public RemoteChecks build() {
            Region analyzerRegion = resolveRegion();
            AwsCredentialsProvider credentials = credentialsProvider != null
                    ? credentialsProvider
                    : DefaultCredentialsProvider.builder().profileName(profile).build();
            ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                    .retryStrategy(retryStrategy())
                    .apiCallTimeout(apiCallTimeout)
                    .apiCallAttemptTimeout(apiCallAttemptTimeout)
                    .build();
            SdkHttpClient iamHttp = httpClient();
            SdkHttpClient analyzerHttp = httpClient();
            var iamBuilder = IamClient.builder()
                    .region(globalRegionFor(analyzerRegion))
                    .credentialsProvider(credentials)
                    .httpClient(iamHttp)
                    .overrideConfiguration(overrides);
            var analyzerBuilder = AccessAnalyzerClient.builder()
                    .region(analyzerRegion)
                    .credentialsProvider(credentials)
                    .httpClient(analyzerHttp)
                    .overrideConfiguration(overrides);
            if (endpointOverride != null) {
                iamBuilder.endpointOverride(endpointOverride);
                analyzerBuilder.endpointOverride(endpointOverride);
            }
            SimulatorOptions options =
                    new SimulatorOptions(simulatorPageSize, simulatorActionsPerCall, simulatorResourcesPerCall);
            return new RemoteChecks(iamBuilder.build(), analyzerBuilder.build(), credentials, true, options);
        }

        private Region resolveRegion() {
            if (region != null) {
                return Region.of(region);
            }
            try {
                return DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion();
            } catch (SdkClientException e) {
                throw new RemoteCheckException(RemoteCheckException.Reason.MISSING_REGION, "remote checks",
                        "no AWS region is configured. Set one, such as policyproof.aws.region=us-east-1,"
                                + " AWS_REGION, or region in the profile.", null);
            }
        }

        /** IAM has one endpoint per partition, reached through the partition's global region. */
        private static Region globalRegionFor(Region region) {
            String id = region.id();
            if (id.startsWith("cn-")) {
                return Region.AWS_CN_GLOBAL;
            }
            if (id.startsWith("us-gov-")) {
                return Region.AWS_US_GOV_GLOBAL;
            }
            return Region.AWS_GLOBAL;
        }

        /** Builds the standard strategy with every setting explicit, so an SDK upgrade cannot change it silently. */
        private RetryStrategy retryStrategy() {
            return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(maxAttempts)
                    .backoffStrategy(backoff(backoffBase))
                    .throttlingBackoffStrategy(backoff(throttlingBackoffBase))
                    .build();
        }

        private BackoffStrategy backoff(Duration base) {
            return base.isZero() ? BackoffStrategy.retryImmediately() : BackoffStrategy.exponentialDelay(base, maxBackoff);
        }

        /** Builds the JDK's HttpURLConnection client, whose socket timeout never outlasts one attempt. */
        private SdkHttpClient httpClient() {
            return UrlConnectionHttpClient.builder()
                    .connectionTimeout(min(Duration.ofSeconds(10), apiCallAttemptTimeout))
                    .socketTimeout(apiCallAttemptTimeout)
                    .build();
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        private static Duration requireNotNegative(Duration value, String name) {
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + value);
            }
            return value;
        }
    }
}
