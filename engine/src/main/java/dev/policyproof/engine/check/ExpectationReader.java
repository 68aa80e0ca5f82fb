package dev.policyproof.engine.check;

import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.check.LocatedNode.Entry;
import dev.policyproof.engine.check.LocatedNode.Mapping;
import dev.policyproof.engine.check.LocatedNode.Sequence;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the {@code expect} list of a check into {@link Expectation}s. Each list item contains exactly one of
 * {@code allows}, {@code denies} or {@code allowsStartSession}. {@code allowsStartSession} yields the "some session
 * is allowed" expectation plus one expectation per {@code only*} key given.
 */
final class ExpectationReader {

    static final String ALLOWS = "allows";
    static final String DENIES = "denies";
    static final String ALLOWS_START_SESSION = "allowsStartSession";

    private static final List<String> KINDS = List.of(ALLOWS, DENIES, ALLOWS_START_SESSION);
    private static final List<String> REQUEST_KEYS = List.of("action", "resource", "tags", "context", "principal");
    private static final List<String> SESSION_KEYS = List.of("onlyWithDocument", "onlyForTag");
    private static final List<String> TAG_KEYS = List.of("key", "value");

    private final NodeValidator validator;
    private final SessionScope scope;

    ExpectationReader(NodeValidator validator, SessionScope scope) {
        this.validator = validator;
        this.scope = scope;
    }

    /** Returns the expectations of one {@code expect} list, or empty after reporting what is wrong with it. */
    Optional<List<Expectation>> readAll(LocatedNode expect) {
        if (!(expect instanceof Sequence sequence)) {
            validator.report("wrong-type", "expected a list of expectations, each starting with \"- \", found "
                    + expect.typeName(), expect);
            return Optional.empty();
        }
        if (sequence.elements().isEmpty()) {
            validator.report("empty-list", "the check expects nothing; add an allows, denies or "
                    + "allowsStartSession item", expect);
            return Optional.empty();
        }
        List<Expectation> expectations = new ArrayList<>();
        boolean valid = true;
        for (LocatedNode item : sequence.elements()) {
            Optional<List<Expectation>> read = readItem(item);
            valid &= read.isPresent();
            read.ifPresent(expectations::addAll);
        }
        return valid ? Optional.of(expectations) : Optional.empty();
    }

    private Optional<List<Expectation>> readItem(LocatedNode item) {
        Optional<Mapping> mapping = validator.mapping(item, "a map with one of " + String.join(", ", KINDS));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        validator.allowOnly(mapping.get(), KINDS);
        List<Entry> kinds = mapping.get().entries().values().stream()
                .filter(entry -> KINDS.contains(entry.key()))
                .toList();
        if (kinds.size() != 1) {
            validator.report("one-expectation-per-item", "found " + kinds.size() + " expectation kinds in one "
                    + "item; write exactly one of " + String.join(", ", KINDS) + " per \"- \" item", item);
            return Optional.empty();
        }
        Entry kind = kinds.get(0);
        return switch (kind.key()) {
            case ALLOWS -> readRequest(kind.value()).map(request -> List.of(Expectations.allows(request)));
            case DENIES -> readRequest(kind.value()).map(request -> List.of(Expectations.denies(request)));
            default -> readSession(kind.value());
        };
    }

    private Optional<Request> readRequest(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map with action and resource");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, REQUEST_KEYS);
        Optional<String> action = validator.required(mapping, "action", "the IAM action, such as ssm:StartSession")
                .flatMap(value -> validator.text(value, "an IAM action, such as ssm:StartSession"));
        Optional<String> resource = validator.required(mapping, "resource", "the resource ARN, such as "
                        + "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0")
                .flatMap(value -> validator.text(value, "a resource ARN"));
        Optional<LocatedNode> tags = NodeValidator.optional(mapping, "tags");
        Optional<LocatedNode> context = NodeValidator.optional(mapping, "context");
        Optional<LocatedNode> principal = NodeValidator.optional(mapping, "principal");

        Request.Builder request = Request.builder();
        boolean valid = action.isPresent() & resource.isPresent();
        valid &= tags.map(value -> readTags(value, request)).orElse(true);
        valid &= context.map(value -> readContext(value, request)).orElse(true);
        Optional<String> principalArn = principal.flatMap(value -> validator.text(value, "a principal ARN"));
        valid &= principal.isEmpty() || principalArn.isPresent();
        if (!valid) {
            return Optional.empty();
        }
        principalArn.ifPresent(request::principal);
        return Optional.of(request.action(action.get()).resource(resource.get()).build());
    }

