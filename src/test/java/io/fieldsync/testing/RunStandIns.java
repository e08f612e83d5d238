package io.fieldsync.testing;

import java.util.function.Consumer;

/**
 * Stand-ins for the run beans a route calls (syncRuns' finish, stop for the daily limit, fail;
 * stepWaits' explanation of a failure; runSteps' beginning of a step), each noting its call for a {@link RouteHarness} journal.
 */
public final class RunStandIns {

    private RunStandIns() {
    }

    public static Object syncRuns(Consumer<String> note) {
        return new Object() {
            public void finish(long runId) {
                note.accept("syncRuns.finish " + runId);
            }

            public void stopForDailyLimit(long runId, Exception limit) {
                note.accept("syncRuns.stopForDailyLimit " + runId);
            }

            public void fail(long runId, Exception failure) {
                note.accept("syncRuns.fail " + runId + " " + failure.getMessage());
            }
        };
    }

    /** The run's timeline: notes each step as it begins ("runSteps.begin push-invoices invoice"). */
    public static Object runSteps(Consumer<String> note) {
        return new Object() {
            public void begin(Long runId, String name, String entity) {
                note.accept("runSteps.begin " + name + " " + entity);
            }
        };
    }

    /** Names the step in the failure, as the run's history does. */
    public static Object stepWaits() {
        return new Object() {
            public Exception explain(Exception error, String step) {
                return new IllegalStateException(step + ": " + error.getMessage());
            }
        };
    }
}
