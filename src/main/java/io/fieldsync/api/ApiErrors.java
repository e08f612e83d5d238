package io.fieldsync.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fieldsync.runs.MaintenanceWindowException;
import io.fieldsync.runs.OrganisationHeldException;
import io.fieldsync.runs.SyncAlreadyRunningException;
import io.fieldsync.settings.InvalidSettingException;
import io.fieldsync.state.RecordActionRefusedException;
import io.fieldsync.xero.XeroAnswerException;
import io.fieldsync.xero.XeroConnectionException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error is JSON {@code {"error": "..."}} with a fitting status, never a stack trace. A
 * client's mistake (wrong method, content type, parameter, body; an unknown path or record) is a
 * 4xx in the API's words, naming the parameter as the API names it, and is not logged: it is the
 * client's to fix. Only what the connector got wrong (a 500) logs its stack trace.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(SyncAlreadyRunningException.class)
    ResponseEntity<Map<String, Object>> conflict(SyncAlreadyRunningException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), "runningSyncId", e.runningSyncId());
    }

    @ExceptionHandler(OrganisationHeldException.class)
    ResponseEntity<Map<String, Object>> held(OrganisationHeldException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), "heldBy", e.heldBy());
    }

    @ExceptionHandler(MaintenanceWindowException.class)
    ResponseEntity<Map<String, Object>> maintenance(MaintenanceWindowException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), "maintenanceUntil", e.until().toOffsetDateTime().toString());
    }

    @ExceptionHandler(RecordActionRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(RecordActionRefusedException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), null, null);
    }

    @ExceptionHandler(InvalidSettingException.class)
    ResponseEntity<Map<String, Object>> invalidSetting(InvalidSettingException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), "field", e.setting());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), "field", e.field());
    }

    /** A body that is no JSON, or JSON of another shape than the call takes, or too large: said in the API's words. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            // as RequestBodyLimit does on a Content-Length: a flood is the operator's to know of
            log.warn("Refused a request body over {} (413)", ApiLimits.inWords(tooLarge.maxBytes()));
            return error(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), "maxBytes", tooLarge.maxBytes());
        }
        UnreadableBody.Fault fault = UnreadableBody.fault(e);
        return error(HttpStatus.BAD_REQUEST, fault.words(), "field", fault.field());
    }

    /** A query or path parameter of the wrong type: {@code size=abc}, {@code /api/syncs/abc}, {@code now=maybe}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> wrongType(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + " must be " + UnreadableBody.expected(e.getRequiredType())
                + ", not '" + e.getValue() + "'", "field", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "'" + e.getParameterName() + "' is required", "field", e.getParameterName());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null, null);
    }

    /** Spring's words would be "No static resource api/nope.": the API has no such call. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "No such call in the API: " + request.getMethod() + " " + request.getRequestURI(), null, null);
    }

    /** DELETE /api/syncs: the path is right, the method is not. The answer names the methods it takes, as does its Allow header. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        String takes = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        ResponseEntity<Map<String, Object>> answer = error(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not a call of "
                + request.getRequestURI() + (takes.isEmpty() ? "" : "; it takes " + takes), null, null);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).allow(allowed.toArray(HttpMethod[]::new))
                .body(answer.getBody());
    }

    /** A JSON call sent a form, text or XML. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongContentType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This call takes a JSON body with Content-Type: application/json, not "
                + sent, null, null);
    }

    /** Xero out of reach, or answering what cannot be read (a web page, a cut-off answer): Xero's words, 502. */
    @ExceptionHandler({XeroConnectionException.class, XeroAnswerException.class})
    ResponseEntity<Map<String, Object>> xeroUnavailable(RuntimeException e) {
        return error(HttpStatus.BAD_GATEWAY, e.getMessage(), null, null);
    }

    /** A period whose estimated Xero calls are more than today's budget has left: 400, the request asks too much. */
    @ExceptionHandler(io.fieldsync.reconcile.ReconciliationTooCostlyException.class)
    ResponseEntity<Map<String, Object>> reconciliationTooCostly(io.fieldsync.reconcile.ReconciliationTooCostlyException e) {
        ResponseEntity<Map<String, Object>> answer = error(HttpStatus.BAD_REQUEST, e.getMessage(), "field", "to");
        answer.getBody().put("callsNeeded", e.callsNeeded());
        answer.getBody().put("callsAvailable", e.callsAvailable());
        return answer;
    }

    /** A report that would eat into the calls kept for syncs: 429, with what it needs and what is left. */
    @ExceptionHandler(io.fieldsync.reconcile.ReconciliationRefusedException.class)
    ResponseEntity<Map<String, Object>> reconciliationRefused(io.fieldsync.reconcile.ReconciliationRefusedException e) {
        ResponseEntity<Map<String, Object>> answer = error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), "callsNeeded", e.callsNeeded());
        answer.getBody().put("callsAvailable", e.callsAvailable());
        return answer;
    }

    /** Xero's calls for the day (less the reserve) are used up: 429 with the governor's words. */
    @ExceptionHandler(io.fieldsync.xero.DailyLimitReachedException.class)
    ResponseEntity<Map<String, Object>> dailyLimit(RuntimeException e) {
        return error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), null, null);
    }

    /** The state store or the field-service database away (a pool that cannot connect): 503, it is not the request's fault. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<Map<String, Object>> databaseUnavailable(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
        log.warn("Operator API request refused, a database cannot be reached: {}", why);
        return error(HttpStatus.SERVICE_UNAVAILABLE, "A database the connector needs cannot be reached (" + why
                + "); try again once it is back", null, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("Operator API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error: " + e.getClass().getSimpleName()
                + "; see the connector's log", null, null);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (key != null && value != null) {
            body.put(key, value);
        }
        // JSON even to a client that asked for CSV (a report): an error is never a stack trace or an empty 406
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
    }
}
