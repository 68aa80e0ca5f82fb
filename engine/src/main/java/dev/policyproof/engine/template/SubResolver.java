package dev.policyproof.engine.template;

import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import dev.policyproof.engine.template.TemplateValue.Unknown;
import java.util.Map;

/**
 * Computes {@code Fn::Sub}: {@code ${Name}} is a variable of the optional map, else a {@code Ref};
 * {@code ${Resource.Attribute}} is a {@code Fn::GetAtt}; {@code ${!Text}} is the literal {@code ${Text}}, which is how
 * IAM policy variables such as {@code ${!aws:username}} survive substitution.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html">Fn::Sub</a>
 */
final class SubResolver {

    private final IntrinsicResolver resolver;

    SubResolver(IntrinsicResolver resolver) {
        this.resolver = resolver;
    }

    TemplateValue sub(TemplateValue argument, SourceLocation at) {
        String text;
        Map<String, TemplateValue.Entry> variables = Map.of();
        if (argument instanceof Scalar scalar) {
            text = scalar.text();
        } else if (argument instanceof Sequence pair && pair.elements().size() == 2
                && pair.elements().get(0) instanceof Scalar scalar
                && pair.elements().get(1) instanceof Mapping map) {
            text = scalar.text();
            variables = map.entries();
        } else {
            resolver.problem("invalid-intrinsic", "Fn::Sub takes a string, or a string and a map of variables", at);
            return new Unknown("invalid intrinsic function", at);
        }
        return substitute(text, variables, at);
    }

    private TemplateValue substitute(String text, Map<String, TemplateValue.Entry> variables, SourceLocation at) {
        StringBuilder result = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                result.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                result.append(text, i, text.length());
                break;
            }
            result.append(text, i, start);
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                result.append("${").append(name.substring(1)).append('}');
            } else {
                TemplateValue value = valueOf(name.strip(), variables, at);
                if (!(value instanceof Scalar scalar)) {
                    return notText(name.strip(), value, at);
                }
                result.append(scalar.text());
            }
            i = end + 1;
        }
        return Scalar.string(result.toString(), at);
    }

    private TemplateValue valueOf(String name, Map<String, TemplateValue.Entry> variables, SourceLocation at) {
        TemplateValue.Entry variable = variables.get(name);
        if (variable != null) {
            return resolver.resolve(variable.value());
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return resolver.getAtt(name.substring(0, dot), name.substring(dot + 1), at);
        }
        return resolver.ref(name, at);
    }

    private TemplateValue notText(String name, TemplateValue value, SourceLocation at) {
        if (value instanceof Unknown unknown) {
            return new Unknown("${" + name + "}: " + unknown.reason(), at);
        }
        resolver.problem("invalid-intrinsic", "Fn::Sub variable ${" + name + "} is " + value.typeName()
                + ", not a string; pass a string or join the list first", at);
        return new Unknown("invalid intrinsic function", at);
    }
}
