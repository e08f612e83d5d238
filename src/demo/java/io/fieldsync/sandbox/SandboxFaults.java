package io.fieldsync.sandbox;

import com.github.tomakehurst.wiremock.http.Fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Switches that make the sandbox misbehave the way Xero and the network sometimes do. Each
 * switch applies to requests matching a method and a path pattern, a number of times (or until
 * {@link #clear()}):
 * <pre>
 * sandbox.faults().serverErrors(503, 3);                                   // a short 503 storm on any API call
 * sandbox.faults().on("PUT", "/Invoices").times(1).dropResponseAfterCommit(); // stored, but no answer
 * sandbox.faults().on("GET", "/Contacts").legacyDateAndUnknownField();
 * </pre>
 */
public final class SandboxFaults {

    enum Kind { UNREACHABLE, SERVER_ERROR, CLIENT_ERROR, RATE_LIMITED, HTML_PAGE, DELAY, DROP_AFTER_COMMIT, TRUNCATED_JSON, LEGACY_DATE, AFTERWARDS }

    static final class Rule {
        final String method;
        final Pattern path;
        final Kind kind;
        final int status;          // of a server error or HTML page; for RATE_LIMITED the Retry-After seconds
        long retryAfterSeconds = -1; // of a server error: -1 sends no Retry-After
        final Duration delay;
        final Fault fault;
        final String field;
        java.util.function.Consumer<String> action; // of AFTERWARDS: what another user does once this request is answered
        int remaining;

        Rule(String method, Pattern path, int remaining, Kind kind, int status, Duration delay, Fault fault, String field) {
            this.method = method;
            this.path = path;
            this.remaining = remaining;
            this.kind = kind;
            this.status = status;
            this.delay = delay;
            this.fault = fault;
            this.field = field;
        }

        boolean matches(SandboxRequest request) {
            return (method == null || method.equalsIgnoreCase(request.method()))
                    && (path == null ? request.isApi() : path.matcher(request.path()).find());
        }

        boolean replacesAnswer() {
            return kind == Kind.UNREACHABLE || kind == Kind.SERVER_ERROR || kind == Kind.CLIENT_ERROR || kind == Kind.RATE_LIMITED || kind == Kind.HTML_PAGE;
        }
    }

    /** The faults one request meets: at most one answer replacing Xero's, a delay, and changes to the real answer. */
    record Plan(Rule replacement, Duration delay, List<Rule> afterwards) {
        static final Plan NONE = new Plan(null, Duration.ZERO, List.of());
    }

    /** Where and how often the next switch applies. */
    public final class Scope {
        private final String method;
        private final Pattern path;
        private int times = Integer.MAX_VALUE;

        private Scope(String method, Pattern path) {
            this.method = method;
            this.path = path;
        }

        /** Applies the switch to the next {@code count} matching requests only. */
        public Scope times(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1");
            }
            this.times = count;
            return this;
        }

        /**
         * Resets the connection without processing the request, as when the network lost Xero
         * (identity endpoints included: {@code on("POST", "^/connect/token$").unreachable()}).
         */
        public void unreachable() {
            add(Kind.UNREACHABLE, 0, null, Fault.CONNECTION_RESET_BY_PEER, null);
        }

        /** Answers with this 5xx status and a JSON error, without processing the request. */
        public void serverError(int status) {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error is 5xx: " + status);
            }
            add(Kind.SERVER_ERROR, status, null, null, null);
        }

        /** As {@link #serverError(int)}, asking the client to come back after {@code retryAfterSeconds} (Retry-After). */
        public void serverError(int status, long retryAfterSeconds) {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error is 5xx: " + status);
            }
            add(Kind.SERVER_ERROR, status, null, null, null).retryAfterSeconds = retryAfterSeconds;
        }

        /**
         * Refuses the whole request with 400 and Xero's ValidationException shape carrying this
         * message and no elements, without processing it (as Xero does for a batch it cannot parse).
         */
        public void badRequest(String message) {
            add(Kind.CLIENT_ERROR, 400, null, null, message);
        }

        /** Answers 429 with Retry-After, as if Xero's per-minute limit were hit, without processing the request. */
        public void rateLimited(long retryAfterSeconds) {
            add(Kind.RATE_LIMITED, (int) retryAfterSeconds, null, null, null);
        }

        /** Answers with an HTML error page (a gateway's, not Xero's JSON), without processing the request. */
        public void htmlErrorPage(int status) {
            add(Kind.HTML_PAGE, status, null, null, null);
        }

        /** Holds the request this long before processing it; it keeps its concurrency slot meanwhile. */
        public void delay(Duration delay) {
            add(Kind.DELAY, 0, delay, null, null);
        }

        /** Processes and stores the request, then closes the connection without an answer. */
        public void dropResponseAfterCommit() {
            dropResponseAfterCommit(Fault.EMPTY_RESPONSE);
        }

        /** As {@link #dropResponseAfterCommit()}, with the given way of failing (e.g. CONNECTION_RESET_BY_PEER). */
        public void dropResponseAfterCommit(Fault fault) {
            add(Kind.DROP_AFTER_COMMIT, 0, null, fault, null);
        }

        /** Processes the request, then sends only the first half of the JSON answer. */
        public void truncatedJson() {
            add(Kind.TRUNCATED_JSON, 0, null, null, null);
        }

        /**
         * Processes the request, then gives the first document of the answer a pre-1970
         * {@code /Date(-2208988800000+0000)/} in {@code Date} (or {@code UpdatedDateUTC} when it has
         * no Date) and a field the contract does not name.
         */
        public void legacyDateAndUnknownField() {
            add(Kind.LEGACY_DATE, 0, null, null, null);
        }

        /**
         * Once the request is processed and its answer made, runs {@code action} with the answer's
         * body (e.g. a person editing a contact in Xero between two pages of a read). The answer
         * itself is Xero's, made before the action.
         */
        public void afterwards(java.util.function.Consumer<String> action) {
            add(Kind.AFTERWARDS, 0, null, null, null).action = action;
        }

        /** As {@link #legacyDateAndUnknownField()}, putting the old date in the named field. */
        public void legacyDateAndUnknownField(String dateField) {
            add(Kind.LEGACY_DATE, 0, null, null, dateField);
        }

        private Rule add(Kind kind, int status, Duration delay, Fault fault, String field) {
            Rule rule = new Rule(method, path, times, kind, status, delay, fault, field);
            synchronized (rules) {
                rules.add(rule);
            }
            return rule;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Switches for requests with this method ({@code null} or "*" for any) whose path contains a match of the regex. */
    public Scope on(String method, String pathRegex) {
        return new Scope(method == null || method.equals("*") ? null : method, pathRegex == null ? null : Pattern.compile(pathRegex));
    }

    /** Switches for every accounting API call (not the identity endpoints). */
    public Scope onAnyApiCall() {
        return new Scope(null, null);
    }

    /** Shortcut: the next {@code count} API calls answer with {@code status}. */
    public void serverErrors(int status, int count) {
        onAnyApiCall().times(count).serverError(status);
    }

    /** Shortcut: the next {@code count} API calls answer 429 with this Retry-After. */
    public void rateLimited(int count, long retryAfterSeconds) {
        onAnyApiCall().times(count).rateLimited(retryAfterSeconds);
    }

    public void clear() {
        synchronized (rules) {
            rules.clear();
        }
    }

    /** True while any switch is still set. */
    public boolean active() {
        synchronized (rules) {
            return !rules.isEmpty();
        }
    }

    /** Picks the switches this request meets and counts them down; a replaced answer spends no after-processing switch. */
    Plan take(SandboxRequest request) {
        synchronized (rules) {
            if (rules.isEmpty()) {
                return Plan.NONE;
            }
            Rule replacement = rules.stream().filter(r -> r.replacesAnswer() && r.matches(request)).findFirst().orElse(null);
            Duration delay = Duration.ZERO;
            List<Rule> afterwards = new ArrayList<>();
            for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
                Rule rule = it.next();
                boolean applies = rule.matches(request) && (rule.replacesAnswer() ? rule == replacement
                        : rule.kind == Kind.DELAY || replacement == null);
                if (!applies) {
                    continue;
                }
                if (rule.kind == Kind.DELAY) {
                    delay = delay.plus(rule.delay);
                } else if (!rule.replacesAnswer()) {
                    afterwards.add(rule);
                }
                if (--rule.remaining <= 0) {
                    it.remove();
                }
            }
            return new Plan(replacement, delay, afterwards);
        }
    }
}
