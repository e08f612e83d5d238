package io.fieldsync.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.sync.RecordLink;
import io.fieldsync.sync.RecordLinkRepository;
import io.fieldsync.sync.RecordStatus;
import io.fieldsync.sync.RecordStatusRepository;
import io.fieldsync.xero.XeroConnection;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where every record stands: filterable by entity and status, newest change first. */
@RestController
@RequestMapping("/api/records")
public class RecordsController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordView(String entity, long localId, String xeroId, String status, String message,
                             String warnings, Instant syncedAt) {
    }

    private final XeroConnection connection;
    private final RecordStatusRepository statuses;
    private final RecordLinkRepository links;

    public RecordsController(XeroConnection connection, RecordStatusRepository statuses, RecordLinkRepository links) {
        this.connection = connection;
        this.statuses = statuses;
        this.links = links;
    }

    @GetMapping
    public List<RecordView> records(@RequestParam(required = false) String entity,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        if (entity != null && !SyncController.ENTITIES.contains(entity)) {
            throw new BadRequestException("Unknown entity '" + entity + "'", "entity");
        }
        RecordStatus.Outcome outcome = outcome(status);
        Long tenant = connection.currentTenant().getId();
        List<RecordStatus> found = statuses.filter(tenant, entity, outcome,
                PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, 500)))).getContent();
        Map<String, Map<Long, RecordLink>> linksByEntity = found.stream()
                .collect(Collectors.groupingBy(RecordStatus::getEntity,
                        Collectors.mapping(RecordStatus::getLocalId, Collectors.toList())))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> links
                        .findByTenantRefAndEntityAndLocalIdIn(tenant, e.getKey(), e.getValue()).stream()
                        .collect(Collectors.toMap(RecordLink::getLocalId, Function.identity()))));
        return found.stream().map(record -> {
            RecordLink link = linksByEntity.getOrDefault(record.getEntity(), Map.of()).get(record.getLocalId());
            return new RecordView(record.getEntity(), record.getLocalId(), link == null ? null : link.getXeroId(),
                    record.getStatus().name(), record.getMessage(), record.getWarnings(), record.getSyncedAt());
        }).toList();
    }

    private static RecordStatus.Outcome outcome(String status) {
        if (status == null) {
            return null;
        }
        try {
            return RecordStatus.Outcome.valueOf(status.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown status '" + status + "'; known: "
                    + Arrays.toString(RecordStatus.Outcome.values()), "status");
        }
    }
}
