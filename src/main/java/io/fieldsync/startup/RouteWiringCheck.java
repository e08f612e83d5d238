package io.fieldsync.startup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fieldsync.config.FieldSyncProperties;
import io.fieldsync.runs.SyncRuns;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once the routes are loaded, checks that they fit together: every route the Java side calls
 * exists, every {@code direct:} endpoint a route sends to has a route consuming it, and every
 * bean method a route calls exists with as many parameters as the route passes ({@link RouteBeanCalls}). A route
 * file left out of the routes folder shows up here at start-up, with the file that needed it,
 * rather than as "No consumers available" in the middle of a sync.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before anything that starts a sync
public class RouteWiringCheck implements ApplicationRunner {

    /** Entry points the Java side sends to (operator API, scheduler). */
    static final List<String> ENTRY_POINTS = List.of(SyncRuns.ENTRY_POINT);

    private final CamelContext camel;
    private final String routesLocation;

    public RouteWiringCheck(CamelContext camel, FieldSyncProperties settings) {
        this.camel = camel;
        this.routesLocation = settings.routesLocation();
    }

    /** Runs after start-up, when Camel has started the routes; failing here stops the application. */
    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (camel.isStarted()) {
            check(camel);
        } else {
            // Camel's test support starts the context after the application; check then.
            camel.addStartupListener((StartupListener) (context, alreadyStarted) -> check(context));
        }
    }

    private void check(CamelContext camel) {
        List<String> problems = problems(camel);
        if (!problems.isEmpty()) {
            throw new RouteFileException(String.join("; ", problems));
        }
    }

    List<String> problems(CamelContext camel) {
        Set<String> consumed = camel.getRoutes().stream()
                .map(Route::getEndpoint)
                .map(endpoint -> normalise(endpoint.getEndpointUri()))
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        if (camel.getRoutes().isEmpty()) {
            problems.add("no routes were loaded from " + routesLocation
                    + "/*.camel.yaml; check fieldsync.routes-location");
            return problems;
        }
        for (String entry : ENTRY_POINTS) {
            if (!consumed.contains(entry)) {
                problems.add("no route consumes " + entry + ", which FieldSync calls; is the route file defining it missing from "
                        + routesLocation + "?");
            }
        }
        for (RouteDefinition route : camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions()) {
            for (String target : directTargets(camel, route)) {
                if (!consumed.contains(target)) {
                    problems.add(source(route) + "route " + route.getRouteId() + " sends to " + target
                            + " but no route consumes it; is its route file missing from " + routesLocation + "?");
                }
            }
            problems.addAll(RouteBeanCalls.problems(camel, route, source(route)));
        }
        return problems;
    }

    private static Set<String> directTargets(CamelContext camel, RouteDefinition route) {
        Collection<ToDefinition> tos = ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class);
        Set<String> targets = new TreeSet<>();
        for (ToDefinition to : tos) {
            String uri = to.getUri();
            // a templated route's URIs still carry the template's own {{parameters}}
            if (route.getTemplateParameters() != null) {
                for (var parameter : route.getTemplateParameters().entrySet()) {
                    uri = uri.replace("{{" + parameter.getKey() + "}}", String.valueOf(parameter.getValue()));
                }
            }
            uri = camel.resolvePropertyPlaceholders(uri);
            if (uri.startsWith("direct:")) {
                targets.add(normalise(uri));
            }
        }
        return targets;
    }

    private static String source(RouteDefinition route) {
        return route.getResource() != null ? route.getResource().getLocation() + ": " : "";
    }

    private static String normalise(String uri) {
        String plain = uri.replace("direct://", "direct:");
        int query = plain.indexOf('?');
        return query < 0 ? plain : plain.substring(0, query);
    }
}
