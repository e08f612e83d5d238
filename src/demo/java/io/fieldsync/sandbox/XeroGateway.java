package io.fieldsync.sandbox;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door every request passes, in Xero's order: fault switches, identity, token check,
 * rate limits, idempotency, then the accounting API. Runs on WireMock's request thread, so a
 * call is "in flight" for as long as this method runs.
 */
final class XeroGateway implements ResponseDefinitionTransformerV2 {
    static final String NAME = "xero-gateway";
    private static final Logger LOG = LoggerFactory.getLogger(XeroGateway.class);

    private final XeroSandbox sandbox;
    /** Requests being handled now: one whose client died is still carried out, as at Xero. */
    private final AtomicInteger inProgress = new AtomicInteger();

    XeroGateway(XeroSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        SandboxRequest request = SandboxRequest.of(serveEvent.getRequest());
        inProgress.incrementAndGet();
        try {
            return handle(request).toResponseDefinition();
        } catch (RuntimeException e) {
            LOG.error("Sandbox failed on {} {}", request.method(), request.path(), e);
            return SandboxAnswer.problem(500, "An error occurred", "The sandbox failed: " + e).toResponseDefinition();
        } finally {
            inProgress.decrementAndGet();
        }
    }

    int inProgress() {
        return inProgress.get();
    }

    private SandboxAnswer handle(SandboxRequest request) {
        boolean api = request.isApi();
        if (api) {
            sandbox.apiCalls.record(request);
            if (sandbox.checksContract()) {
                sandbox.contract.check(request);
            }
        }
        SandboxFaults.Plan plan = sandbox.faults.take(request);
        if (plan.replacement() != null) {
            pause(plan.delay());
            return FaultEffects.replacement(plan.replacement());
        }
        SandboxAnswer answer;
        if (sandbox.tokenEndpoint.handles(request)) {
            pause(plan.delay());
            answer = sandbox.tokenEndpoint.handle(request);
        } else if (api) {
            answer = accounting(request, plan.delay());
        } else {
            answer = AccountingApi.notFound();
        }
        FaultEffects.applyAfterwards(plan.afterwards(), answer);
        if (api && !acceptsJson(request)) {
            XmlAnswer.convert(answer);
        }
        return answer;
    }

    private SandboxAnswer accounting(SandboxRequest request, Duration delay) {
        Tokens.AccessToken token = sandbox.tokens.validAccess(TokenEndpoint.bearer(request));
        if (token == null) {
            return unauthorised(sandbox.tokens.expiredAccess(TokenEndpoint.bearer(request)));
        }
        String tenantHeader = request.header("xero-tenant-id");
        String tenant;
        if (token.tenantId() == null) {
            // a user's token: xero-tenant-id names one of its connected organisations, the one whose books the sandbox keeps
            if (tenantHeader == null || sandbox.userConnections.ofTenant(tenantHeader.trim()).isEmpty()
                    || !tenantHeader.trim().equalsIgnoreCase(sandbox.settings.tenantId())) {
                return SandboxAnswer.problem(403, "Forbidden", "AuthorizationUnsuccessful");
            }
            tenant = sandbox.settings.tenantId();
        } else {
            if (tenantHeader != null && !tenantHeader.trim().equalsIgnoreCase(token.tenantId())) {
                return SandboxAnswer.problem(403, "Forbidden", "AuthorizationUnsuccessful");
            }
            tenant = token.tenantId();
        }
        RateLimits.Decision decision = sandbox.rateLimits.acquire(tenant);
        if (!decision.granted()) {
            return limitHeaders(SandboxAnswer.empty(429), decision)
                    .header("Retry-After", String.valueOf(decision.retryAfterSeconds()))
                    .header("X-Rate-Limit-Problem", decision.problem());
        }
        SandboxAnswer answer;
        try {
            pause(delay);
            // check, process and remember as one step, so two retries racing with one key cannot both write
            synchronized (sandbox.store) {
                IdempotencyReplay.Verdict verdict = sandbox.idempotency.check(tenant, request);
                if (verdict.proceed()) {
                    answer = sandbox.accounting.handle(request);
                    sandbox.idempotency.remember(tenant, request, answer);
                } else {
                    answer = verdict.answer();
                }
            }
        } finally {
            sandbox.rateLimits.release(tenant);
        }
        return limitHeaders(answer, decision);
    }

    /** Xero's 401: a token it issued that is past its time is TokenExpired, any other AuthenticationUnsuccessful. */
    private static SandboxAnswer unauthorised(Tokens.AccessToken expired) {
        if (expired == null) {
            return SandboxAnswer.problem(401, "Unauthorized", "AuthenticationUnsuccessful")
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        String at = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
                .format(expired.expiresAt().atOffset(java.time.ZoneOffset.UTC));
        return SandboxAnswer.problem(401, "Unauthorized", "TokenExpired: token expired at " + at)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The access token has expired\"");
    }

    private static SandboxAnswer limitHeaders(SandboxAnswer answer, RateLimits.Decision decision) {
        return answer.header("X-MinLimit-Remaining", String.valueOf(decision.windowRemaining()))
                .header("X-DayLimit-Remaining", String.valueOf(decision.dayRemaining()))
                .header("X-AppMinLimit-Remaining", String.valueOf(decision.appRemaining()));
    }

    private static boolean acceptsJson(SandboxRequest request) {
        String accept = request.header("Accept");
        return accept != null && accept.toLowerCase().contains("application/json");
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
