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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The JSONata mapping templates of {@code fieldsync.mappings-location}, each compiled once at
 * start-up (camel-jsonata would re-parse the template for every record). A template that does
 * not compile stops start-up with its file name and position. Templates read from a folder are
 * recompiled when the file changes, so an engineer's edit applies without a restart.
 * Routes call {@code mappingTemplates.apply(name, record)}.
 */
@Component("mappingTemplates")
public class MappingTemplates {

    private static final Logger log = LoggerFactory.getLogger(MappingTemplates.class);
    private static final String SUFFIX = ".jsonata";

    private final String location;
    private final ObjectMapper json;
    private final Map<String, CompiledTemplate> templates = new ConcurrentHashMap<>();

    public MappingTemplates(@Value("${fieldsync.mappings-location}") String location, ObjectMapper json) {
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
        CompiledTemplate template = current(name);
        Object input = json.convertValue(record, Object.class);
        try {
            Jsonata expression = template.expression();
            Jsonata.Frame frame = expression.createFrame();
            variables.forEach((variable, value) -> frame.bind(variable, json.convertValue(value, Object.class)));
            return withoutNulls(expression.evaluate(input, frame));
        } catch (JException e) {
            throw new MappingException(template.file(), "cannot map the record: " + e.getMessage(), e);
        }
    }

    /** Maps every record of a batch through the same template, keeping their order. */
    public java.util.List<Object> applyEach(String name, java.util.List<?> records) {
        return records.stream().map(record -> apply(name, record)).toList();
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
        for (Resource resource : resources()) {
            CompiledTemplate template = compile(resource);
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
            template = compile(template.resource());
            templates.put(name, template);
            log.info("Recompiled mapping template {}", template.file());
        }
        return template;
    }

    private static CompiledTemplate compile(Resource resource) {
        String file = describe(resource);
        String source;
        try (InputStream in = resource.getInputStream()) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MappingException(file, "cannot be read: " + e.getMessage(), e);
        }
        try {
            Jsonata expression = Jsonata.jsonata(source);
            String name = resource.getFilename().substring(0, resource.getFilename().length() - SUFFIX.length());
            return new CompiledTemplate(name, file, resource, expression, lastModified(resource));
        } catch (JException e) {
            throw new MappingException(file, "is not valid JSONata at " + TextPosition.of(source, e.getLocation())
                    + ": " + e.getMessage(), e);
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

    private record CompiledTemplate(String name, String file, Resource resource, Jsonata expression,
                                    long lastModified) {
        boolean isStale() {
            return lastModified >= 0 && MappingTemplates.lastModified(resource) != lastModified;
        }
    }
}
