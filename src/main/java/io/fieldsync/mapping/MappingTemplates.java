package io.fieldsync.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.config.FieldSyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The JSONata mapping templates of {@code fieldsync.mappings-location}, each compiled once at
 * start-up (camel-jsonata would re-parse the template for every record). A template that does
 * not compile stops start-up with its file name and position. Templates read from a folder are
 * recompiled when the file changes, so an engineer's edit applies without a restart.
 * Routes call {@code mappingTemplates.apply(name, record)}. The functions of
 * {@code lib/functions.jsonata} beside them ({@code $has}, {@code $isoDate}) are bound before
 * every template's expression, so they are defined once for all.
 */
@Component("mappingTemplates")
public class MappingTemplates {

    private static final Logger log = LoggerFactory.getLogger(MappingTemplates.class);
    private static final String SUFFIX = ".jsonata";
    static final String LIBRARY = "lib/functions" + SUFFIX;

    private final String location;
    private final ObjectMapper json;
    private final Map<String, CompiledTemplate> templates = new ConcurrentHashMap<>();

    @Autowired
    public MappingTemplates(FieldSyncProperties settings, ObjectMapper json) {
        this(settings.mappingsLocation(), json);
    }

    public MappingTemplates(String location, ObjectMapper json) {
        this.location = location.endsWith("/") ? location : location + "/";
        this.json = json;
        compileAll();
    }

    /** Maps one record (a map or list of plain values, as camel-sql or Jackson give it) through a template. */
    public Object apply(String name, Object record) {
        return apply(name, record, Map.of());
    }

    /**
     * Maps one record with variables the template reads as {@code $name}, e.g. {@code $settings}
     * for the sync rules an operator may change.
     */
    public Object apply(String name, Object record, Map<String, ?> variables) {
        return withVariables(name, variables).apply(record);
    }

    /**
     * The template with its variables made plain once, for a page of records mapped with the same
     * ones (converting them for every record was a share of the mapping step's cost).
     */
    public Bound withVariables(String name, Map<String, ?> variables) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        variables.forEach((variable, value) -> plain.put(variable, json.convertValue(value, Object.class)));
        return new Bound(current(name), plain);
    }

    /** A template and its variables, mapping one record at a time. */
    public final class Bound {
        private final CompiledTemplate template;
        private final Map<String, Object> variables;

        private Bound(CompiledTemplate template, Map<String, Object> variables) {
            this.template = template;
            this.variables = variables;
        }

        public Object apply(Object record) {
            Object input = json.convertValue(record, Object.class);
            try {
                Jsonata expression = template.expression();
                Jsonata.Frame frame = expression.createFrame();
                variables.forEach(frame::bind);
                return withoutNulls(expression.evaluate(input, frame));
            } catch (JException e) {
                throw new MappingException(template.file(), "cannot map the record: " + e.getMessage(), e);
            }
        }
    }

    /**
     * JSONata copies a null column through as null; Xero reads a null as "no value" at best, so
     * nulls are left out of the element (and of its nested objects and lists) instead of sent.
     */
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> clean = new java.util.LinkedHashMap<>();
            map.forEach((key, child) -> {
                if (child != null && child != Jsonata.NULL_VALUE) {
                    clean.put(key, withoutNulls(child));
                }
            });
            return clean;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().filter(child -> child != null && child != Jsonata.NULL_VALUE)
                    .map(MappingTemplates::withoutNulls).toList();
        }
        return value;
    }

    /** Template names (file names without {@code .jsonata}), for logs and checks. */
    public java.util.Set<String> names() {
        return new java.util.TreeSet<>(templates.keySet());
    }

    private void compileAll() {
        Map<String, CompiledTemplate> compiled = new TreeMap<>();
        Library library = library();
        for (Resource resource : resources()) {
            CompiledTemplate template = compile(resource, library);
            compiled.put(template.name(), template);
        }
        if (compiled.isEmpty()) {
            throw new MappingException(location, "no mapping templates (*" + SUFFIX
                    + ") found; check fieldsync.mappings-location", null);
        }
        templates.putAll(compiled);
        log.info("Compiled {} mapping templates from {}: {}", compiled.size(), location, compiled.keySet());
    }

    private Resource[] resources() {
        try {
            return new PathMatchingResourcePatternResolver().getResources(location + "*" + SUFFIX);
        } catch (IOException e) {
            throw new MappingException(location, "cannot list mapping templates: " + e.getMessage(), e);
        }
    }

    private CompiledTemplate current(String name) {
        CompiledTemplate template = templates.get(name);
        if (template == null) {
            throw new MappingException(location + name + SUFFIX, "no such mapping template", null);
        }
        if (template.isStale()) {
            template = compile(template.resource(), library());
            templates.put(name, template);
            log.info("Recompiled mapping template {}", template.file());
        }
        return template;
    }

    /** The shared functions, as statements to put before a template's expression (none when the file is absent). */
    private Library library() {
        Resource resource = new PathMatchingResourcePatternResolver().getResource(location + LIBRARY);
        if (!resource.exists()) {
            return new Library(null, "", -1);
        }
        String statements = read(resource).strip();
        while (statements.endsWith(";")) {
            statements = statements.substring(0, statements.length() - 1).stripTrailing();
        }
        Library library = new Library(resource, statements.isEmpty() ? "" : statements + ";\n", lastModified(resource));
        try {
            Jsonata.jsonata("(" + library.statements() + "null)");
        } catch (JException e) {
            throw new MappingException(describe(resource), "is not valid JSONata at "
                    + TextPosition.of(library.statements(), Math.max(0, e.getLocation() - 1)) + ": " + e.getMessage(), e);
        }
        return library;
    }

    private static CompiledTemplate compile(Resource resource, Library library) {
        String file = describe(resource);
        String source = read(resource);
        String prefix = "(" + library.statements();
        try {
            Jsonata expression = Jsonata.jsonata(prefix + source + "\n)");
            String name = resource.getFilename().substring(0, resource.getFilename().length() - SUFFIX.length());
            return new CompiledTemplate(name, file, resource, expression, lastModified(resource), library);
        } catch (JException e) {
            int at = Math.max(0, Math.min(e.getLocation() - prefix.length(), source.length()));
            throw new MappingException(file, "is not valid JSONata at " + TextPosition.of(source, at)
                    + ": " + e.getMessage(), e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MappingException(describe(resource), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String describe(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile().getPath() : resource.getURI().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    static long lastModified(Resource resource) {
        try {
            return resource.isFile() ? resource.lastModified() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private record Library(Resource resource, String statements, long lastModified) {
        boolean isStale() {
            return resource != null && lastModified >= 0 && MappingTemplates.lastModified(resource) != lastModified;
        }
    }

    private record CompiledTemplate(String name, String file, Resource resource, Jsonata expression,
                                    long lastModified, Library library) {
        boolean isStale() {
            return (lastModified >= 0 && MappingTemplates.lastModified(resource) != lastModified) || library.isStale();
        }
    }
}
