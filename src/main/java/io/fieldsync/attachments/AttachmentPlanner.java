package io.fieldsync.attachments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.push.PushPage;
import io.fieldsync.push.PushSkip;
import io.fieldsync.push.RecordOutcomes;
import io.fieldsync.runs.SyncSteps;
import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.SourceClock;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroFileLimits;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, for a page of field-service files, which go to which Xero document now: a file of an
 * invoice goes to the invoice once Xero has it approved; a file of a purchase order goes to the
 * order, and to the order's bill once there is one. Files Xero would refuse (type, size, an 11th
 * on a document) and files of jobs are SKIPPED with the reason; files whose document is not
 * there yet are SKIPPED as waiting and looked at again every run. A file goes to a document once.
 * Places are taken before anything is sent, so names stay unique on a document and an upload
 * sent again keeps its name.
 */
@Component("attachmentPlanner")
public class AttachmentPlanner {

    public static final String TO_DOCUMENT = "attachment";
    public static final String TO_BILL = "bill-attachment";
    private static final Set<String> APPROVED = Set.of("AUTHORISED", "PAID");
    private static final Set<String> WAITING_FOR_APPROVAL = Set.of("DRAFT", "SUBMITTED");

    private final AttachmentRules rules;
    private final AttachmentExports exports;
    private final XeroDocumentStatuses statuses;
    private final RecordOutcomes outcomes;
    private final RecordLinkRepository links;
    private final XeroConnection connection;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final SyncSteps steps;

    private final SourceClock clock;

    public AttachmentPlanner(AttachmentRules rules, AttachmentExports exports, XeroDocumentStatuses statuses,
                             RecordOutcomes outcomes, RecordLinkRepository links, XeroConnection connection,
                             TransactionTemplate transaction, ObjectMapper json, SyncSteps steps, SourceClock clock) {
        this.steps = steps;
        this.clock = clock;
        this.rules = rules;
        this.exports = exports;
        this.statuses = statuses;
        this.outcomes = outcomes;
        this.links = links;
        this.connection = connection;
        this.transaction = transaction;
        this.json = json;
    }

    /** A file and the document it would go to. */
    private record Target(FsmFile file, String entity, String collection, RecordLink document, String hash) {
    }

    /** What is not sent, per entity, for {@link RecordOutcomes#notSent}. */
    private static final class NotSent {
        final Map<Long, PushPage.NotSent> records = new LinkedHashMap<>();

        void skip(long id, RecordStatus.SkipKind kind, String reason) {
            records.put(id, PushPage.NotSent.skipped(new PushSkip(kind, reason)));
        }
    }

