package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

/** What the connector gets wrong still logs its stack trace; a body read past its limit is a 413, wherever it was read. */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void aServerErrorIsA500WhoseStackTraceIsLogged(CapturedOutput output) {
        ResponseEntity<Map<String, Object>> answer = errors.unexpected(new IllegalStateException("a bug of ours"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(output.getAll()).contains("Operator API request failed").contains("a bug of ours")
                .containsPattern("(?m)^\\s+at io\\.fieldsync\\.api\\.ApiErrorsTest\\.");
    }

    @Test
    void aBodyReadPastItsLimitIsA413NamingTheLimit(CapturedOutput output) {
        HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException("I/O error while reading input message",
                new BodyTooLargeException(256 * 1024, "fieldsync.api.max-webhook-body-size"),
                new MockHttpInputMessage("{}".getBytes(StandardCharsets.UTF_8)));

        ResponseEntity<Map<String, Object>> answer = errors.unreadable(unreadable);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.getBody()).containsEntry("error", "The request body is too large: this call takes at most 256 KB"
                + " (the connector's setting fieldsync.api.max-webhook-body-size)").containsEntry("maxBytes", 262144L);
        assertThat(output.getAll()).contains("over 256 KB (413)").doesNotContainPattern("(?m)^\\s+at ");
    }
}
