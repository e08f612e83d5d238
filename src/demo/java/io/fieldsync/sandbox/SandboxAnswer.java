package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One answer as the sandbox means to send it; turned into a WireMock response at the end. */
final class SandboxAnswer {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    JsonNode json; // kept so late steps (faults, XML) can rewrite it
    Fault fault;

    private SandboxAnswer(int status) {
        this.status = status;
    }

    static SandboxAnswer json(int status, JsonNode node) {
        SandboxAnswer answer = new SandboxAnswer(status);
        answer.json = node;
        answer.body = Json.bytes(node);
        answer.headers.put("Content-Type", "application/json; charset=utf-8");
        return answer;
    }

    static SandboxAnswer bytes(int status, String contentType, byte[] body) {
        SandboxAnswer answer = new SandboxAnswer(status);
        answer.body = body;
        if (contentType != null) {
            answer.headers.put("Content-Type", contentType);
        }
        return answer;
    }

    static SandboxAnswer text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxAnswer empty(int status) {
        return bytes(status, null, new byte[0]);
    }

    /** Xero's gateway answers 401/403/404 as RFC 7807-ish problem documents. */
    static SandboxAnswer problem(int status, String title, String detail) {
        ObjectNode node = Json.object();
        node.putNull("Type");
        node.put("Title", title);
        node.put("Status", status);
        node.put("Detail", detail);
        node.put("Instance", UUID.randomUUID().toString());
        node.putObject("Extensions");
        return json(status, node);
    }

    /** The accounting API's own error shape (ErrorNumber, Type, Message). */
    static SandboxAnswer apiException(int status, int errorNumber, String type, String message) {
        ObjectNode node = Json.object();
        node.put("ErrorNumber", errorNumber);
        node.put("Type", type);
        node.put("Message", message);
        return json(status, node);
    }

    static SandboxAnswer notFound(String message) {
        SandboxAnswer answer = text(404, "text/plain; charset=utf-8", message);
        return answer;
    }

    SandboxAnswer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Replaces the JSON body (after a fault or format change rewrote it). */
    void rewrite(JsonNode node) {
        json = node;
        body = Json.bytes(node);
    }

    SandboxAnswer copy() {
        SandboxAnswer copy = new SandboxAnswer(status);
        copy.headers.putAll(headers);
        copy.body = body.clone();
        copy.json = json == null ? null : json.deepCopy();
        copy.fault = fault;
        return copy;
    }

    ResponseDefinition toResponseDefinition() {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
        headers.forEach(builder::withHeader);
        if (fault != null) {
            builder.withFault(fault);
        } else {
            builder.withBody(body);
        }
        return builder.build();
    }
}
