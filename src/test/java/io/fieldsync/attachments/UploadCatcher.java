package io.fieldsync.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in front of the sandbox as the connector's Xero API: every call is passed on to the
 * sandbox, except file uploads, which it reads as a server reads a stream (a buffer at a time,
 * digested, then dropped) and answers as Xero does. It can hold uploads part-way through, so a
 * test can look at the connector's memory while the bytes are in flight.
 */
final class UploadCatcher implements AutoCloseable {

    /** What arrived of one file. */
    record Received(String fileName, long bytes, String sha256) {
    }

    private static final List<String> PASSED_ON = List.of("Authorization", "xero-tenant-id", "Content-Type", "Accept",
            "Idempotency-Key", "If-Modified-Since");
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Retry-After", "X-Rate-Limit-Problem");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private volatile String sandboxBase;
    private volatile long holdAfterBytes = Long.MAX_VALUE;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    private UploadCatcher(HttpServer server) {
        this.server = server;
    }

    static UploadCatcher start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            UploadCatcher catcher = new UploadCatcher(server);
            server.createContext("/", catcher::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return catcher;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API base the connector is given: the sandbox's path on this server. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api.xro/2.0";
    }

    /** The sandbox's own base URL (scheme, host, port), where everything but uploads goes. */
    void passOnTo(String sandboxApiUrl) {
        URI uri = URI.create(sandboxApiUrl);
        sandboxBase = uri.getScheme() + "://" + uri.getAuthority();
    }

    /** The next {@code uploads} uploads stop reading after {@code bytes} until {@link #release()}. */
    void holdUploads(int uploads, long bytes) {
        holdAfterBytes = bytes;
        release = new CountDownLatch(1);
        held = new CountDownLatch(uploads);
    }

    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        holdAfterBytes = Long.MAX_VALUE;
        release.countDown();
    }

    Map<String, Received> received() {
        return Map.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (exchange.getRequestMethod().equals("PUT") && path.contains("/Attachments/")) {
                catchUpload(exchange, URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8));
            } else {
                passOn(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        }
    }

    private void catchUpload(HttpExchange exchange, String fileName) throws IOException, InterruptedException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        boolean waited = false;
        try (InputStream body = exchange.getRequestBody()) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                total += n;
                if (!waited && total >= holdAfterBytes) {
                    waited = true;
                    held.countDown();
                    release.await(2, TimeUnit.MINUTES);
                }
            }
        }
        Received file = new Received(fileName, total, HexFormat.of().formatHex(digest.digest()));
        received.put(fileName, file);
        String answer = "{\"Id\":\"" + UUID.randomUUID() + "\",\"Status\":\"OK\",\"Attachments\":[{\"AttachmentID\":\""
                + UUID.randomUUID() + "\",\"FileName\":\"" + fileName.replace("\"", "\\\"") + "\",\"MimeType\":\"application/pdf\","
                + "\"ContentLength\":" + total + "}]}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void passOn(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandboxBase + exchange.getRequestURI().getRawPath()
                        + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : PASSED_ON) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String header : PASSED_BACK) {
            answer.headers().firstValue(header).ifPresent(value -> exchange.getResponseHeaders().add(header, value));
        }
        byte[] bytes = answer.body();
        exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
