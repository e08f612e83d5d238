package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A well-behaved Xero client for the tests: Bearer token, tenant id, Accept: application/json. */
public final class SandboxClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    final XeroSandbox sandbox;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token;
    final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public SandboxClient(XeroSandbox sandbox) {
        this.sandbox = sandbox;
        this.token = sandbox.issueAccessToken();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("xero-tenant-id", sandbox.tenantId())
                .header("Accept", "application/json");
        extraHeaders.forEach(builder::header);
        return builder;
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Creates one element and returns it as stored; fails the test if Xero refused it. */
    JsonNode create(String collection, String elementJson) {
        HttpResponse<String> response = put("/" + collection + "?summarizeErrors=false", "{\"" + collection + "\":[" + elementJson + "]}");
        JsonNode element = json(response).path(collection).path(0);
        if (response.statusCode() != 200 || !"OK".equals(element.path("StatusAttributeString").asText())) {
            throw new AssertionError("could not create " + collection + ": " + response.body());
        }
        return element;
    }

    JsonNode createContact(String name) {
        return create("Contacts", "{\"Name\":\"" + name + "\"}");
    }

    /** An authorised sales invoice of one line, 100.00 + 10% GST unless other lines are given. */
    JsonNode createInvoice(String contactId, String number, String status) {
        return create("Invoices", "{\"Type\":\"ACCREC\",\"Contact\":{\"ContactID\":\"" + contactId + "\"},"
                + (number == null ? "" : "\"InvoiceNumber\":\"" + number + "\",")
                + "\"Date\":\"2026-03-01\",\"DueDate\":\"2026-03-31\",\"Status\":\"" + status + "\",\"LineAmountTypes\":\"Exclusive\","
                + "\"LineItems\":[{\"Description\":\"Service call\",\"Quantity\":1,\"UnitAmount\":100.00,\"AccountCode\":\"200\"}]}");
    }
}
