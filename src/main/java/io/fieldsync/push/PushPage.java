package io.fieldsync.push;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.state.RecordStatus;

/**
 * One page of an entity's push on its way through the push-page route's steps (screen, map to
 * Xero, plan): the records still going on, and those already decided not to be sent, each with its
 * outcome and reason. {@code known} is what the state store had of the page's records when it was read.
 */
public record PushPage(String entity, long runId, Map<Long, RecordStatus> known, List<Candidate> candidates,
                       Map<Long, NotSent> notSent) {

    /** A record still going on: its document and, once the mapping step ran, its Xero element. */
    public record Candidate(long localId, Map<String, Object> document, Map<String, Object> element) {

        public Candidate mapped(Map<String, Object> element) {
            return new Candidate(localId, document, element);
        }
    }

    /** A record not sent: skipped (with its kind) or failed before sending, and why. */
    public record NotSent(RecordStatus.Outcome outcome, String reason, RecordStatus.SkipKind skipKind) {

        public static NotSent skipped(PushSkip skip) {
            return new NotSent(RecordStatus.Outcome.SKIPPED, skip.reason(), skip.kind());
        }

        public static NotSent failed(String reason) {
            return new NotSent(RecordStatus.Outcome.FAILED, reason, null);
        }
    }

    public static PushPage of(String entity, long runId, Map<Long, RecordStatus> known) {
        return new PushPage(entity, runId, known, new ArrayList<>(), new LinkedHashMap<>());
    }

    /** The same page going on with {@code candidates} (the others were decided on the way). */
    public PushPage goingOn(List<Candidate> candidates) {
        return new PushPage(entity, runId, known, candidates, notSent);
    }

    public void skip(long localId, PushSkip skip) {
        notSent.put(localId, NotSent.skipped(skip));
    }

    public void fail(long localId, String reason) {
        notSent.put(localId, NotSent.failed(reason));
    }

    public RecordStatus knownStatus(long localId) {
        return known.get(localId);
    }
}
