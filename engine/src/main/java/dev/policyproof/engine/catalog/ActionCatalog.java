package dev.policyproof.engine.catalog;

import dev.policyproof.engine.internal.GlobPattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The IAM action catalogue: every service prefix with its actions, resource types and condition keys. A catalogue is
 * immutable and safe to share between threads.
 *
 * <p>{@link #allActions()} has a stable order, services by prefix and actions by name, both ignoring case. Each
 * action's position in it is a dense index from 0 to {@link #size()} - 1, so callers can hold sets of actions in a
 * {@link BitSet}.
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">
 *     Actions, resources, and condition keys for AWS services</a>
 */
public final class ActionCatalog {

    static final String BUNDLED_RESOURCE = "aws-iam-catalog.json.gz";

    private final CatalogHeader header;
    private final List<ServiceInfo> services;
    private final Map<String, ServiceInfo> servicesByLowerPrefix;
    private final List<ActionInfo> actions;
    private final Map<String, ActionInfo> actionsByLowerName;
    private final Duration loadTime;

    /** Every condition key the services list, built on first use; racing threads build equal lists. */
    private volatile @Nullable List<String> conditionKeys;

    ActionCatalog(CatalogHeader header, List<ServiceInfo> services, Duration loadTime) {
        this.header = Objects.requireNonNull(header, "header");
        this.services = List.copyOf(services);
        this.loadTime = Objects.requireNonNull(loadTime, "loadTime");
        Map<String, ServiceInfo> byPrefix = new HashMap<>();
        List<ActionInfo> all = new ArrayList<>();
        Map<String, ActionInfo> byName = new HashMap<>();
        for (ServiceInfo service : services) {
            byPrefix.put(service.prefix().toLowerCase(Locale.ROOT), service);
            for (ActionInfo action : service.actions()) {
                if (action.index() != all.size()) {
                    throw new IllegalArgumentException("action " + action + " has index " + action.index()
                            + " but is number " + all.size() + " in catalogue order");
                }
                all.add(action);
                byName.put(action.fullName().toLowerCase(Locale.ROOT), action);
            }
        }
        this.servicesByLowerPrefix = Map.copyOf(byPrefix);
        this.actions = List.copyOf(all);
        this.actionsByLowerName = Map.copyOf(byName);
    }

    /** Loads the bundled catalogue once, on first use. */
    private static final class Bundled {
        static final ActionCatalog INSTANCE = loadBundled();

        private static ActionCatalog loadBundled() {
            try (InputStream in = ActionCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new CatalogException("the bundled catalogue " + BUNDLED_RESOURCE
                            + " is missing from the class path; the policyproof-engine jar is incomplete");
                }
                return read(in, "bundled catalogue " + BUNDLED_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled catalogue " + BUNDLED_RESOURCE, e);
            }
        }
    }

    /** Returns the catalogue bundled with the engine, loaded on the first call and shared afterwards. */
    public static ActionCatalog bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads a catalogue in the bundled file's layout, gzip-compressed or plain JSON.
     *
     * @throws CatalogException if the stream is not a catalogue of schema {@value CatalogHeader#SCHEMA}
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static ActionCatalog read(InputStream in) {
        return read(in, "catalogue stream");
    }

    /**
     * Reads a catalogue file, for example one written by {@link CatalogRefresher}.
     *
     * @throws CatalogException if the file is not a catalogue of schema {@value CatalogHeader#SCHEMA}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ActionCatalog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ActionCatalog read(InputStream in, String sourceName) {
        long start = System.nanoTime();
        CatalogReader.Contents contents = CatalogReader.read(in, sourceName);
        return new ActionCatalog(contents.header(), contents.services(), Duration.ofNanos(System.nanoTime() - start));
    }

    public CatalogHeader header() {
        return header;
    }

    /** Returns how long reading and indexing this catalogue took. */
    public Duration loadTime() {
        return loadTime;
    }

    /** Returns the services in prefix order. */
    public List<ServiceInfo> services() {
        return services;
    }

    /** Returns the service with {@code prefix}, ignoring case. */
    public Optional<ServiceInfo> service(String prefix) {
        return Optional.ofNullable(servicesByLowerPrefix.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** Returns the action named {@code prefix:Name}, ignoring case as IAM does. */
    public Optional<ActionInfo> action(String fullName) {
        return Optional.ofNullable(actionsByLowerName.get(fullName.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns every action that the policy action pattern {@code pattern} matches, in catalogue order. {@code *}
     * matches any run of characters and {@code ?} one character, in the prefix as well as the name, and case is
     * ignored: {@code *}, {@code s3:Get*} and {@code *:Describe*} are all patterns.
     */
    public List<ActionInfo> actionsMatching(String pattern) {
        List<ActionInfo> matched = new ArrayList<>();
        matching(pattern).stream().forEach(i -> matched.add(actions.get(i)));
        return matched;
    }

    /** Returns the indexes of the actions that {@code pattern} matches, as {@link #actionsMatching(String)} does. */
    public BitSet indexesMatching(String pattern) {
        return matching(pattern);
    }

    private BitSet matching(String pattern) {
        BitSet matched = new BitSet(actions.size());
        int colon = pattern.indexOf(':');
        String prefix = colon < 0 ? "" : pattern.substring(0, colon);
        if (colon > 0 && prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
            GlobPattern namePattern = GlobPattern.compile(pattern.substring(colon + 1));
            service(prefix).ifPresent(service -> {
                for (ActionInfo action : service.actions()) {
                    if (namePattern.matches(action.name(), true)) {
                        matched.set(action.index());
                    }
                }
            });
            return matched;
        }
        GlobPattern fullPattern = GlobPattern.compile(pattern);
        for (ActionInfo action : actions) {
            if (fullPattern.matches(action.fullName(), true)) {
                matched.set(action.index());
            }
        }
        return matched;
    }

    /** Returns every action in catalogue order; an action's position is its {@link ActionInfo#index()}. */
    public List<ActionInfo> allActions() {
        return actions;
    }

    public int size() {
        return actions.size();
    }

    /**
     * Returns the index of {@code action} in this catalogue, found by name when the action comes from another
     * catalogue, or -1 when this catalogue lacks it.
     */
    public int indexOf(ActionInfo action) {
        int index = action.index();
        if (index >= 0 && index < actions.size() && actions.get(index) == action) {
            return index;
        }
        return action(action.fullName()).map(ActionInfo::index).orElse(-1);
    }

    /**
     * Returns the action at {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    public ActionInfo actionAt(int index) {
        return actions.get(index);
    }

    /**
     * Returns true when {@code action} supports the condition key {@code key}: the action, one of its resource types
     * or the action on that type lists the key, or the key is global (see {@link ConditionKeys#isGlobal(String)}).
     * Case is ignored, and a template such as {@code ssm:resourceTag/${TagKey}} covers every concrete tag key.
     */
    public boolean supportsConditionKey(ActionInfo action, String key) {
        if (ConditionKeys.isGlobal(key)) {
            return true;
        }
        for (String declared : action.supportedConditionKeys()) {
            if (ConditionKeys.matches(declared, key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the type name of {@code key}, such as {@code String} or {@code ArrayOfString}: from the global table for
     * global keys, otherwise from the service named by the key's prefix. For {@code aws:} keys that services list,
     * such as {@code aws:TagKeys}, the first service listing the key gives the type.
     */
    public Optional<String> conditionKeyType(String key) {
        Optional<String> global = ConditionKeys.globalKeyType(key);
        if (global.isPresent()) {
            return global;
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = key.substring(0, colon);
        if (!prefix.equalsIgnoreCase("aws")) {
            return service(prefix).flatMap(service -> service.conditionKeyType(key));
        }
        for (ServiceInfo service : services) {
            Optional<String> type = service.conditionKeyType(key);
            if (type.isPresent()) {
                return type;
            }
        }
        return Optional.empty();
    }

    /** Returns every condition key that some service lists, templates included, sorted ignoring case. */
    public List<String> conditionKeys() {
        List<String> keys = conditionKeys;
        if (keys == null) {
            TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (ServiceInfo service : services) {
                all.addAll(service.conditionKeyTypes().keySet());
            }
            keys = List.copyOf(all);
            conditionKeys = keys;
        }
        return keys;
    }

    /**
     * Returns true when {@code key} is a global key or a key, or a concrete key of a template, that some service
     * lists. Case is ignored.
     */
    public boolean isKnownConditionKey(String key) {
        return ConditionKeys.isGlobal(key)
                || conditionKeys().stream().anyMatch(declared -> ConditionKeys.matches(declared, key));
    }

    /**
     * Turns an ARN format template into a glob: every {@code ${...}} placeholder becomes {@code *}. For example
     * {@code arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}} becomes
     * {@code arn:*:ssm:*:*:document/*}.
     */
    public static String arnFormatPattern(String arnFormat) {
        StringBuilder pattern = new StringBuilder(arnFormat.length());
        int i = 0;
        while (i < arnFormat.length()) {
            int close = arnFormat.startsWith("${", i) ? arnFormat.indexOf('}', i) : -1;
            if (close > 0) {
                pattern.append('*');
                i = close + 1;
            } else {
                pattern.append(arnFormat.charAt(i));
                i++;
            }
        }
        return pattern.toString();
    }

    @Override
    public String toString() {
        return "ActionCatalog " + header.source() + " " + header.sourceVersion() + " (" + services.size()
                + " services, " + actions.size() + " actions)";
    }
}