    private boolean readTags(LocatedNode node, Request.Builder request) {
        Optional<Mapping> mapping = validator.mapping(node, "a map of tag keys to values, such as {Name: bastion}");
        if (mapping.isEmpty()) {
            return false;
        }
        boolean valid = true;
        for (Entry tag : mapping.get().entries().values()) {
            Optional<String> value = validator.text(tag.value(), "the value of tag " + tag.key());
            valid &= value.isPresent();
            value.ifPresent(text -> request.resourceTag(tag.key(), text));
        }
        return valid;
    }

    /** Reads condition keys: a scalar sets a single-valued key and a list a multivalued one. */
    private boolean readContext(LocatedNode node, Request.Builder request) {
        Optional<Mapping> mapping = validator.mapping(node, "a map of condition keys to values");
        if (mapping.isEmpty()) {
            return false;
        }
        RequestContext.Builder context = RequestContext.builder();
        boolean valid = true;
        for (Entry key : mapping.get().entries().values()) {
            if (key.value() instanceof Sequence) {
                Optional<List<String>> values = validator.texts(key.value(), "values of " + key.key());
                valid &= values.isPresent();
                values.ifPresent(list -> context.putAll(key.key(), list));
            } else {
                Optional<String> value = validator.text(key.value(), "the value of " + key.key()
                        + ", or a list of values for a multivalued key");
                valid &= value.isPresent();
                value.ifPresent(text -> context.put(key.key(), text));
            }
        }
        request.context(context.build());
        return valid;
    }

    private Optional<List<Expectation>> readSession(LocatedNode node) {
        if (node instanceof LocatedNode.Null) {
            return Optional.of(List.of(Expectations.allowsStartSession(scope)));
        }
        Optional<Mapping> found = validator.mapping(node, "a map with onlyWithDocument or onlyForTag, or {}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, SESSION_KEYS);
        List<Expectation> expectations = new ArrayList<>();
        expectations.add(Expectations.allowsStartSession(scope));
        boolean valid = true;

        Optional<LocatedNode> documents = NodeValidator.optional(mapping, "onlyWithDocument");
        if (documents.isPresent()) {
            Optional<List<String>> names = validator.texts(documents.get(), "session document names, such as "
                    + SessionDocument.PORT_FORWARD.name());
            if (names.isPresent() && names.get().isEmpty()) {
                validator.report("empty-list", "name at least one session document, or remove onlyWithDocument",
                        documents.get());
                names = Optional.empty();
            }
            valid &= names.isPresent();
            names.ifPresent(list -> expectations.add(Expectations.startSessionOnlyWithDocuments(
                    scope, list.stream().map(SessionDocument::named).toList())));
        }
        Optional<LocatedNode> tag = NodeValidator.optional(mapping, "onlyForTag");
        if (tag.isPresent()) {
            Optional<Expectation> onlyForTag = readTagRule(tag.get());
            valid &= onlyForTag.isPresent();
            onlyForTag.ifPresent(expectations::add);
        }
        return valid ? Optional.of(expectations) : Optional.empty();
    }

    private Optional<Expectation> readTagRule(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map such as {key: Name, value: bastion}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, TAG_KEYS);
        Optional<String> key = validator.required(mapping, "key", "the tag key, such as Name")
                .flatMap(value -> validator.text(value, "a tag key"));
        Optional<String> value = validator.required(mapping, "value", "the tag value the target must have")
                .flatMap(text -> validator.text(text, "a tag value"));
        if (key.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Expectations.startSessionOnlyForTag(scope, key.get(), value.get()));
    }
}
