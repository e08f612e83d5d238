package io.fieldsync.startup;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;

/**
 * The bean methods a route calls ({@code bean:} steps and {@code method:} expressions), checked
 * against the beans: the bean exists, has a public method of that name and, where the route
 * passes arguments, one that takes as many. A renamed Java method or a changed signature shows up
 * at start-up, naming the route file, rather than in the middle of a sync.
 */
final class RouteBeanCalls {

    record Call(String ref, String method) {

        String name() {
            int open = method.indexOf('(');
            return (open < 0 ? method : method.substring(0, open)).strip();
        }

        /** The number of arguments the route passes, or empty when it lets Camel bind them. */
        Optional<Integer> arity() {
            int open = method.indexOf('(');
            if (open < 0) {
                return Optional.empty();
            }
            String inside = method.substring(open + 1, method.lastIndexOf(')')).strip();
            return Optional.of(inside.isEmpty() ? 0 : topLevelCommas(inside) + 1);
        }
    }

    private RouteBeanCalls() {
    }

    static List<String> problems(CamelContext camel, RouteDefinition route, String source) {
        List<String> problems = new ArrayList<>();
        for (Call call : calls(route)) {
            String ref = resolve(camel, route, call.ref());
            Object bean = ref == null ? null : camel.getRegistry().lookupByName(ref);
            if (bean == null) {
                problems.add(source + "route " + route.getRouteId() + " calls bean " + call.ref() + ", which does not exist");
                continue;
            }
            String method = resolve(camel, route, call.method());
            Call resolved = new Call(ref, method == null ? "" : method);
            if (method == null || method.isBlank()) {
                continue; // Camel chooses the method
            }
            List<Method> named = Arrays.stream(bean.getClass().getMethods())
                    .filter(m -> m.getName().equals(resolved.name()) && !Modifier.isStatic(m.getModifiers())).toList();
            if (named.isEmpty()) {
                problems.add(source + "route " + route.getRouteId() + " calls " + ref + "." + resolved.name()
                        + ", which " + ref + " does not have");
            } else if (resolved.arity().isPresent()
                    && named.stream().noneMatch(m -> m.getParameterCount() == resolved.arity().get())) {
                problems.add(source + "route " + route.getRouteId() + " calls " + ref + "." + resolved.name() + " with "
                        + resolved.arity().get() + " arguments; " + ref + " takes " + named.stream()
                        .map(m -> String.valueOf(m.getParameterCount())).distinct().sorted().toList());
            }
        }
        return problems;
    }

    private static List<Call> calls(RouteDefinition route) {
        List<Call> calls = new ArrayList<>();
        @SuppressWarnings("rawtypes")
        var nodes = ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ProcessorDefinition.class);
        for (ProcessorDefinition<?> node : nodes) {
            if (node instanceof BeanDefinition bean && bean.getRef() != null) {
                calls.add(new Call(bean.getRef(), bean.getMethod()));
            }
            if (node instanceof ExpressionNode expressionNode) {
                methodCall(expressionNode.getExpression()).ifPresent(calls::add);
            }
        }
        return calls;
    }

    private static Optional<Call> methodCall(ExpressionDefinition expression) {
        if (expression instanceof MethodCallExpression call && call.getRef() != null) {
            return Optional.of(new Call(call.getRef(), call.getMethod()));
        }
        return Optional.empty();
    }

    /** A templated route's values still carry the template's {{parameters}}; settings placeholders too. */
    private static String resolve(CamelContext camel, RouteDefinition route, String value) {
        if (value == null) {
            return null;
        }
        String resolved = value;
        Map<String, Object> parameters = route.getTemplateParameters();
        if (parameters != null) {
            for (var parameter : parameters.entrySet()) {
                resolved = resolved.replace("{{" + parameter.getKey() + "}}", String.valueOf(parameter.getValue()));
            }
        }
        return resolved.contains("{{") ? camel.resolvePropertyPlaceholders(resolved) : resolved;
    }

    /** Commas between arguments, not those inside ${...}, quotes or nested parentheses. */
    private static int topLevelCommas(String arguments) {
        int depth = 0;
        int commas = 0;
        char quote = 0;
        for (char c : arguments.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            }
        }
        return commas;
    }
}
