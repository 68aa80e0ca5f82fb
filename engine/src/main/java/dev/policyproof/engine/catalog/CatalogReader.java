package dev.policyproof.engine.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads the catalogue layout (schema 1): a header and, per service prefix, {@code n} (name), {@code a} (actions),
 * {@code r} (resource types) and {@code c} (condition key types). Services and actions are sorted case-insensitively
 * here, so the action indexes do not depend on the order in the file. Unknown fields are skipped, so that a later
 * schema 1 file with extra fields still reads.
 *
 * <p>The reader streams tokens rather than building a JSON tree, because the bundled file has about 360,000 tokens
 * and a tree roughly doubles the load time.
 */
final class CatalogReader {

    record Contents(CatalogHeader header, List<ServiceInfo> services) {}

    private record ServiceData(
            String name,
            Map<String, ActionData> actions,
            Map<String, ResourceType> resourceTypes,
            Map<String, String> keyTypes) {}

    private record ActionData(String level, List<ResourceData> resources, List<String> keys) {}

    private record ResourceData(String name, boolean required, List<String> keys) {}

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Comparator<String> IGNORE_CASE =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final String sourceName;
    private final JsonParser parser;

    /** One copy of each repeated string, such as {@code aws:ResourceTag/${TagKey}}, to keep the catalogue small. */
    private final Map<String, String> strings = new HashMap<>();

    private CatalogReader(String sourceName, JsonParser parser) {
        this.sourceName = sourceName;
        this.parser = parser;
    }

