package io.fieldsync.api;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.settings.SyncEntities;
import io.fieldsync.state.RecordActions;
import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.state.SyncRun;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroDeepLinks;
import io.fieldsync.xero.XeroTenant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where every record stands, filterable by entity, status and time, newest change first, with a
 * link to it in Xero; and what an operator does about one: re-sync it, skip it, or re-sync all
 * FAILED records of an entity.
 */
@RestController
@RequestMapping("/api/records")
public class RecordsController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordView(String entity, long localId, String xeroId, String xeroUrl, String status, String message,
                             String warnings, Instant syncedAt, Instant updatedAt) {
    }

    public record SkipRequest(String reason) {
    }

    private final XeroConnection connection;
    private final RecordStatusRepository statuses;
    private final RecordLinkRepository links;
    private final RecordActions actions;
    private final SyncRuns syncRuns;
    private final ApiPages pages;

    public RecordsController(XeroConnection connection, RecordStatusRepository statuses, RecordLinkRepository links,
                             RecordActions actions, SyncRuns syncRuns, ApiPages pages) {
        this.pages = pages;
        this.connection = connection;
        this.statuses = statuses;
        this.links = links;
        this.actions = actions;
        this.syncRuns = syncRuns;
    }

    /**
     * A page of records, newest change first; {@code from}/{@code to}: instants bounding the
     * record's last status change; {@code q}: text the local id, Xero id or message contains (any case);
     * {@code run}: the run that last wrote the record's outcome. The body is the page's records (a list, as it always was); the
     * headers carry the rest: {@code X-Total-Count} (records matching), {@code X-Page},
     * {@code X-Page-Size}, {@code X-Page-Count}, and a {@code Link} to the next and previous pages.
     */
    @GetMapping
    public ResponseEntity<List<RecordView>> records(@RequestParam(required = false) String entity,
                                                    @RequestParam(required = false) String status,
                                                    @RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to,
                                                    @RequestParam(required = false) String q,
                                                    @RequestParam(required = false) Long run,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "50") int size) {
        if (entity != null && !SyncEntities.known(entity)) {
            throw new BadRequestException(unknownEntity(entity), "entity");
        }
        PageRequest wanted = pages.request(page, size);
        RecordStatus.Outcome outcome = outcome(status);
        XeroTenant tenant = connection.currentTenant();
        Page<RecordStatus> matching = statuses.filter(tenant.getId(), entity, outcome, instant(from, "from"), instant(to, "to"),
                q, run, wanted);
        List<RecordStatus> found = matching.getContent();
        Map<String, Map<Long, RecordLink>> linksByEntity = found.stream()
                .collect(Collectors.groupingBy(RecordStatus::getEntity,
                        Collectors.mapping(RecordStatus::getLocalId, Collectors.toList())))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> links
                        .findByTenantRefAndEntityAndLocalIdIn(tenant.getId(), e.getKey(), e.getValue()).stream()
                        .collect(Collectors.toMap(RecordLink::getLocalId, Function.identity()))));
        List<RecordView> views = found.stream().map(record -> {
            RecordLink link = linksByEntity.getOrDefault(record.getEntity(), Map.of()).get(record.getLocalId());
            String xeroId = link == null ? null : link.getXeroId();
            return new RecordView(record.getEntity(), record.getLocalId(), xeroId,
                    XeroDeepLinks.of(tenant.getShortCode(), record.getEntity(), xeroId), record.getStatus().name(),
                    record.getMessage(), record.getWarnings(), record.getSyncedAt(), record.getUpdatedAt());
        }).toList();
        return ResponseEntity.ok().headers(pages.headers(matching)).body(views);
    }

    /**
     * The record goes to Xero again in the next run, even unchanged; with {@code now=true} a sync
     * of its entity starts at once when none is running.
     */
    @PostMapping("/{entity}/{localId}/resync")
    public ResponseEntity<Map<String, Object>> resync(@PathVariable String entity, @PathVariable long localId,
                                                      @RequestParam(defaultValue = "false") boolean now, Principal who) {
        known(entity);
        RecordStatus status = actions.resync(entity, localId, who.getName());
        Map<String, Object> answer = answer(status);
        if (now) {
            startNow(entity, who, answer);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    /** Every FAILED record of the entity (or of {@code status}) goes again in the next run. */
    @PostMapping("/{entity}/resync")
    public ResponseEntity<Map<String, Object>> resyncAll(@PathVariable String entity,
                                                         @RequestParam(defaultValue = "FAILED") String status,
                                                         @RequestParam(defaultValue = "false") boolean now, Principal who) {
        known(entity);
        int marked = actions.resyncAll(entity, outcome(status), who.getName());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entity", entity);
        answer.put("marked", marked);
        if (now && marked > 0) {
            startNow(entity, who, answer);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    @PostMapping("/{entity}/{localId}/skip")
    public Map<String, Object> skip(@PathVariable String entity, @PathVariable long localId,
                                    @RequestBody(required = false) SkipRequest request, Principal who) {
        known(entity);
        try {
            return answer(actions.skip(entity, localId, who.getName(), request == null ? null : request.reason()));
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private void startNow(String entity, Principal who, Map<String, Object> answer) {
        var running = syncRuns.running();
        if (running.isPresent()) {
            answer.put("runningSyncId", running.get().getId());
            answer.put("note", "a sync is running: the record goes in the next run");
            return;
        }
        SyncRun run = syncRuns.start(SyncRun.Trigger.MANUAL, who.getName(), List.of(entity));
        answer.put("syncId", run.getId());
    }

    private static Map<String, Object> answer(RecordStatus status) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entity", status.getEntity());
        answer.put("localId", status.getLocalId());
        answer.put("status", status.getStatus().name());
        answer.put("message", status.getMessage());
        return answer;
    }

    /** An entity in the path names a resource: one the API does not have is not found (as a filter, it is a 400). */
    private static void known(String entity) {
        if (!SyncEntities.known(entity)) {
            throw new NotFoundException(unknownEntity(entity));
        }
    }

    private static String unknownEntity(String entity) {
        return "Unknown entity '" + entity + "'; known: " + String.join(", ", SyncEntities.NAMES);
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + value + "' is not an instant like 2026-11-01T08:00:00Z", field);
        }
    }

    private static RecordStatus.Outcome outcome(String status) {
        if (status == null) {
            return null;
        }
        try {
            return RecordStatus.Outcome.valueOf(status.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown status '" + status + "'; known: "
                    + Arrays.stream(RecordStatus.Outcome.values()).map(Enum::name).collect(Collectors.joining(", ")), "status");
        }
    }
}