    /**
     * @param revisited the files this export looks at again, with the updated_at they had when read
     *                  (null until then): one read again among the changed rows is decided once
     */
    public List<AttachmentUpload> plan(long runId, Map<Long, Instant> revisited, List<Map<String, Object>> rows) {
        long tenant = connection.currentTenant().getId();
        List<FsmFile> files = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            FsmFile file = FsmFile.of(row, clock::toInstant);
            if (revisited.containsKey(file.id())) {
                if (file.updatedAt() != null && file.updatedAt().equals(revisited.get(file.id()))) {
                    continue;
                }
                revisited.put(file.id(), file.updatedAt());
            }
            files.add(file);
        }
        // the earliest files of a document take its places first
        files.sort(Comparator.comparing(FsmFile::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(FsmFile::id));
        List<Long> ids = files.stream().map(FsmFile::id).toList();
        Map<Long, RecordLink> onDocuments = linksOf(tenant, TO_DOCUMENT, ids);
        Map<Long, RecordLink> onBills = linksOf(tenant, TO_BILL, ids);
        Map<Long, RecordLink> invoices = linksOf(tenant, "invoice", owners(files, true));
        Map<Long, RecordLink> orders = linksOf(tenant, "purchase-order", owners(files, false));
        Map<Long, RecordLink> bills = linksOf(tenant, "bill", owners(files, false));
        Map<String, Map<Long, RecordStatus>> known = Map.of(TO_DOCUMENT, outcomes.statusesOf(TO_DOCUMENT, ids),
                TO_BILL, outcomes.statusesOf(TO_BILL, ids));
        Map<String, NotSent> notSent = Map.of(TO_DOCUMENT, new NotSent(), TO_BILL, new NotSent());

        boolean toBills = Set.of("push", "both").contains(steps.direction(TO_BILL));
        List<Target> targets = new ArrayList<>();
        for (FsmFile file : files) {
            Optional<String> refusal = rules.refusal(file);
            if (!exported(onDocuments, known.get(TO_DOCUMENT), file)) {
                if (refusal.isPresent()) {
                    notSent.get(TO_DOCUMENT).skip(file.id(), RecordStatus.SkipKind.RULE, refusal.get());
                    continue;
                }
                RecordLink document = file.ofInvoice() ? invoices.get(file.ownerId()) : orders.get(file.ownerId());
                if (document == null) {
                    notSent.get(TO_DOCUMENT).skip(file.id(), RecordStatus.SkipKind.DEPENDENCY,
                            "Waiting for " + file.ownerLabel() + " to reach Xero: its files follow it there");
                } else {
                    targets.add(target(file, TO_DOCUMENT, file.ofInvoice() ? "Invoices" : "PurchaseOrders", document));
                }
            }
            if (toBills && file.ofPurchaseOrder() && !exported(onBills, known.get(TO_BILL), file) && refusal.isEmpty()) {
                RecordLink bill = bills.get(file.ownerId());
                if (bill != null) {
                    targets.add(target(file, TO_BILL, "Invoices", bill));
                } else if ("cancelled".equalsIgnoreCase(file.ownerStatus())) {
                    notSent.get(TO_BILL).skip(file.id(), RecordStatus.SkipKind.RULE,
                            "The " + file.ownerLabel() + " is cancelled: it gets no bill to attach the file to");
                } else {
                    notSent.get(TO_BILL).skip(file.id(), RecordStatus.SkipKind.DEPENDENCY,
                            "Waiting for the bill of " + file.ownerLabel() + ": it is made in Xero once the order is finished");
                }
            }
        }
        targets.removeIf(target -> {
            RecordStatus status = known.get(target.entity()).get(target.file().id());
            // Xero refused exactly this upload already, or an operator holds it back: no call
            return status != null && (status.alreadyAnswered(target.hash()) || status.heldBySkip(target.file().updatedAt()));
        });
        Map<String, String> invoiceStatuses = invoiceStatuses(targets);
        targets.removeIf(target -> !approvedInXero(target, invoiceStatuses, notSent.get(target.entity())));

        Map<String, List<AttachmentExports.Place>> placesByDocument = exports.onDocuments(tenant,
                        targets.stream().map(t -> t.document().getXeroId()).distinct().toList()).stream()
                .collect(Collectors.groupingBy(AttachmentExports.Place::documentId, HashMap::new, Collectors.toCollection(ArrayList::new)));
        List<AttachmentExports.Place> newPlaces = new ArrayList<>();
        List<AttachmentUpload> uploads = new ArrayList<>();
        for (Target target : targets) {
            List<AttachmentExports.Place> taken = placesByDocument.computeIfAbsent(target.document().getXeroId(), d -> new ArrayList<>());
            Optional<AttachmentExports.Place> own = taken.stream()
                    .filter(p -> p.entity().equals(target.entity()) && p.attachmentId() == target.file().id()).findFirst();
            String fileName;
            if (own.isPresent()) {
                fileName = own.get().fileName(); // sent before without an answer: the same name replaces Xero's copy, if any
            } else if (taken.size() >= XeroFileLimits.MAX_PER_DOCUMENT) {
                notSent.get(target.entity()).skip(target.file().id(), RecordStatus.SkipKind.RULE,
                        "Xero takes at most " + XeroFileLimits.MAX_PER_DOCUMENT + " files a document and "
                                + documentLabel(target) + " has them already: "
                                + taken.stream().map(AttachmentExports.Place::fileName).collect(Collectors.joining(", ")));
                continue;
            } else {
                fileName = AttachmentNames.unique(target.file().fileName(), target.file().id(),
                        taken.stream().map(AttachmentExports.Place::fileName).toList());
                AttachmentExports.Place place = new AttachmentExports.Place(target.entity(), target.file().id(),
                        target.document().getXeroId(), fileName);
                taken.add(place);
                newPlaces.add(place);
            }
            uploads.add(upload(target, fileName));
        }
        transaction.executeWithoutResult(status -> {
            newPlaces.forEach(place -> exports.take(tenant, place));
            notSent.forEach((entity, skipped) -> outcomes.notSent(entity, runId, skipped.records));
            for (String entity : List.of(TO_DOCUMENT, TO_BILL)) {
                List<Outgoing> pending = uploads.stream().filter(u -> u.entity().equals(entity))
                        .flatMap(u -> u.batch().stream()).toList();
                outcomes.pending(entity, runId, pending);
            }
        });
        return uploads;
    }

