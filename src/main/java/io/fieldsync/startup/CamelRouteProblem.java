package io.fieldsync.startup;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Camel start-up failure for the route file and the problem in it. Camel's own messages
 * carry both, but spread over nested exceptions and several lines.
 */
final class CamelRouteProblem {

    private static final Pattern ROUTE_FILE = Pattern.compile("((?:file|classpath):[^\\s,]*\\.camel\\.yaml)");
    private static final Pattern LINE = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Pattern ROUTE_ID = Pattern.compile("Failed to create route:? ([\\w.-]+)");

    private CamelRouteProblem() {
    }

    /** "routes/x.camel.yaml line 4, column 7: problem", or null when this is not a route problem. */
    static String describe(List<Throwable> chain, Function<String, String> fileOfRoute) {
        String file = null;
        String routeId = null;
        String position = null;
        String problem = null;
        for (Throwable cause : chain) {
            if (!cause.getClass().getName().startsWith("org.apache.camel")) {
                continue;
            }
            String message = String.valueOf(cause.getMessage());
            Matcher fileMatch = ROUTE_FILE.matcher(message);
            if (fileMatch.find()) {
                file = fileMatch.group(1);
            }
            Matcher routeMatch = ROUTE_ID.matcher(message);
            if (routeMatch.find()) {
                routeId = routeMatch.group(1);
            }
            Matcher lineMatch = LINE.matcher(message);
            if (lineMatch.find()) {
                position = lineMatch.group();
            }
            // innermost Camel message is the most specific one
            problem = firstMeaningfulLine(message);
        }
        if (problem == null) {
            return null;
        }
        if (file == null && routeId != null) {
            file = fileOfRoute.apply(routeId);
        }
        StringBuilder line = new StringBuilder(file == null ? "(unknown file)" : file);
        if (routeId != null) {
            line.append(" (route ").append(routeId).append(')');
        }
        if (position != null && !problem.contains(position)) {
            line.append(' ').append(position);
        }
        return line.append(": ").append(problem).toString();
    }

    private static String firstMeaningfulLine(String message) {
        return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.matches("[\\^\\s]+"))
                .findFirst().orElse(message);
    }
}
