package io.fieldsync.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than its call takes ({@link ApiLimits}) before it is read whole:
 * at once when its Content-Length says so; else (chunked, no length) the bytes are counted as the
 * call reads them and the read past the limit fails, which the API answers with the same 413. The
 * bytes themselves pass through untouched: the webhook's signature is checked on exactly what Xero sent.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    static final String WEBHOOKS = "/api/xero/webhooks";
    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

    private final ApiLimits limits;
    private final ObjectMapper json;

    public RequestBodyLimit(ApiLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean webhook = WEBHOOKS.equals(request.getRequestURI().substring(request.getContextPath().length()));
        long max = webhook ? limits.maxWebhookBodySize().toBytes() : limits.maxBodySize().toBytes();
        String setting = webhook ? "fieldsync.api.max-webhook-body-size" : "fieldsync.api.max-body-size";
        if (request.getContentLengthLong() > max) {
            refuse(request, response, new BodyTooLargeException(max, setting));
            return;
        }
        try {
            chain.doFilter(new CountedBody(request, max, setting), response);
        } catch (IOException | ServletException e) {
            // a reader outside the API's error handling (a servlet of its own) let it through
            BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            refuse(request, response, tooLarge);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException tooLarge) throws IOException {
        log.warn("Refused {} {}: its body is over {} (413)", request.getMethod(), request.getRequestURI(),
                ApiLimits.inWords(tooLarge.maxBytes()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", tooLarge.getMessage());
        body.put("maxBytes", tooLarge.maxBytes());
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // the rest of the body is not wanted: the connection is not kept for another request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        json.writeValue(response.getOutputStream(), body);
        response.flushBuffer();
    }

    /** The request, whose body fails with {@link BodyTooLargeException} once more than {@code max} bytes are read. */
    static final class CountedBody extends HttpServletRequestWrapper {

        private final long max;
        private final String setting;
        private ServletInputStream counted;

        CountedBody(HttpServletRequest request, long max, String setting) {
            super(request);
            this.max = max;
            this.setting = setting;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream());
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream body;
            private long read;

            CountingStream(ServletInputStream body) {
                this.body = body;
            }

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws BodyTooLargeException {
                read += n;
                if (read > max) {
                    throw new BodyTooLargeException(max, setting);
                }
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        }
    }
}
