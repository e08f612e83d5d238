package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** What became of one element of a batch: the stored document, or the submitted one and why it failed. */
record ElementResult(ObjectNode element, List<String> errors, List<String> warnings) {

    static ElementResult ok(ObjectNode stored) {
        return new ElementResult(stored, List.of(), List.of());
    }

    static ElementResult ok(ObjectNode stored, List<String> warnings) {
        return new ElementResult(stored, List.of(), List.copyOf(warnings));
    }

    static ElementResult error(ObjectNode submitted, List<String> errors) {
        return new ElementResult(submitted, List.copyOf(errors), List.of());
    }

    static ElementResult error(ObjectNode submitted, String error) {
        return error(submitted, List.of(error));
    }

    boolean failed() {
        return !errors.isEmpty();
    }
}
