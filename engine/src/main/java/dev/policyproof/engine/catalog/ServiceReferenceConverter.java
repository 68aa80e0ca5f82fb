package dev.policyproof.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Converts AWS's service reference files to the catalogue layout (schema 1).
 *
 * <p>AWS's files lack two things the catalogue has. A service file's {@code Name} is the prefix, so the display name
 * {@code n} comes from the fallback catalogue, or is the prefix for a service it lacks. The files carry no required
 * flag on an action's resource types, so {@code q} is copied from the fallback catalogue where it has the same action
 * and resource type, and is otherwise absent (false). The files also have no per-action condition keys for each
 * resource type, so ActionResource {@code c} stays empty.
 *
 * <p>NOTE: the field names follow public tools that read these files, checked against AWS's documented index shape
 * but not against every service file. A file missing {@code Name} or {@code Actions} fails the refresh.
 */
final class ServiceReferenceConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Comparator<String> IGNORE_CASE =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /** Annotation flags in the order that decides the access level; none set means Read. */
    private static final String[][] LEVEL_FLAGS = {
        {"IsPermissionManagement", "P"}, {"IsTaggingOnly", "T"}, {"IsWrite", "W"}, {"IsList", "L"},
    };

    private final ActionCatalog fallback;

    ServiceReferenceConverter(ActionCatalog fallback) {
        this.fallback = fallback;
    }

    /** Returns the service file URLs the index lists, resolved against {@code indexUrl}. */
    static List<URI> serviceUrls(JsonNode index, URI indexUrl) {
        if (!index.isArray() || index.isEmpty()) {
            throw new CatalogException(indexUrl + " is not a service reference index: expected a non-empty array of"
                    + " {\"service\", \"url\"} entries");
        }
        List<URI> urls = new ArrayList<>();
        for (JsonNode entry : index) {
            String url = entry.path("url").asText("");
            if (url.isEmpty()) {
                throw new CatalogException(indexUrl + " lists an entry without \"url\": " + entry);
            }
            urls.add(indexUrl.resolve(url));
        }
        return urls;
    }

    ObjectNode catalogue(URI indexUrl, List<URI> urls, List<JsonNode> files, Instant generated) {
        Map<String, ObjectNode> services = new TreeMap<>(IGNORE_CASE);
        for (int i = 0; i < files.size(); i++) {
            URI url = urls.get(i);
            JsonNode file = files.get(i);
            String prefix = required(file, "Name", url).asText();
            if (services.put(prefix, service(prefix, file, url)) != null) {
                throw new CatalogException(url + " describes service " + prefix + ", which another file of the index"
                        + " already described; the index at " + indexUrl + " is inconsistent");
            }
        }
        ObjectNode root = NODES.objectNode();
        ObjectNode header = root.putObject("header");
        header.put("source", "AWS service reference information, " + indexUrl);
        header.put("sourceVersion", generated.toString().substring(0, 10));
        header.put("generated", generated.toString());
        header.put("licence", "AWS service reference information; display names and required flags from "
                + fallback.header().source() + " " + fallback.header().sourceVersion());
        header.put("schema", CatalogHeader.SCHEMA);
        ObjectNode servicesNode = root.putObject("services");
        services.forEach(servicesNode::set);
        return root;
    }

    private ObjectNode service(String prefix, JsonNode file, URI url) {
        ObjectNode service = NODES.objectNode();
        service.put("n", fallback.service(prefix).map(ServiceInfo::name).orElse(prefix));
        Map<String, ObjectNode> resourceTypes = resourceTypes(file.path("Resources"));
        Map<String, ObjectNode> actions = new TreeMap<>(IGNORE_CASE);
        JsonNode actionsNode = required(file, "Actions", url);
        for (JsonNode action : actionsNode) {
            String name = required(action, "Name", url).asText();
            actions.put(name, action(prefix, name, action, resourceTypes, url));
        }
        service.set("a", objectOf(actions));
        if (!resourceTypes.isEmpty()) {
            service.set("r", objectOf(resourceTypes));
        }
        Map<String, String> keyTypes = new TreeMap<>(IGNORE_CASE);
        for (JsonNode key : file.path("ConditionKeys")) {
            // NOTE: Types is an array; the catalogue stores one type, the first, and String when none is given.
            keyTypes.put(required(key, "Name", url).asText(), key.path("Types").path(0).asText("String"));
        }
        if (!keyTypes.isEmpty()) {
            ObjectNode keys = service.putObject("c");
            keyTypes.forEach(keys::put);
        }
        return service;
    }

    private ObjectNode action(
            String prefix, String name, JsonNode action, Map<String, ObjectNode> resourceTypes, URI url) {
        ObjectNode node = NODES.objectNode();
        node.put("l", accessLevel(action.path("Annotations").path("Properties")));
        TreeSet<String> resourceNames = sortedTexts(action.path("Resources"), "Name");
        if (!resourceNames.isEmpty()) {
            ArrayNode resources = node.putArray("r");
            for (String resourceName : resourceNames) {
                if (!resourceTypes.containsKey(resourceName)) {
                    throw new CatalogException(url + " gives action " + prefix + ":" + name + " the resource type \""
                            + resourceName + "\", which the file's Resources do not list");
                }
                ObjectNode entry = resources.addObject().put("n", resourceName);
                if (requiredInFallback(prefix + ":" + name, resourceName)) {
                    entry.put("q", true);
                }
            }
        }
        putArray(node, "c", sortedTexts(action.path("ActionConditionKeys"), null));
        return node;
    }

    private boolean requiredInFallback(String action, String resourceType) {
        return fallback.action(action)
                .map(info -> info.resources().stream()
                        .anyMatch(entry -> entry.required() && entry.name().equals(resourceType)))
                .orElse(false);
    }

    private static String accessLevel(JsonNode properties) {
        for (String[] flag : LEVEL_FLAGS) {
            if (properties.path(flag[0]).asBoolean(false)) {
                return flag[1];
            }
        }
        return "R";
    }

    private static Map<String, ObjectNode> resourceTypes(JsonNode resources) {
        Map<String, ObjectNode> types = new TreeMap<>(IGNORE_CASE);
        for (JsonNode resource : resources) {
            ObjectNode type = NODES.objectNode();
            putArray(type, "a", sortedTexts(resource.path("ARNFormats"), null));
            putArray(type, "c", sortedTexts(resource.path("ConditionKeys"), null));
            types.put(resource.path("Name").asText(), type);
        }
        return types;
    }

    private static JsonNode required(JsonNode node, String field, URI url) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            throw new CatalogException(url + " is not a service reference file: \"" + field + "\" is missing in "
                    + abbreviated(node));
        }
        return value;
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** Returns the texts of an array, or of one field of each of its objects, sorted ignoring case, without repeats. */
    private static TreeSet<String> sortedTexts(JsonNode array, @Nullable String field) {
        TreeSet<String> texts = new TreeSet<>(IGNORE_CASE);
        for (JsonNode element : array) {
            String text = (field == null ? element : element.path(field)).asText("");
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static void putArray(ObjectNode node, String field, TreeSet<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private static ObjectNode objectOf(Map<String, ObjectNode> entries) {
        ObjectNode object = NODES.objectNode();
        entries.forEach(object::set);
        return object;
    }
}
