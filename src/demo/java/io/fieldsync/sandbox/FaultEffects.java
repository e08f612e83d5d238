package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** What each fault switch does to an answer. */
final class FaultEffects {
    /** 1900-01-01: Xero has returned such dates for records migrated from old systems. */
    static final String LEGACY_DATE = "/Date(-2208988800000+0000)/";
    static final String UNKNOWN_FIELD = "SandboxFutureField";

    private FaultEffects() {
    }

    static SandboxAnswer replacement(SandboxFaults.Rule rule) {
        return switch (rule.kind) {
            case UNREACHABLE -> {
                SandboxAnswer nothing = SandboxAnswer.empty(200);
                nothing.fault = rule.fault; // nothing was processed: the connection just fails
                yield nothing;
            }
            case SERVER_ERROR -> {
                SandboxAnswer answer = SandboxAnswer.problem(rule.status, rule.status == 503 ? "Service Unavailable" : "An error occurred",
                        "An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.");
                yield rule.retryAfterSeconds < 0 ? answer : answer.header("Retry-After", String.valueOf(rule.retryAfterSeconds));
            }
            case CLIENT_ERROR -> SandboxAnswer.apiException(rule.status, 10, "ValidationException", rule.field);
            case RATE_LIMITED -> SandboxAnswer.empty(429)
                    .header("Retry-After", String.valueOf(rule.status))
                    .header("X-Rate-Limit-Problem", "minute")
                    .header("X-MinLimit-Remaining", "0");
            case HTML_PAGE -> SandboxAnswer.text(rule.status, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><head><title>" + rule.status + " Service Unavailable</title></head>"
                            + "<body><h1>Sorry, something went wrong</h1><p>Xero is temporarily unavailable. "
                            + "Please try again shortly.</p></body></html>");
            default -> throw new IllegalStateException("not a replacing fault: " + rule.kind);
        };
    }

    static void applyAfterwards(List<SandboxFaults.Rule> rules, SandboxAnswer answer) {
        for (SandboxFaults.Rule rule : rules) {
            switch (rule.kind) {
                case LEGACY_DATE -> legacyDate(answer, rule.field);
                case TRUNCATED_JSON -> answer.body = Arrays.copyOf(answer.body, answer.body.length / 2);
                case DROP_AFTER_COMMIT -> answer.fault = rule.fault;
                case AFTERWARDS -> rule.action.accept(answer.body == null ? ""
                        : new String(answer.body, java.nio.charset.StandardCharsets.UTF_8));
                default -> throw new IllegalStateException("not an after-processing fault: " + rule.kind);
            }
        }
    }

    private static void legacyDate(SandboxAnswer answer, String field) {
        if (answer.json == null || !answer.json.isObject()) {
            return;
        }
        ObjectNode root = ((ObjectNode) answer.json).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                ObjectNode first = (ObjectNode) value.get(0);
                String target = field != null ? field : first.has("Date") ? "Date" : "UpdatedDateUTC";
                first.put(target, LEGACY_DATE);
                first.putObject(UNKNOWN_FIELD).put("Note", "a field this contract version does not name");
                answer.rewrite(root);
                return;
            }
        }
    }

}
