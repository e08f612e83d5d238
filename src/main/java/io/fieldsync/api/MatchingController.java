package io.fieldsync.api;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.fieldsync.matching.MatchDecisions;
import io.fieldsync.matching.MatchKind;
import io.fieldsync.matching.MatchRefusedException;
import io.fieldsync.matching.MatchRuns;
import io.fieldsync.matching.MatchSuggestion;
import io.fieldsync.matching.MatchSuggestions;
import io.fieldsync.matching.XeroImports;
import io.fieldsync.xero.XeroConnection;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Matching (data initialisation): which existing Xero contact each customer is and which Xero item
 * each material is. A run links exact matches and suggests the rest; a person accepts (or picks
 * another Xero record), rejects, or has a new Xero record created; Xero records without a partner
 * can be imported, and materials without one removed.
 */
@RestController
@RequestMapping("/api/matching")
public class MatchingController {

    public record Decision(String xeroId) {
    }

    public record ImportRequest(List<String> xeroIds) {
    }

    private final MatchRuns runs;
    private final MatchDecisions decisions;
    private final XeroImports imports;
    private final MatchSuggestions suggestions;
    private final XeroConnection connection;

    public MatchingController(MatchRuns runs, MatchDecisions decisions, XeroImports imports, MatchSuggestions suggestions,
                              XeroConnection connection) {
        this.runs = runs;
        this.decisions = decisions;
        this.imports = imports;
        this.suggestions = suggestions;
        this.connection = connection;
    }

    @PostMapping("/{kind}/run")
    public MatchRuns.Outcome run(@PathVariable String kind, Principal who) {
        return runs.run(kind(kind), who.getName());
    }

    /** Suggestions and decisions of a kind, by record; {@code status} filters (SUGGESTED: what waits for a person). */
    @GetMapping("/{kind}")
    public List<MatchSuggestion> list(@PathVariable String kind, @RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        int limit = Math.max(1, Math.min(size, 1000));
        return suggestions.list(connection.currentTenant().getId(), kind(kind), status(status), limit, Math.max(0, page) * limit);
    }

    @GetMapping("/{kind}/{localId}")
    public List<MatchSuggestion> ofRecord(@PathVariable String kind, @PathVariable long localId) {
        return suggestions.ofRecord(connection.currentTenant().getId(), kind(kind), localId);
    }

    /** Body {@code {"xeroId": "..."}} picks a Xero record (a change); without it the one open suggestion is taken. */
    @PostMapping("/{kind}/{localId}/accept")
    public List<MatchSuggestion> accept(@PathVariable String kind, @PathVariable long localId,
                                        @RequestBody(required = false) Decision decision, Principal who) {
        return decisions.accept(kind(kind), localId, decision == null ? null : decision.xeroId(), who.getName());
    }

    /** Body {@code {"xeroId": "..."}} rejects that one; without it every open suggestion of the record. */
    @PostMapping("/{kind}/{localId}/reject")
    public List<MatchSuggestion> reject(@PathVariable String kind, @PathVariable long localId,
                                        @RequestBody(required = false) Decision decision, Principal who) {
        return decisions.reject(kind(kind), localId, decision == null ? null : decision.xeroId(), who.getName());
    }

    @PostMapping("/{kind}/{localId}/create")
    public List<MatchSuggestion> create(@PathVariable String kind, @PathVariable long localId, Principal who) {
        return decisions.create(kind(kind), localId, who.getName());
    }

    /** Body {@code {"xeroIds": [...]}} imports those; without it every Xero record without a partner. */
    @PostMapping("/{kind}/import")
    public XeroImports.Outcome importUnpartnered(@PathVariable String kind, @RequestBody(required = false) ImportRequest request,
                                                 Principal who) {
        return imports.importUnpartnered(kind(kind), request == null ? null : request.xeroIds(), who.getName());
    }

    /**
     * Soft-deletes only with {@code confirm=true}; without it (or with {@code dryRun=true}) it lists
     * what would go. A request that forgets a parameter never deletes a catalogue.
     */
    @PostMapping("/items/remove-unmatched")
    public XeroImports.Removal removeUnmatched(@RequestParam(required = false) Boolean dryRun,
                                               @RequestParam(defaultValue = "false") boolean confirm, Principal who) {
        if (Boolean.FALSE.equals(dryRun) && !confirm) {
            throw new BadRequestException("dryRun=false removes materials only with confirm=true", "confirm");
        }
        return imports.removeUnmatchedMaterials(!confirm || Boolean.TRUE.equals(dryRun), who.getName());
    }

    @ExceptionHandler(MatchRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(MatchRefusedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (e.xeroId() != null) {
            body.put("xeroId", e.xeroId());
        }
        if (e.linkedLocalId() != null) {
            body.put("linkedLocalId", e.linkedLocalId());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage(), "field", "xeroId"));
    }

    private static MatchKind kind(String path) {
        MatchKind kind = MatchKind.ofPath(path);
        if (kind == null) {
            throw new BadRequestException("Unknown kind '" + path + "'; known: contacts, items", "kind");
        }
        return kind;
    }

    private static MatchSuggestion.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return MatchSuggestion.Status.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown status '" + status + "'; known: "
                    + Arrays.toString(MatchSuggestion.Status.values()), "status");
        }
    }
}
