package io.fieldsync.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.sandbox.SandboxAttachment;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Field-service files exported to their Xero documents: what arrives (bytes, names), what is
 * SKIPPED and why (type, size, an 11th file, a job's file), what waits (a document not in Xero,
 * an invoice not approved, an order without its bill), and that a file goes exactly once.
 */
class AttachmentExportIT extends MariaDbIntegrationTest {

    private static final byte[] PDF = "%PDF-1.4\n% a test page\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @AfterEach
    void settingsBack() {
        putSettings(Map.of("attachments", Map.of("include-online", "false", "max-bytes", "10485760"),
                "entities", Map.of("attachment", Map.of("direction", "push"))));
    }

    @Test
    void filesOfInvoicesOrdersAndBillsReachXeroOnceWithTheirBytes() {
        syncToEnd();

        List<Map<String, Object>> files = source.queryForList("select id, owner_type, owner_id, file_name, content from attachments");
        int exported = 0;
        for (Map<String, Object> file : files) {
            long id = ((Number) file.get("id")).longValue();
            String owner = (String) file.get("owner_type");
            long ownerId = ((Number) file.get("owner_id")).longValue();
            String name = (String) file.get("file_name");
            Optional<String> document = xeroIdOf(owner.equals("invoice") ? "invoice" : "purchase-order", ownerId);
            if (owner.equals("job")) {
                assertThat(statusOf("attachment", id)).containsEntry("status", "SKIPPED")
                        .containsEntry("message", "A file of a job: Xero has no document for it, so it is not exported");
            } else if (name.endsWith(".txt") || name.endsWith(".pdf") || name.endsWith(".png") || name.endsWith(".docx")) {
                if (document.isEmpty()) {
                    assertThat(statusOf("attachment", id)).as(name).containsEntry("status", "SKIPPED");
                    assertThat((String) statusOf("attachment", id).get("message")).startsWith("Waiting for ");
                    continue;
                }
                assertThat(statusOf("attachment", id)).as(name).containsEntry("status", "SYNCED");
                assertThat(onlyFileNamed(document.get(), name).content()).as(name).isEqualTo(file.get("content"));
                exported++;
                Optional<String> bill = xeroIdOf("bill", ownerId);
                if (owner.equals("purchase_order") && bill.isPresent()) {
                    assertThat(onlyFileNamed(bill.get(), name).content()).as("%s on the bill", name).isEqualTo(file.get("content"));
                    assertThat(statusOf("bill-attachment", id)).containsEntry("status", "SYNCED");
                    exported++;
                }
            }
        }
        assertThat(exported).as("the sample data's files of synced invoices, orders and bills").isGreaterThanOrEqualTo(4);
        assertThat(files).as("names with spaces, brackets and accents arrive as they are")
                .anySatisfy(file -> assertThat((String) file.get("file_name")).contains("Renée"));

        long uploads = uploads();
        assertThat(uploads).isEqualTo(exported);
        syncToEnd();
        assertThat(uploads()).as("a second run sends no file again").isEqualTo(uploads);
    }

    @Test
    void eleventhFileOversizedFileAndEmlAreSkippedWithReasonsAndNamesStayUnique() {
        syncToEnd();
        long invoice = approvedInvoiceWithoutFiles();
        String document = xeroIdOf("invoice", invoice).orElseThrow();
        putSettings(Map.of("attachments", Map.of("max-bytes", "1000")));
        long first = addFile("invoice", invoice, "photo.jpg", PDF, 1);
        long sameName = addFile("invoice", invoice, "photo.jpg", PDF, 2);
        for (int n = 3; n <= 10; n++) {
            addFile("invoice", invoice, "page " + n + ".pdf", PDF, n);
        }
        long eleventh = addFile("invoice", invoice, "page 11.pdf", PDF, 11);
        long eml = addFile("invoice", invoice, "Fwd - customer's approval.eml", "From: a@b.c\r\n\r\nyes".getBytes(StandardCharsets.UTF_8), 12);
        long oversized = addFile("invoice", invoice, "scan.pdf", new byte[2000], 13);

        syncToEnd();

        assertThat(sandbox.attachments(document)).extracting(SandboxAttachment::fileName).hasSize(10)
                .contains("photo.jpg", "photo (" + sameName + ").jpg", "page 10.pdf").doesNotContain("page 11.pdf");
        assertThat(statusOf("attachment", first)).containsEntry("status", "SYNCED");
        assertThat(statusOf("attachment", sameName)).containsEntry("status", "SYNCED");
        assertThat(statusOf("attachment", eleventh)).containsEntry("status", "SKIPPED");
        assertThat((String) statusOf("attachment", eleventh).get("message"))
                .startsWith("Xero takes at most 10 files a document and invoice ").contains("photo.jpg, photo (" + sameName + ").jpg");
        assertThat(statusOf("attachment", eml)).containsEntry("status", "SKIPPED");
        assertThat((String) statusOf("attachment", eml).get("message"))
                .startsWith("A .eml file: Xero does not accept this file type");
        assertThat(statusOf("attachment", oversized)).containsEntry("status", "SKIPPED")
                .containsEntry("message", "The file is 2.0 KB; at most 1000 bytes go to Xero (fieldsync.attachments.max-bytes)");
        assertThat(recordsApi("SKIPPED")).as("the records API tells the reasons")
                .anySatisfy(record -> assertThat(record).containsEntry("localId", (int) eml));
    }

