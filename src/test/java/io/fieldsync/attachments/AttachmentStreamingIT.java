package io.fieldsync.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Files are streamed: while two 9 MB files are part-way through their uploads, the connector's
 * heap holds far less than one of them. Xero is the sandbox behind an {@link UploadCatcher},
 * which reads uploads as a server does (WireMock would keep each body whole, in this JVM).
 */
class AttachmentStreamingIT extends MariaDbIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStreamingIT.class);
    private static final int NINE_MB = 9 * 1024 * 1024;
    private static final UploadCatcher XERO = UploadCatcher.start();

    @DynamicPropertySource
    static void xeroBehindTheCatcher(DynamicPropertyRegistry registry) {
        registry.add("fieldsync.xero.api-url", XERO::apiUrl);
    }

    @AfterAll
    static void stopCatcher() {
        XERO.close();
    }

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        XERO.passOnTo(sandbox.apiUrl());
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @Test
    void twoNineMegabyteFilesGoToXeroWithoutTheirBytesInMemory() throws Exception {
        syncToEnd();
        long invoice = state.queryForList("select local_id from record_link where entity = 'invoice' order by local_id", Long.class)
                .stream().findFirst().orElseThrow();
        Thread.sleep(1); // the sample files are older than these
        long first = bigFile(invoice, "survey scan 1.pdf");
        long second = bigFile(invoice, "survey scan 2.pdf");
        Map<Long, String> stored = Map.of(first, sha256Of(first), second, sha256Of(second));

        XERO.holdUploads(2, 3L * 1024 * 1024);
        long before = settledHeapUsed();
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", Map.of("entities", List.of("attachment")), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(XERO.awaitHeld(Duration.ofSeconds(60))).as("both uploads under way").isTrue();
        long during = settledHeapUsed();
        XERO.release();
        Map<String, Object> run = awaitEnd(((Number) started.getBody().get("id")).longValue());

        long grown = during - before;
        log.info("Heap while two 9 MB uploads were in flight: {} KB more than before the run", grown / 1024);
        assertThat(grown).as("heap growth with 18 MB of files in flight").isLessThan(NINE_MB / 2);
        assertThat(run).containsEntry("status", "SUCCEEDED");
        assertThat(XERO.received().get("survey scan 1.pdf"))
                .isEqualTo(new UploadCatcher.Received("survey scan 1.pdf", NINE_MB + 9, stored.get(first)));
        assertThat(XERO.received().get("survey scan 2.pdf"))
                .isEqualTo(new UploadCatcher.Received("survey scan 2.pdf", NINE_MB + 9, stored.get(second)));
        assertThat(state.queryForList("select status from record_status where entity = 'attachment' and local_id in (?, ?)",
                String.class, first, second)).containsExactly("SYNCED", "SYNCED");
    }

    /** A 9 MB (and 9 bytes) PDF-ish file made by the database itself, so the test holds none of it. */
    private long bigFile(long invoice, String name) {
        source.update("insert into attachments (owner_type, owner_id, file_name, content_type, size_bytes, content)"
                + " values ('invoice', ?, ?, 'application/pdf', 0, concat('%PDF-1.4\\n', repeat('0123456789abcdef', ?)))",
                invoice, name, NINE_MB / 16);
        long id = source.queryForObject("select max(id) from attachments", Long.class);
        source.update("update attachments set size_bytes = octet_length(content) where id = ?", id);
        return id;
    }

    private String sha256Of(long file) {
        return source.queryForObject("select sha2(content, 256) from attachments where id = ?", String.class, file);
    }

    private static long settledHeapUsed() throws InterruptedException {
        // the least of several settled readings: other test contexts in this JVM (their watchdogs,
        // alert mail) hold objects for moments; what the held uploads keep is there in every reading
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
