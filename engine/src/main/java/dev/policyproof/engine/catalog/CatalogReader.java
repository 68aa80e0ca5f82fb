package dev.policyproof.engine.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the catalogue layout (schema 1): a header and, per service prefix, {@code n} (name), {@code a} (actions),
 * {@code r} (resource types) and {@code c} (condition key types). Services and actions are sorted case-insensitively
 * here, so the action indexes do not depend on the order in the file.
 */
final class CatalogReader {

    record Contents(CatalogHeader header, List<ServiceInfo> services) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Comparator<String> IGNORE_CASE =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final String sourceName;
    private int nextIndex;

    private CatalogReader(String sourceName) {
        this.sourceName = sourceName;
    }

    static Contents read(InputStream in, String sourceName) {
        JsonNode root;
        try {
            root = MAPPER.readTree(decompressIfGzip(in));
        } catch (JsonProcessingException e) {
            throw new CatalogException(sourceName + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException(sourceName + " is empty or not a JSON object; expected a catalogue");
        }
        return new CatalogReader(sourceName).contents(root);
    }

    private static InputStream decompressIfGzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
    }

    private Contents contents(JsonNode root) {
        CatalogHeader header = header(root.path("header"));
        JsonNode servicesNode = root.path("services");
        if (!servicesNode.isObject() || servicesNode.isEmpty()) {
            throw invalid("has no \"services\" object");
        }
        List<String> prefixes = sortedFieldNames(servicesNode);
        List<ServiceInfo> services = new ArrayList<>(prefixes.size());
        for (String prefix : prefixes) {
            services.add(service(prefix, servicesNode.get(prefix)));
        }
        return new Contents(header, services);
    }

    private CatalogHeader header(JsonNode node) {
        if (!node.isObject()) {
            throw invalid("has no \"header\" object");
        }
        int schema = node.path("schema").asInt(-1);
        if (schema != CatalogHeader.SCHEMA) {
            throw invalid("has schema " + node.path("schema") + ", but this version of policyproof reads only schema "
                    + CatalogHeader.SCHEMA + "; refresh the catalogue with this version");
        }
        return new CatalogHeader(
                node.path("source").asText(""),
                node.path("sourceVersion").asText(""),
                node.path("generated").asText(""),
                node.path("licence").asText(""),
                schema);
    }

    private ServiceInfo service(String prefix, JsonNode node) {
        Map<String, ResourceType> resourceTypes = resourceTypes(node.path("r"));
        List<ActionInfo> actions = new ArrayList<>();
        JsonNode actionsNode = node.path("a");
        for (String name : sortedFieldNames(actionsNode)) {
            actions.add(action(prefix, name, actionsNode.get(name), resourceTypes));
        }
        Map<String, String> keyTypes = new HashMap<>();
        node.path("c").fields().forEachRemaining(entry -> keyTypes.put(entry.getKey(), entry.getValue().asText()));
        return new ServiceInfo(prefix, node.path("n").asText(prefix), actions, resourceTypes, keyTypes);
    }

    private Map<String, ResourceType> resourceTypes(JsonNode node) {
        Map<String, ResourceType> types = new HashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode type = entry.getValue();
            types.put(entry.getKey(), new ResourceType(entry.getKey(), strings(type.path("a")), strings(type.path("c"))));
        });
        return types;
    }

    private ActionInfo action(String prefix, String name, JsonNode node, Map<String, ResourceType> resourceTypes) {
        String level = node.path("l").asText("");
        if (level.length() != 1) {
            throw invalid("gives action " + prefix + ":" + name + " the access level \"" + level
                    + "\"; expected one of L, R, W, P, T");
        }
        List<ActionResource> resources = new ArrayList<>();
        for (JsonNode entry : node.path("r")) {
            String typeName = entry.path("n").asText("");
            ResourceType type = resourceTypes.get(typeName);
            if (type == null) {
                throw invalid("gives action " + prefix + ":" + name + " the resource type \"" + typeName
                        + "\", which service " + prefix + " does not define");
            }
            resources.add(new ActionResource(type, entry.path("q").asBoolean(false), strings(entry.path("c"))));
        }
        AccessLevel accessLevel;
        try {
            accessLevel = AccessLevel.fromCode(level.charAt(0));
        } catch (IllegalArgumentException e) {
            throw invalid("gives action " + prefix + ":" + name + " an " + e.getMessage());
        }
        return new ActionInfo(prefix, name, accessLevel, resources, strings(node.path("c")), nextIndex++);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    private static List<String> sortedFieldNames(JsonNode object) {
        List<String> names = new ArrayList<>(object.size());
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        names.sort(IGNORE_CASE);
        return names;
    }

    private CatalogException invalid(String detail) {
        return new CatalogException(sourceName + " " + detail);
    }
}