    static Contents read(InputStream in, String sourceName) {
        try (JsonParser parser = FACTORY.createParser(decompressIfGzip(in))) {
            return new CatalogReader(sourceName, parser).contents();
        } catch (JsonParseException e) {
            throw new CatalogException(sourceName + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
    }

    private static InputStream decompressIfGzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private Contents contents() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw invalid("is empty or not a JSON object; expected a catalogue");
        }
        CatalogHeader header = null;
        Map<String, ServiceData> services = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("header")) {
                header = header();
            } else if (field.equals("services")) {
                services = objectOf(this::service);
            } else {
                parser.skipChildren();
            }
        }
        if (header == null) {
            throw invalid("has no \"header\" object");
        }
        if (services.isEmpty()) {
            throw invalid("has no \"services\" object");
        }
        return new Contents(header, build(services));
    }

    private CatalogHeader header() throws IOException {
        Map<String, String> fields = objectOf(this::scalarText);
        String schemaText = fields.getOrDefault("schema", "missing");
        if (!schemaText.equals(String.valueOf(CatalogHeader.SCHEMA))) {
            throw invalid("has schema " + schemaText + ", but this version of policyproof reads only schema "
                    + CatalogHeader.SCHEMA + "; refresh the catalogue with this version");
        }
        return new CatalogHeader(
                fields.getOrDefault("source", ""),
                fields.getOrDefault("sourceVersion", ""),
                fields.getOrDefault("generated", ""),
                fields.getOrDefault("licence", ""),
                CatalogHeader.SCHEMA);
    }

    private ServiceData service() throws IOException {
        String name = null;
        Map<String, ActionData> actions = Map.of();
        Map<String, ResourceType> resourceTypes = Map.of();
        Map<String, String> keyTypes = Map.of();
        expect(JsonToken.START_OBJECT, "a service");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "n" -> name = parser.getValueAsString();
                case "a" -> actions = objectOf(this::action);
                case "r" -> resourceTypes = namedObjectOf(this::resourceType);
                case "c" -> keyTypes = objectOf(() -> intern(parser.getValueAsString("")));
                default -> parser.skipChildren();
            }
        }
        return new ServiceData(name == null ? "" : name, actions, resourceTypes, keyTypes);
    }

    private ActionData action() throws IOException {
        String level = "";
        List<ResourceData> resources = List.of();
        List<String> keys = List.of();
        expect(JsonToken.START_OBJECT, "an action");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "l" -> level = parser.getValueAsString("");
                case "r" -> resources = arrayOf(this::actionResource);
                case "c" -> keys = stringArray();
                default -> parser.skipChildren();
            }
        }
        return new ActionData(level, resources, keys);
    }

    private ResourceData actionResource() throws IOException {
        String name = "";
        boolean required = false;
        List<String> keys = List.of();
        expect(JsonToken.START_OBJECT, "an action's resource entry");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "n" -> name = intern(parser.getValueAsString(""));
                case "q" -> required = parser.getValueAsBoolean(false);
                case "c" -> keys = stringArray();
                default -> parser.skipChildren();
            }
        }
        return new ResourceData(name, required, keys);
    }

    private ResourceType resourceType(String name) throws IOException {
        List<String> arnFormats = List.of();
        List<String> keys = List.of();
        expect(JsonToken.START_OBJECT, "a resource type");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "a" -> arnFormats = stringArray();
                case "c" -> keys = stringArray();
                default -> parser.skipChildren();
            }
        }
        return new ResourceType(name, arnFormats, keys);
    }

    private List<ServiceInfo> build(Map<String, ServiceData> data) {
        List<ServiceInfo> services = new ArrayList<>(data.size());
        int nextIndex = 0;
        for (Map.Entry<String, ServiceData> entry : sorted(data).entrySet()) {
            String prefix = entry.getKey();
            ServiceData service = entry.getValue();
            List<ActionInfo> actions = new ArrayList<>(service.actions().size());
            for (Map.Entry<String, ActionData> action : sorted(service.actions()).entrySet()) {
                actions.add(actionInfo(prefix, action.getKey(), action.getValue(), service.resourceTypes(), nextIndex));
                nextIndex++;
            }
            String name = service.name().isEmpty() ? prefix : service.name();
            services.add(new ServiceInfo(prefix, name, actions, service.resourceTypes(), service.keyTypes()));
        }
        return services;
    }

    private ActionInfo actionInfo(
            String prefix, String name, ActionData data, Map<String, ResourceType> resourceTypes, int index) {
        if (data.level().length() != 1) {
            throw invalid("gives action " + prefix + ":" + name + " the access level \"" + data.level()
                    + "\"; expected one of L, R, W, P, T");
        }
        AccessLevel accessLevel;
        try {
            accessLevel = AccessLevel.fromCode(data.level().charAt(0));
        } catch (IllegalArgumentException e) {
            throw invalid("gives action " + prefix + ":" + name + " an " + e.getMessage());
        }
        List<ActionResource> resources = new ArrayList<>(data.resources().size());
        for (ResourceData resource : data.resources()) {
            ResourceType type = resourceTypes.get(resource.name());
            if (type == null) {
                throw invalid("gives action " + prefix + ":" + name + " the resource type \"" + resource.name()
                        + "\", which service " + prefix + " does not define");
            }
            resources.add(new ActionResource(type, resource.required(), resource.keys()));
        }
        return new ActionInfo(prefix, name, accessLevel, resources, data.keys(), index);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        Map<String, V> sorted = new TreeMap<>(IGNORE_CASE);
        sorted.putAll(map);
        return sorted;
    }

    /** A step that reads the value the parser is on. */
    private interface ValueReader<T> {
        T read() throws IOException;
    }

    /** A step that reads the value the parser is on, given the field name it belongs to. */
    private interface NamedValueReader<T> {
        T read(String name) throws IOException;
    }

    private <T> Map<String, T> objectOf(ValueReader<T> reader) throws IOException {
        return namedObjectOf(name -> reader.read());
    }

    private <T> Map<String, T> namedObjectOf(NamedValueReader<T> reader) throws IOException {
        expect(JsonToken.START_OBJECT, "an object");
        Map<String, T> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = intern(parser.currentName());
            parser.nextToken();
            values.put(name, reader.read(name));
        }
        return values;
    }

    private <T> List<T> arrayOf(ValueReader<T> reader) throws IOException {
        expect(JsonToken.START_ARRAY, "an array");
        List<T> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(reader.read());
        }
        return values;
    }

    private List<String> stringArray() throws IOException {
        return arrayOf(() -> intern(parser.getValueAsString("")));
    }

    private void expect(JsonToken token, String what) {
        if (parser.currentToken() != token) {
            throw invalid("has " + parser.currentToken() + " at line " + parser.currentLocation().getLineNr()
                    + ", column " + parser.currentLocation().getColumnNr() + " where " + what + " belongs");
        }
    }

    /** Returns a scalar's text, or "" for an object or array, which is skipped. */
    private String scalarText() throws IOException {
        String text = parser.getValueAsString("");
        parser.skipChildren();
        return text;
    }

    private String intern(String value) {
        String known = strings.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    private CatalogException invalid(String detail) {
        return new CatalogException(sourceName + " " + detail);
    }
}
