package dev.policyproof.engine.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.proof.Answer.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Checks the prover against brute-force evaluation on random policies over a small closed world: a proof of "none"
 * must leave every sampled request denied, every sampled allowed request must be found again, and every
 * counterexample must evaluate to allowed.
 */
class ProverPropertiesTest {

    private static final List<String> ACTIONS =
            List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "ec2:StartInstances", "ec2:StopInstances");
    private static final List<String> RESOURCES =
            List.of("arn:aws:s3:::a/x", "arn:aws:s3:::a/y", "arn:aws:s3:::b/z", "arn:aws:s3:::c/q");
    private static final ActionSpace SPACE = ActionSpace.of(ACTIONS);
    private static final String CALLER = "arn:aws:iam::111122223333:user/policyproof-caller";

    @Property(tries = 30, seed = "20261204")
    void proofs_agree_with_brute_force(@ForAll("policies") String policyJson) {
        PolicySet policies = PolicySet.of(PolicyParser.identity().parse("random.json", policyJson));
        PolicyAnalyzer analyzer = PolicyAnalyzer.of(policies, SPACE);

        Answer anything = analyzer.findAllowed(Scope.all());
        List<Request> allowed = sampledRequests().stream()
                .filter(request -> policies.evaluate(request).decision() == Decision.ALLOW)
                .toList();

        if (anything.status() == Status.NONE) {
            assertThat(allowed).as("sampled requests allowed although the prover proved none").isEmpty();
        }
        if (anything.status() == Status.FOUND) {
            assertThat(policies.evaluate(anything.counterexample()).decision()).isEqualTo(Decision.ALLOW);
        }
        for (Request request : allowed.subList(0, Math.min(5, allowed.size()))) {
            Answer narrowed = analyzer.findAllowed(Scope.actions(request.action()).withResources(request.resource()));
            assertThat(narrowed.status()).as("prover misses allowed request %s", request).isEqualTo(Status.FOUND);
        }
    }

    private static List<Request> sampledRequests() {
        List<Request> requests = new ArrayList<>();
        List<String> colours = List.of("-", "red", "blue", "re");
        List<String> numbers = List.of("-", "5", "15");
        List<String> flags = List.of("-", "true", "false");
        List<List<String>> sets = List.of(List.of("-"), List.of(), List.of("red"), List.of("red", "blue"));
        for (String action : ACTIONS) {
            for (String resource : RESOURCES) {
                for (String colour : colours) {
                    for (String number : numbers) {
                        for (String flag : flags) {
                            for (List<String> set : sets) {
                                RequestContext.Builder context = RequestContext.builder();
                                putIfSet(context, "k:colour", colour);
                                putIfSet(context, "k:number", number);
                                putIfSet(context, "k:flag", flag);
                                if (!set.equals(List.of("-"))) {
                                    context.putAll("k:tags", set);
                                }
                                requests.add(Request.of(action, resource)
                                        .principal(CALLER)
                                        .context(context.build())
                                        .build());
                            }
                        }
                    }
                }
            }
        }
        return requests;
    }

    private static void putIfSet(RequestContext.Builder context, String key, String value) {
        if (!value.equals("-")) {
            context.put(key, value);
        }
    }

    @Provide
    Arbitrary<String> policies() {
        return statement().list().ofMinSize(1).ofMaxSize(4).map(statements -> "{\"Version\": \"2012-10-17\", "
                + "\"Statement\": [" + String.join(", ", statements) + "]}");
    }

    private Arbitrary<String> statement() {
        Arbitrary<String> effect = Arbitraries.of("Allow", "Allow", "Deny");
        Arbitrary<String> action = Arbitraries.of(
                "\"Action\": \"s3:*\"", "\"Action\": \"s3:Get*\"", "\"Action\": \"s3:?utObject\"",
                "\"Action\": [\"ec2:Start*\", \"s3:ListBucket\"]", "\"NotAction\": \"s3:*\"", "\"Action\": \"*\"");
        Arbitrary<String> resource = Arbitraries.of(
                "\"Resource\": \"*\"", "\"Resource\": \"arn:aws:s3:::a/*\"", "\"Resource\": \"arn:aws:s3:::a/x\"",
                "\"NotResource\": \"arn:aws:s3:::b/*\"", "\"Resource\": [\"arn:aws:s3:::b/*\", \"arn:aws:s3:::c/?\"]");
        Arbitrary<String> conditions = condition().list().ofMaxSize(2).uniqueElements(c -> c.substring(0, c.indexOf("\":"))).map(list -> list.isEmpty()
                ? ""
                : ", \"Condition\": {" + list.stream().collect(Collectors.joining(", ")) + "}");
        return Combinators.combine(effect, action, resource, conditions).as((e, a, r, c) ->
                "{\"Effect\": \"" + e + "\", " + a + ", " + r + c + "}");
    }

    private Arbitrary<String> condition() {
        return Arbitraries.of(
                "\"StringEquals\": {\"k:colour\": \"red\"}",
                "\"StringNotEquals\": {\"k:colour\": [\"red\", \"blue\"]}",
                "\"StringLike\": {\"k:colour\": \"re*\"}",
                "\"StringNotLikeIfExists\": {\"k:colour\": \"b*\"}",
                "\"Null\": {\"k:colour\": \"true\"}",
                "\"Null\": {\"k:number\": \"false\"}",
                "\"NumericLessThan\": {\"k:number\": \"10\"}",
                "\"NumericGreaterThanEqualsIfExists\": {\"k:number\": \"15\"}",
                "\"Bool\": {\"k:flag\": \"true\"}",
                "\"ForAnyValue:StringEquals\": {\"k:tags\": \"blue\"}",
                "\"ForAllValues:StringEquals\": {\"k:tags\": [\"red\"]}",
                "\"ForAllValues:StringNotEquals\": {\"k:tags\": \"blue\"}");
    }
}
