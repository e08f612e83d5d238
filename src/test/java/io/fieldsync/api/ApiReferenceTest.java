package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * docs/api.md lists every call of the operator API: each method and path a controller maps
 * (its class's {@code @RequestMapping} and the method's {@code @GetMapping}, {@code @PostMapping},
 * ...) has its {@code ### METHOD /path} heading there, so a new call cannot go undocumented.
 */
class ApiReferenceTest {

    private static final Path REFERENCE = Path.of("docs/api.md");
    private static final Pattern HEADING = Pattern.compile("(?m)^### (GET|POST|PUT|DELETE|PATCH) (/\\S*)\\s*$");

    @Test
    void everyCallOfTheControllersIsInTheReference() throws IOException {
        Set<String> documented = documented();

        List<String> calls = calls();

        assertThat(calls).as("calls the controllers map").contains("GET /api/me", "GET /api/syncs/{id}/timeline",
                "GET /api/syncs/daily", "GET /api/xero/budget", "GET /api/records");
        assertThat(documented).as("calls documented in " + REFERENCE + " (a '### METHOD /path' heading each)")
                .containsAll(calls);
    }

    @Test
    void theReferenceListsNoCallThatIsGone() throws IOException {
        assertThat(calls()).as("calls the controllers map").containsAll(documented());
    }

    /** Every method and path mapped by a controller of the application, as "GET /api/syncs/{id}". */
    private static List<String> calls() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> calls = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("io.fieldsync")) {
            Class<?> controller = load(definition.getBeanClassName());
            RequestMapping atClass = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String[] prefixes = atClass == null || atClass.path().length == 0 ? new String[] {""} : atClass.path();
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (RequestMethod verb : mapping.method()) {
                    for (String prefix : prefixes) {
                        for (String path : paths) {
                            calls.add(verb.name() + " " + prefix + path);
                        }
                    }
                }
            }
        }
        assertThat(calls).as("controllers found in io.fieldsync").hasSizeGreaterThan(30);
        return calls;
    }

    private static Set<String> documented() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher heading = HEADING.matcher(Files.readString(REFERENCE));
        while (heading.find()) {
            documented.add(heading.group(1) + " " + heading.group(2));
        }
        return documented;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
