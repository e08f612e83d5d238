package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TestSettings;
import io.fieldsync.xero.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A request body larger than its call takes is refused with 413 in plain words before it is read
 * whole: on its Content-Length when it gives one, else once the bytes read pass the limit (256 KB
 * for Xero's webhooks, 1 MB for the API). The requests here are written by hand on a socket, so a
 * test can stop sending half way and see the answer come anyway.
 */
class RequestBodyLimitsIT extends MariaDbIntegrationTest {

    private static final String KEY = "it-webhook-key/+dGVzdA==";
    private static final int WEBHOOK_LIMIT = 256 * 1024;
    private static final int TWO_MB = 2 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableEnvironment environment;

    private TestSettings settings;

    @BeforeEach
    void webhookKey() {
        settings = new TestSettings(environment).set("fieldsync.xero.webhook-key", KEY);
    }

    @AfterEach
    void settingsBack() {
        settings.close();
    }

    @Test
    void aTwoMegabyteWebhookIsRefusedBeforeItIsReadWhole() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/xero/webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "x-xero-signature: c2lnbmVk\r\nContent-Length: " + TWO_MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(padding(1024)); // a first kilobyte, and no more: the answer cannot wait for the rest
            out.flush();

            String answer = readAnswer(socket);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"error\":\"The request body is too large: this call takes at most 256 KB")
                    .contains("\"maxBytes\":" + WEBHOOK_LIMIT);
        }
    }

    @Test
    void aChunkedWebhookIsCountedAsItIsReadAndRefusedPastTheLimit() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/xero/webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "x-xero-signature: c2lnbmVk\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = padding(8 * 1024);
            for (int sent = 0; sent <= WEBHOOK_LIMIT; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush(); // past the limit, and the body has no end yet

            String answer = readAnswer(socket);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("this call takes at most 256 KB");
        }
    }

    @Test
    void aSignedWebhookJustUnderTheLimitIsTakenWithTheBytesXeroSigned() throws IOException {
        String intent = "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"Ünïcödé ✓\"}";
        byte[] body = pad(intent.getBytes(StandardCharsets.UTF_8), WEBHOOK_LIMIT - 10);
        String signature = Base64.getEncoder().encodeToString(WebhookSignature.sign(body, KEY));
        byte[] tampered = body.clone();
        tampered[0] = '\t';

        assertThat(postChunked(body, signature)).startsWith("HTTP/1.1 200");
        assertThat(postChunked(tampered, signature)).as("the check still sees every byte").startsWith("HTTP/1.1 401");
    }

    @Test
    void anApiBodyOverItsLimitIsRefusedInPlainWords() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        byte[] settingsTree = pad("{\"invoices\":{\"status\":\"DRAFT\"}}".getBytes(StandardCharsets.UTF_8), 1024 * 1024 + 1);
        int changesBefore = state.queryForObject("select count(*) from settings_change", Integer.class);

        ResponseEntity<Map> refused = asOperator().exchange("/api/settings", HttpMethod.PUT, new HttpEntity<>(settingsTree, headers), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refused.getBody().get("error").toString())
                .isEqualTo("The request body is too large: this call takes at most 1 MB (the connector's setting fieldsync.api.max-body-size)");
        assertThat(state.queryForObject("select count(*) from settings_change", Integer.class)).as("nothing changed").isEqualTo(changesBefore);
    }

    @Test
    void anApiBodyWithoutALengthIsCountedToo() throws IOException {
        String login = Base64.getEncoder().encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        byte[] settingsTree = pad("{\"invoices\":{\"status\":\"DRAFT\"}}".getBytes(StandardCharsets.UTF_8), 1024 * 1024 + 100);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/settings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Requested-By: fieldsync\r\n"
                    + "Authorization: Basic " + login + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            writeChunked(out, settingsTree);

            String answer = readAnswer(socket);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("at most 1 MB");
        }
    }

    /** The webhook, signed, its body sent in chunks (no Content-Length): the status line and the rest of the answer. */
    private String postChunked(byte[] body, String signature) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/xero/webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "x-xero-signature: " + signature + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            writeChunked(out, body);
            return readAnswer(socket);
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        for (int at = 0; at < body.length; at += 8192) {
            int length = Math.min(8192, body.length - at);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** What the connector answered until it closed the connection or fell silent for a second after answering. */
    private static String readAnswer(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                socket.setSoTimeout(1000);
            }
        } catch (SocketTimeoutException silent) {
            if (answer.size() == 0) {
                throw new AssertionError("no answer within 10 s: the connector waits for the rest of the body", silent);
            }
        } catch (IOException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** {@code json} made {@code length} bytes long with leading spaces, which JSON ignores and a JSON reader must read through. */
    private static byte[] pad(byte[] json, int length) {
        byte[] padded = padding(length);
        System.arraycopy(json, 0, padded, length - json.length, json.length);
        return padded;
    }

    private static byte[] padding(int length) {
        byte[] spaces = new byte[length];
        java.util.Arrays.fill(spaces, (byte) ' ');
        return spaces;
    }
}
