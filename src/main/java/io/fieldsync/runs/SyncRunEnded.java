package io.fieldsync.runs;

import io.fieldsync.state.SyncRun;

/**
 * Published once a run's end is committed (succeeded, completed with errors, failed, stopped by
 * the daily limit or found interrupted). Alerts, reports and metrics listen to it, so ending a
 * run never waits on them.
 */
public record SyncRunEnded(SyncRun run) {
}
