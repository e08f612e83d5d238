package io.fieldsync.attachments;

import static io.fieldsync.push.PushStandIns.afterCursor;
import static io.fieldsync.push.PushStandIns.pageOrder;
import static io.fieldsync.push.PushStandIns.pages;
import static io.fieldsync.push.PushStandIns.rows;
import static io.fieldsync.push.PushStandIns.selectList;
import static io.fieldsync.push.PushStandIns.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.push.PushStandIns;
import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/export-attachments.camel.yaml: the files' rows read by the push-to-xero template's page
 * loop, each page planned by the attachmentPlanner (a stand-in: one upload per row) and each file
 * uploaded on its own with PUT to its document's Attachments, its outcome saved.
 */
class ExportAttachmentsRouteTest {

    private static final String FILE_COLUMNS = "select a.id, a.owner_type, a.owner_id, a.file_name, a.size_bytes, a.created_at, "
            + "a.updated_at, a.deleted_at, coalesce(i.invoice_number, po.po_number) as owner_number, "
            + "coalesce(i.status, po.status) as owner_status from attachments a "
            + "left join invoices i on a.owner_type = 'invoice' and i.id = a.owner_id "
            + "left join purchase_orders po on a.owner_type = 'purchase_order' and po.id = a.owner_id";

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    /** AttachmentUpload's shape as the routes read it. */
    public record Upload(String entity, List<String> batch, String collection, String path, String query, String description) {
    }

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "export-attachments")
                .bean("attachmentPlanner", new Object() {
                    public List<Upload> plan(long runId, Map<?, ?> revisited, List<Map<String, Object>> rows) {
                        routes.note("attachmentPlanner.plan run " + runId + " " + rows.stream().map(row -> row.get("id")).toList());
                        return rows.stream().map(row -> new Upload("attachment", List.of("file-" + row.get("id")), "Invoices",
                                "/inv-" + row.get("id") + "/Attachments/f" + row.get("id") + ".pdf", "IncludeOnline=true",
                                "file " + row.get("id"))).toList();
                    }
                })
                .bean("attachmentOutcomes", new Object() {
                    public void save(Upload upload, long runId, List<String> results) {
                        routes.note("attachmentOutcomes.save " + upload.batch() + " " + results);
                    }
                }));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void filesLookedAtAgainAndTheirBillCopiesGoFirstThenChangedFilesPageByPage() {
        push.revisits(1L);
        pages(routes, push.revisitSelect("from attachments a"), List.of(rows(1)));
        pages(routes, push.keysetSelect("from attachments a"), List.of(rows(2, 3), rows(4)));

        push.push("export-attachments");

        assertThat(routes.journal().stream().filter(step -> !step.startsWith("to ") && !step.startsWith("recordOutcomes")
                && !step.startsWith("xeroAnswers") && !step.startsWith("attachmentOutcomes")).toList()).containsExactly(
                "runSteps.begin export-attachments attachment",
                "pushCursor.start attachment",
                "pushCursor.revisitAlso bill-attachment",
                "pushCursor.nextRevisits [1]",
                "revisitRetirement.retireAbsent [1]",
                "attachmentPlanner.plan run 7 [1]",
                "pushCursor.advance [2, 3]",
                "attachmentPlanner.plan run 7 [2, 3]",
                "pushCursor.commit attachment",
                "pushCursor.advance [4]",
                "attachmentPlanner.plan run 7 [4]",
                "pushCursor.commit attachment");
        assertThat(routes.journal()).noneMatch(step -> step.startsWith("pushPlanner") || step.startsWith("pushDocuments"));
    }

    @Test
    void onlyTheFilesMetadataIsReadAfterTheCursor() {
        MockEndpoint select = push.keysetSelect("from attachments a");
        MockEndpoint revisits = push.revisitSelect("from attachments a");

        assertThat(sql(select)).isEqualTo(FILE_COLUMNS + " where " + afterCursor("a.") + " " + pageOrder("a."));
        assertThat(sql(revisits)).isEqualTo(FILE_COLUMNS + " where a.id in (:#in:${exchangeProperty.cursor.revisitIds})");
        assertThat(selectList(revisits)).isEqualTo(selectList(select));
    }

    @Test
    void eachFileIsUploadedOnItsOwnWithPutToItsDocumentAndItsOutcomeSaved() {
        pages(routes, push.keysetSelect("from attachments a"), List.of(rows(2)));

        Exchange exported = push.push("export-attachments");

        assertThat(exported.getException()).isNull();
        assertThat(routes.journal()).containsSubsequence("attachmentPlanner.plan run 7 [2]",
                "recordOutcomes.attempting attachment [file-2]", "to direct:deliver-to-xero",
                "xeroAnswers.elements Attachments 200 1", "attachmentOutcomes.save [file-2] [OK]", "pushCursor.commit attachment");
        Exchange upload = push.delivered();
        assertThat(upload.getMessage().getBody(String.class)).as("what the upload is, not its bytes").isEqualTo("file 2");
        assertThat(upload.getProperty("xeroUpload")).isInstanceOf(Upload.class);
        assertThat(upload.getProperty("xeroMethod")).isEqualTo("PUT");
        assertThat(upload.getProperty("xeroCollection")).isEqualTo("Invoices");
        assertThat(upload.getProperty("xeroPath")).isEqualTo("/inv-2/Attachments/f2.pdf");
        assertThat(upload.getProperty("xeroQuery")).isEqualTo("IncludeOnline=true");
        assertThat(upload.getProperty("entity")).isEqualTo("attachment");
    }
}
