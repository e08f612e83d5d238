package io.fieldsync.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, in the API's words: the JSON field at fault as the
 * client wrote it ({@code entities}, {@code invoices.status}) and what it should hold. Jackson's
 * and Spring's own messages name Java types and method signatures, which mean nothing to a client.
 */
final class UnreadableBody {

    /** What was wrong, and the body's field at fault (null when the body as a whole is). */
    record Fault(String words, String field) {
    }

    private UnreadableBody() {
    }

    static Fault fault(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof PropertyBindingException unknown) {
            String field = path(unknown);
            return new Fault("The body has a field this call does not know: '" + field + "'", field);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return new Fault("'" + field + "' in the body must be " + expected(mismatch.getTargetType()), field);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return new Fault("The body must be " + expected(mismatch.getTargetType()) + " in JSON", null);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new Fault("'" + field + "' in the body has a value this call cannot take", field);
        }
        if (cause instanceof JsonProcessingException syntax) {
            JsonLocation at = syntax.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new Fault("The body is not valid JSON" + where + ": " + syntax.getOriginalMessage(), null);
        }
        if (cause == null && String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
            return new Fault("This call needs a body: JSON, as the README shows for it", null);
        }
        return new Fault("The body cannot be read as JSON", null);
    }

    /** What a value of {@code type} looks like to a client: "a whole number", "true or false", "a list". */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
                || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an instant like 2026-11-01T08:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-11-01";
        }
        return "an object";
    }

    /** {@code entities[0]}, {@code invoices.status}: the field as it stands in the JSON. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
