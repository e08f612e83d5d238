package io.fieldsync.sandbox;

import java.util.List;

/** A request that broke Xero's contract or one of the rules NOTES.md adds to it. */
public record ContractViolation(String method, String path, List<String> messages) {
    public ContractViolation {
        messages = List.copyOf(messages);
    }
}
