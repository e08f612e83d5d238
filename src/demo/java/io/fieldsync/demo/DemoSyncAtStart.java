package io.fieldsync.demo;

import java.util.List;

import io.fieldsync.config.SourceDatabaseSettings;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.state.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the pure demo (embedded field-service database and the Xero sandbox) one sync runs as soon
 * as the connector is up, so a newcomer sees records reach "Xero" and the route statistics move
 * without configuring anything. Never with a real database or a real Xero organisation.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the start-up checks
@ConditionalOnProperty(name = {"fieldsync.sandbox.enabled", "fieldsync.demo.sync-at-start"}, havingValue = "true")
class DemoSyncAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSyncAtStart.class);

    private final SourceDatabaseSettings source;
    private final SyncRuns syncRuns;

    DemoSyncAtStart(SourceDatabaseSettings source, SyncRuns syncRuns) {
        this.source = source;
        this.syncRuns = syncRuns;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!source.isEmbedded()) {
            return;
        }
        SyncRun run = syncRuns.start(SyncRun.Trigger.MANUAL, "demo", List.of());
        log.info("Demo: sync {} started against the Xero sandbox; see GET /api/syncs/{} or Hawtio", run.getId(), run.getId());
    }
}
