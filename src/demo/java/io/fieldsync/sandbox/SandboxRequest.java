package io.fieldsync.sandbox;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the sandbox needs of a request; query names are case-insensitive, as Xero treats them. */
record SandboxRequest(String method, String path, Map<String, List<String>> query,
                      Map<String, List<String>> headers, byte[] body) {

    static final String API_PREFIX = "/api.xro/2.0";

    static SandboxRequest of(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        return new SandboxRequest(request.getMethod().getName().toUpperCase(Locale.ROOT), path,
                parseQuery(q < 0 ? "" : url.substring(q + 1)),
                headers(request),
                request.getBody() == null ? new byte[0] : request.getBody());
    }

    /** Header names ignore case, as HTTP says. */
    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpHeader header : request.getHeaders().all()) {
            headers.computeIfAbsent(header.key(), k -> new ArrayList<>()).addAll(header.values());
        }
        return headers;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String queryParam(String name) {
        List<String> values = query.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean hasQueryParam(String name) {
        return query.containsKey(name.toLowerCase(Locale.ROOT));
    }

    boolean queryFlag(String name) {
        return "true".equalsIgnoreCase(queryParam(name));
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean isApi() {
        return path.startsWith(API_PREFIX + "/") || path.equals(API_PREFIX);
    }

    /** Path segments after /api.xro/2.0, URL-decoded: ["Invoices", "{id}", "Attachments", "a.pdf"]. */
    List<String> apiSegments() {
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(API_PREFIX.length()).split("/")) {
            if (!s.isEmpty()) {
                segments.add(decode(s));
            }
        }
        return segments;
    }

    boolean isWrite() {
        return method.equals("PUT") || method.equals("POST");
    }
}
