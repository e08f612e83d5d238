package io.fieldsync.runs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.state.RecordStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where each run this node executes stands, kept in memory: the console polls it every few
 * seconds, so it costs no query. Fed by {@link RunSteps} (a step begins) and {@link RunCounts}
 * (records got an outcome); forgotten when the run ends.
 */
@Component("runProgress")
public class RunProgress {

    /**
     * What the API shows of a running run. {@code done}: records with an outcome in the run so far;
     * {@code total}: those plus what the current step still knows it has to do (null when unknown);
     * {@code secondsLeft} from the run's rate so far (null without a total or a rate).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String step, String entity, long done, Long total, double recordsPerSecond, Long secondsLeft) {
    }

    /** A step's own outcomes, written to its row of the timeline when it ends. */
    public record StepCounts(int position, int synced, int failed, int skipped) {
    }

    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final LongSupplier millis;

    @Autowired
    public RunProgress() {
        this(System::currentTimeMillis);
    }

    RunProgress(LongSupplier millis) {
        this.millis = millis;
    }

    /** A step of the run begins; returns how the step before it ended (null: the run's first step). */
    StepCounts stepStarted(long runId, String step, String entity) {
        return runs.computeIfAbsent(runId, id -> new Run(millis.getAsLong())).begin(step, entity);
    }

    /** The current step knows how many records it has to give an outcome to. */
    public void expect(long runId, long records) {
        Run run = runs.get(runId);
        if (run != null) {
            run.expect(records);
        }
    }

    void recorded(long runId, RecordStatus.Outcome outcome, int records) {
        Run run = runs.get(runId);
        if (run != null) {
            run.recorded(outcome, records);
        }
    }

    /** The run ended: how its last step stood (null when this node did not run it). */
    StepCounts ended(long runId) {
        Run run = runs.remove(runId);
        return run == null ? null : run.current();
    }

    /** Where the run stands, while this node runs it and a step has begun. */
    public Optional<Progress> of(long runId) {
        Run run = runs.get(runId);
        return run == null ? Optional.empty() : Optional.of(run.progress(millis.getAsLong()));
    }

    /** Records a second over {@code elapsedMillis}, to one decimal (a run just started counts a millisecond). */
    static double perSecond(long records, long elapsedMillis) {
        return Math.round(records / (Math.max(1, elapsedMillis) / 1000.0) * 10) / 10.0;
    }

    private static final class Run {
        private final long startedAtMillis;
        private int position;
        private String step;
        private String entity;
        private long done;
        private long stepDone;
        private Long stepTotal;
        private int synced;
        private int failed;
        private int skipped;

        Run(long startedAtMillis) {
            this.startedAtMillis = startedAtMillis;
        }

        synchronized StepCounts begin(String step, String entity) {
            StepCounts before = current();
            position++;
            this.step = step;
            this.entity = entity;
            stepDone = 0;
            stepTotal = null;
            synced = failed = skipped = 0;
            return before;
        }

        synchronized void expect(long records) {
            stepTotal = records;
        }

        synchronized void recorded(RecordStatus.Outcome outcome, int records) {
            if (outcome == RecordStatus.Outcome.PENDING) {
                return; // not an outcome yet
            }
            done += records;
            stepDone += records;
            switch (outcome) {
                case SYNCED -> synced += records;
                case FAILED -> failed += records;
                case SKIPPED -> skipped += records;
                default -> { }
            }
        }

        synchronized StepCounts current() {
            return position == 0 ? null : new StepCounts(position, synced, failed, skipped);
        }

        synchronized Progress progress(long nowMillis) {
            double rate = perSecond(done, nowMillis - startedAtMillis);
            Long total = stepTotal == null ? null : done + Math.max(0, stepTotal - stepDone);
            Long secondsLeft = total == null || rate <= 0 ? null : (long) Math.ceil((total - done) / rate);
            return new Progress(step, entity, done, total, rate, secondsLeft);
        }
    }
}