    @Test
    void aFileAddedLaterGoesOnTheNextRunAndItsDeletionIsNotSynced() {
        syncToEnd();
        long invoice = approvedInvoiceWithoutFiles();
        String document = xeroIdOf("invoice", invoice).orElseThrow();
        long later = addFile("invoice", invoice, "signed.pdf", PDF, 1);
        long deletedFirst = addFile("invoice", invoice, "wrong photo.png", PDF, 2);
        source.update("update attachments set deleted_at = current_timestamp(6) where id = ?", deletedFirst);

        syncToEnd();

        assertThat(sandbox.attachments(document)).extracting(SandboxAttachment::fileName).containsExactly("signed.pdf");
        assertThat(statusOf("attachment", deletedFirst)).containsEntry("status", "SKIPPED")
                .containsEntry("message", "Deleted in the field-service system before it was exported");

        source.update("update attachments set deleted_at = current_timestamp(6) where id = ?", later);
        long uploads = uploads();
        syncToEnd();
        assertThat(sandbox.attachments(document)).as("deleting is not synced").extracting(SandboxAttachment::fileName)
                .containsExactly("signed.pdf");
        assertThat(statusOf("attachment", later)).containsEntry("status", "SYNCED");
        assertThat(uploads()).isEqualTo(uploads);
    }

    @Test
    void aResyncSendsAnExportedFileAgainUnderItsNameAndXeroKeepsOneCopy() {
        syncToEnd();
        long invoice = approvedInvoiceWithoutFiles();
        String document = xeroIdOf("invoice", invoice).orElseThrow();
        long file = addFile("invoice", invoice, "plan.pdf", PDF, 1);
        syncToEnd();
        byte[] corrected = "%PDF-1.4\n% corrected\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        source.update("update attachments set content = ?, size_bytes = ? where id = ?", corrected, corrected.length, file);
        long uploads = uploads();

        syncToEnd();
        assertThat(uploads()).as("a changed file is not sent again by itself").isEqualTo(uploads);

        assertThat(asOperator().postForEntity("/api/records/attachment/" + file + "/resync", null, Map.class).getStatusCode().value())
                .isEqualTo(202);
        syncToEnd();

        assertThat(uploads()).isEqualTo(uploads + 1);
        assertThat(onlyFileNamed(document, "plan.pdf").content()).isEqualTo(corrected);
        assertThat(sandbox.attachments(document)).hasSize(1);
        assertThat(statusOf("attachment", file)).containsEntry("status", "SYNCED");
    }

    @Test
    void invoiceFilesWaitUntilTheInvoiceIsApprovedInXero() {
        syncToEnd();
        long invoice = approvedInvoiceWithoutFiles();
        String document = xeroIdOf("invoice", invoice).orElseThrow();
        setXeroStatus(document, "DRAFT");
        long file = addFile("invoice", invoice, "work order.pdf", PDF, 1);

        syncToEnd();

        assertThat(sandbox.attachments(document)).isEmpty();
        assertThat(statusOf("attachment", file)).containsEntry("status", "SKIPPED");
        assertThat((String) statusOf("attachment", file).get("message"))
                .startsWith("Waiting for invoice ").endsWith(" to be approved in Xero (it is DRAFT there): its files go once it is");

        setXeroStatus(document, "AUTHORISED");
        syncToEnd();

        assertThat(sandbox.attachments(document)).extracting(SandboxAttachment::fileName).containsExactly("work order.pdf");
        assertThat(statusOf("attachment", file)).containsEntry("status", "SYNCED");
    }

    @Test
    void includeOnlineIsASettingOfInvoiceFiles() {
        syncToEnd();
        putSettings(Map.of("attachments", Map.of("include-online", "true")));
        long invoice = approvedInvoiceWithoutFiles();
        String document = xeroIdOf("invoice", invoice).orElseThrow();
        addFile("invoice", invoice, "for the customer.pdf", PDF, 1);

        syncToEnd();

        assertThat(sandbox.attachments(document)).singleElement().satisfies(a -> assertThat(a.includeOnline()).isTrue());
    }