    /** Xero's status of the invoices the page's files would go to, read once per page. */
    private Map<String, String> invoiceStatuses(List<Target> targets) {
        return statuses.ofInvoices(targets.stream()
                .filter(t -> t.entity().equals(TO_DOCUMENT) && t.file().ofInvoice())
                .map(t -> t.document().getXeroId()).distinct().toList());
    }

    private boolean approvedInXero(Target target, Map<String, String> invoiceStatuses, NotSent notSent) {
        if (!(target.entity().equals(TO_DOCUMENT) && target.file().ofInvoice())) {
            return true;
        }
        String status = invoiceStatuses.get(target.document().getXeroId());
        if (status != null && APPROVED.contains(status)) {
            return true;
        }
        String invoice = "invoice " + Optional.ofNullable(target.document().getXeroNumber()).orElse(target.file().ownerLabel());
        if (status != null && WAITING_FOR_APPROVAL.contains(status)) {
            notSent.skip(target.file().id(), RecordStatus.SkipKind.DEPENDENCY, "Waiting for " + invoice
                    + " to be approved in Xero (it is " + status + " there): its files go once it is");
        } else {
            notSent.skip(target.file().id(), RecordStatus.SkipKind.RULE, "The " + invoice + " is "
                    + (status == null ? "no longer in Xero" : status + " in Xero") + ": its files are not exported");
        }
        return false;
    }

    /**
     * A file goes to a document once, unless an operator asks for it again: then it goes under the
     * name it has there, and Xero replaces its copy.
     */
    private static boolean exported(Map<Long, RecordLink> links, Map<Long, RecordStatus> known, FsmFile file) {
        RecordStatus status = known.get(file.id());
        return links.containsKey(file.id()) && (status == null || status.getResyncRequestedAt() == null);
    }

    private Target target(FsmFile file, String entity, String collection, RecordLink document) {
        return new Target(file, entity, collection, document, hash(entity, file, document.getXeroId()));
    }

    private AttachmentUpload upload(Target target, String fileName) {
        FsmFile file = target.file();
        boolean includeOnline = target.entity().equals(TO_DOCUMENT) && file.ofInvoice() && rules.includeOnline();
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("entity", target.entity());
        described.put("attachmentId", file.id());
        described.put("collection", target.collection());
        described.put("documentId", target.document().getXeroId());
        described.put("fileName", fileName);
        described.put("sizeBytes", file.sizeBytes());
        described.put("includeOnline", includeOnline);
        try {
            return new AttachmentUpload(target.entity(), file.id(), target.collection(), target.document().getXeroId(),
                    documentLabel(target), fileName, file.sizeBytes(), includeOnline, target.hash(), json.writeValueAsString(described));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and numbers is always JSON", e);
        }
    }

    private static String documentLabel(Target target) {
        String number = Optional.ofNullable(target.document().getXeroNumber()).orElse(String.valueOf(target.file().ownerId()));
        return (target.entity().equals(TO_BILL) ? "the bill " : target.file().ofInvoice() ? "invoice " : "purchase order ") + number;
    }

    /** What the upload says: a change of the file's row or of its document makes a refused file go again. */
    private static String hash(String entity, FsmFile file, String documentId) {
        String facts = String.join("\u0000", entity, String.valueOf(file.id()), file.fileName(), String.valueOf(file.sizeBytes()),
                String.valueOf(file.updatedAt()), documentId);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private Map<Long, RecordLink> linksOf(long tenant, String entity, List<Long> localIds) {
        if (localIds.isEmpty()) {
            return Map.of();
        }
        return links.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, localIds).stream()
                .collect(Collectors.toMap(RecordLink::getLocalId, Function.identity()));
    }

    private static List<Long> owners(List<FsmFile> files, boolean invoices) {
        return files.stream().filter(f -> invoices ? f.ofInvoice() : f.ofPurchaseOrder()).map(FsmFile::ownerId).distinct().toList();
    }
}
