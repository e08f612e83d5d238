package io.fieldsync.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.fieldsync.xero.XeroAuthorisationFlow;
import io.fieldsync.xero.XeroConnectionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connecting FieldSync to Xero by OAuth2 ({@code fieldsync.xero.grant=authorization_code}): the
 * operator opens {@code /api/xero/connect} in a browser, Xero sends the browser back to
 * {@code /api/xero/callback}, and with several organisations the operator chooses one. The
 * callback needs no login (Xero's redirect carries none): the single-use state protects it.
 */
@RestController
public class XeroConnectionController {

    private final XeroAuthorisationFlow flow;

    public XeroConnectionController(XeroAuthorisationFlow flow) {
        this.flow = flow;
    }

    /** 302 to Xero's authorize page; {@code ?redirect=false} answers the URL instead, for scripts. */
    @GetMapping("/api/xero/connect")
    public ResponseEntity<Map<String, Object>> connect(@RequestParam(defaultValue = "true") boolean redirect, Principal who) {
        String url = flow.authorizeUrl(name(who));
        return redirect ? ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build()
                : ResponseEntity.ok(Map.of("authorizeUrl", url));
    }

    /**
     * Where Xero sends the browser back. A browser (it asks for HTML) goes on to the console's
     * connection page, which says how it went; a script gets the connection's status as JSON.
     */
    @GetMapping("/api/xero/callback")
    public ResponseEntity<?> callback(@RequestParam(required = false) String code,
                                      @RequestParam(required = false) String state,
                                      @RequestParam(required = false) String error,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok(flow.callback(code, state, error));
        }
        String back;
        try {
            Map<String, Object> status = flow.callback(code, state, error);
            back = "/connection.html?authorised=" + status.get("status");
        } catch (XeroAuthorisationFlow.RefusedException | XeroConnectionException refused) {
            back = "/connection.html?error=" + URLEncoder.encode(refused.getMessage(), StandardCharsets.UTF_8);
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(back)).build();
    }

    @GetMapping("/api/xero/connection")
    public Map<String, Object> status() {
        return flow.status();
    }

    @GetMapping("/api/xero/connections")
    public List<Map<String, Object>> connections() {
        return flow.organisations();
    }

    @PostMapping("/api/xero/connections/{tenantId}/select")
    public Map<String, Object> select(@PathVariable String tenantId, Principal who) {
        return flow.choose(tenantId, name(who));
    }

    /** {@code id}: Xero's connection id or the organisation's tenant id. */
    @DeleteMapping("/api/xero/connections/{id}")
    public Map<String, Object> disconnect(@PathVariable String id, Principal who) {
        return flow.disconnect(id, name(who));
    }

    @ExceptionHandler(XeroAuthorisationFlow.RefusedException.class)
    ResponseEntity<Map<String, Object>> refused(XeroAuthorisationFlow.RefusedException e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    private static String name(Principal who) {
        return who == null ? "unknown" : who.getName();
    }
}