    @Test
    void aLostAnswerLeavesOneCopyInXero() {
        syncToEnd();
        long invoice = approvedInvoiceWithoutFiles();
        String document = xeroIdOf("invoice", invoice).orElseThrow();
        long file = addFile("invoice", invoice, "certificate.pdf", PDF, 1);
        sandbox.faults().on("PUT", ".*/Attachments/.*").times(1).dropResponseAfterCommit();

        syncToEnd();

        assertThat(sandbox.attachments(document)).extracting(SandboxAttachment::fileName).containsExactly("certificate.pdf");
        assertThat(statusOf("attachment", file)).containsEntry("status", "SYNCED");
    }

    @Test
    void aPurchaseOrdersFileGoesToItsBillOnceTheOrderIsFinished() {
        syncToEnd();
        long order = source.queryForList("select id from purchase_orders where status = 'received' order by id", Long.class).stream()
                .filter(id -> xeroIdOf("purchase-order", id).isPresent()).findFirst().orElseThrow();
        long file = addFile("purchase_order", order, "delivery docket.pdf", PDF, 1);

        syncToEnd();

        assertThat(sandbox.attachments(xeroIdOf("purchase-order", order).orElseThrow()))
                .extracting(SandboxAttachment::fileName).contains("delivery docket.pdf");
        assertThat(statusOf("bill-attachment", file)).containsEntry("status", "SKIPPED");
        assertThat((String) statusOf("bill-attachment", file).get("message")).startsWith("Waiting for the bill of purchase order ");

        source.update("update purchase_orders set status = 'finished', finished_at = current_timestamp(6) where id = ?", order);
        syncToEnd();

        String bill = xeroIdOf("bill", order).orElseThrow();
        assertThat(onlyFileNamed(bill, "delivery docket.pdf").includeOnline()).as("IncludeOnline is for sales invoices").isFalse();
        assertThat(statusOf("bill-attachment", file)).containsEntry("status", "SYNCED");
    }

    @Test
    void attachmentDirectionOffExportsNothing() {
        putSettings(Map.of("entities", Map.of("attachment", Map.of("direction", "off"))));
        syncToEnd();
        assertThat(uploads()).isZero();
        assertThat(state.queryForObject("select count(*) from record_status where entity like '%attachment'", Integer.class)).isZero();
    }

    private long uploads() {
        return sandbox.calls().stream().filter(call -> call.method().equals("PUT")).filter(call ->
                call.collection().equals("Invoices") || call.collection().equals("PurchaseOrders")).count();
    }

    private SandboxAttachment onlyFileNamed(String documentId, String name) {
        List<SandboxAttachment> named = sandbox.attachments(documentId).stream().filter(a -> a.fileName().equals(name)).toList();
        assertThat(named).as("%s on %s", name, documentId).hasSize(1);
        return named.get(0);
    }

    private long approvedInvoiceWithoutFiles() {
        return source.queryForList("select id from invoices i where not exists"
                        + " (select 1 from attachments a where a.owner_type = 'invoice' and a.owner_id = i.id) order by id", Long.class)
                .stream().filter(id -> xeroIdOf("invoice", id)
                        .flatMap(xeroId -> sandbox.document("Invoices", xeroId))
                        .filter(doc -> doc.path("Status").asText().equals("AUTHORISED")).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no authorised invoice in Xero"));
    }

    private void setXeroStatus(String invoiceId, String status) {
        ObjectNode invoice = sandbox.document("Invoices", invoiceId).orElseThrow();
        invoice.put("Status", status);
        sandbox.plant("Invoices", invoice);
    }

    /** A file added in the field-service system, its created_at {@code minute} minutes into the future's order. */
    private long addFile(String ownerType, long ownerId, String name, byte[] content, int minute) {
        Timestamp created = Timestamp.valueOf(LocalDateTime.now().minusHours(1).plusMinutes(minute));
        source.update("insert into attachments (owner_type, owner_id, file_name, content_type, size_bytes, content, created_at)"
                + " values (?, ?, ?, 'application/octet-stream', ?, ?, ?)", ownerType, ownerId, name, content.length, content, created);
        return source.queryForObject("select max(id) from attachments", Long.class);
    }

    private Optional<String> xeroIdOf(String entity, long localId) {
        return state.queryForList("select xero_id from record_link where entity = ? and local_id = ?", String.class, entity, localId)
                .stream().findFirst();
    }

    private Map<String, Object> statusOf(String entity, long localId) {
        return state.queryForMap("select status, message from record_status where entity = ? and local_id = ?", entity, localId);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> recordsApi(String status) {
        return asOperator().getForObject("/api/records?entity=attachment&status=" + status + "&size=200", List.class);
    }
}
