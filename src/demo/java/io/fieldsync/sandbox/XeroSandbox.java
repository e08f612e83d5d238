package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * A Xero double that behaves like Xero where an integrator feels it: OAuth2 tokens, the
 * accounting collections with Xero's validations, batch answers, rate limits, idempotency,
 * contract checks and fault switches. Used by the demo and, as the Xero double, by the tests.
 */
public final class XeroSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XeroSandbox.class);
    final SandboxSettings settings;
    final SandboxStore store;
    final Tokens tokens;
    final UserConnections userConnections;
    final TokenEndpoint tokenEndpoint;
    final RateLimits rateLimits;
    final IdempotencyReplay idempotency;
    final ContractValidator contract = new ContractValidator();
    private volatile boolean checksContract = true;
    final SandboxFaults faults = new SandboxFaults();
    final ApiCalls apiCalls = new ApiCalls();
    final AccountingApi accounting;
    private final XeroGateway gateway = new XeroGateway(this);
    private WireMockServer server;

    public XeroSandbox(SandboxSettings settings) {
        Clock clock = Clock.systemUTC();
        this.settings = settings;
        this.store = new SandboxStore(clock, settings.tenantId());
        this.tokens = new Tokens(clock);
        this.userConnections = new UserConnections(clock, settings.tenantId());
        this.tokenEndpoint = new TokenEndpoint(settings, tokens, store, userConnections);
        this.rateLimits = new RateLimits(settings, clock);
        this.idempotency = new IdempotencyReplay(clock);
        this.accounting = new AccountingApi(store, this::baseUrl);
    }

    public synchronized void start() {
        if (server != null && server.isRunning()) {
            return;
        }
        XeroContract.validator(); // parse the contract now, not on the first request
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .containerThreads(40) // room for concurrency tests beyond Xero's 5 in flight
                .disableRequestJournal() // the demo runs for hours; the sandbox keeps its own counts
                .gzipDisabled(true)
                .notifier(new Slf4jNotifier(false))
                .extensions(gateway);
        options = settings.port() == 0 ? options.dynamicPort() : options.port(settings.port());
        server = new WireMockServer(options);
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(XeroGateway.NAME)));
        LOG.info("Xero sandbox listening on {} (client id {}, tenant {}, limits {} in flight, {} per {}, {} a day)",
                baseUrl(), settings.clientId(), settings.tenantId(), settings.concurrentLimit(),
                settings.perWindowLimit(), settings.window(), settings.perDayLimit());
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String apiUrl() {
        return baseUrl() + SandboxRequest.API_PREFIX;
    }

    /** The token endpoint is {identityUrl}/connect/token, as at identity.xero.com. */
    public String identityUrl() {
        return baseUrl();
    }

    public String tokenUrl() {
        return identityUrl() + "/connect/token";
    }

    public String connectionsUrl() {
        return baseUrl() + "/connections";
    }

    public String authorizeUrl() {
        return baseUrl() + "/identity/connect/authorize";
    }

    public SandboxSettings settings() {
        return settings;
    }

    public String tenantId() {
        return settings.tenantId();
    }

    public SandboxFaults faults() {
        return faults;
    }

    /**
     * Stops checking requests against Xero's contract: only for measuring a client's own cost
     * (bench.XeroDoubleProcess's lean double), where the check would be most of the double's CPU
     * on the client's cores. Every test keeps the check.
     */
    public void skipContractChecks() {
        checksContract = false;
    }

    boolean checksContract() {
        return checksContract;
    }

    public List<ContractViolation> contractViolations() {
        return contract.violations();
    }

    public void clearContractViolations() {
        contract.clear();
    }

    /** Forgets documents, tokens, counters, faults and violations; re-seeds accounts, tax rates and the organisation. */
    public void reset() {
        synchronized (store) {
            store.reset();
        }
        tokens.clear();
        userConnections.clear();
        rateLimits.reset();
        idempotency.clear();
        apiCalls.reset();
        faults.clear();
        contract.clear();
    }

    /**
     * Forgets the Idempotency-Keys seen so far, as Xero does once its replay window has passed:
     * a repeat is then a new request (for a connector that restarts long after a crash).
     */
    public void forgetIdempotencyKeys() {
        idempotency.clear();
    }

    /** The documents of a collection ("Invoices", "Contacts", ...) as Xero stores them, archived and voided ones included. */
    public List<ObjectNode> documents(String collection) {
        return accounting.documents(collection);
    }

    /** One document by its ID. */
    public Optional<ObjectNode> document(String collection, String id) {
        return documents(collection).stream()
                .filter(d -> id.equalsIgnoreCase(Json.text(d, SandboxStore.ID_FIELDS.get(AccountingApi.canonical(collection)))))
                .findFirst();
    }

    /** The files attached to a document. */
    public List<SandboxAttachment> attachments(String documentId) {
        return accounting.attachmentsOf(documentId);
    }

    /** The organisation as GET /Organisation shows it. */
    public ObjectNode organisation() {
        synchronized (store) {
            return store.organisation().deepCopy();
        }
    }

    /** Sets (or with null clears) the organisation's lock dates. */
    public void setLockDates(LocalDate periodLockDate, LocalDate endOfYearLockDate) {
        synchronized (store) {
            store.setLockDates(periodLockDate, endOfYearLockDate);
        }
    }

    /**
     * Puts a document into the store as if someone had typed it into Xero, bypassing validation;
     * fills in the ID and UpdatedDateUTC when missing. Returns the stored copy.
     */
    public ObjectNode plant(String collection, ObjectNode document) {
        String name = AccountingApi.canonical(collection);
        String idField = SandboxStore.ID_FIELDS.get(name);
        if (idField == null || name.equals("Accounts") || name.equals("TaxRates")) {
            throw new IllegalArgumentException("cannot plant into " + collection);
        }
        ObjectNode copy = document.deepCopy();
        synchronized (store) {
            if (!copy.hasNonNull(idField)) {
                copy.put(idField, SandboxStore.newId());
            }
            if (!copy.hasNonNull("UpdatedDateUTC")) {
                copy.put("UpdatedDateUTC", XeroDates.msDate(store.now()));
            }
            store.save(name, copy);
        }
        return copy.deepCopy();
    }

    /** Issues a client-credentials access token without an HTTP round trip. */
    public String issueAccessToken() {
        return tokens.issue(settings.tenantId(), TokenEndpoint.DEFAULT_SCOPE, false).access();
    }

    /** The organisation a user's authorisation lists besides the sandbox's own: it can be chosen and disconnected, but keeps no books. */
    public static String secondTenantId() {
        return UserConnections.SECOND_TENANT_ID;
    }

    /** Xero's connection ids (for DELETE /connections/{id}) of the organisations a user has connected, in order. */
    public List<String> userConnectionIds() {
        return userConnections.all().stream().map(UserConnections.Connection::id).toList();
    }

    /** Token requests granted so far for a grant type ("refresh_token", "authorization_code", "client_credentials"). */
    public long tokenGrants(String grantType) {
        return tokens.grants(grantType);
    }

    /** Token requests received so far for a grant type, granted or refused. */
    public long tokenRequests(String grantType) {
        return tokens.requests(grantType);
    }

    /** Refresh tokens that would be accepted now: after a rotation, only the newest. */
    public long validRefreshTokens() {
        return tokens.validRefreshTokens();
    }

    /** Whether this refresh token would be accepted now. */
    public boolean isValidRefreshToken(String refreshToken) {
        return tokens.validRefresh(refreshToken);
    }

    /**
     * The custom connection is disconnected in Xero: its access tokens stop working (401) and
     * every client-credentials request is refused (unauthorized_client) until {@link #reset()}.
     */
    public void disconnectCustomConnection() {
        tokens.disconnectCustomConnection();
    }

    /** Every refresh token is refused from now on (invalid_grant), as when the user revoked the app in Xero. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /**
     * Moves the tokens' clock on: every token issued so far is {@code age} older (access tokens
     * die after 30 minutes; a refresh token unused for 60 days is refused with invalid_grant).
     * Only the tokens age: documents keep their dates.
     */
    public void ageTokens(Duration age) {
        tokens.age(age);
    }

    /** Makes every access token issued so far expired, as if 30 minutes had passed. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /** API calls received under /api.xro/2.0, whatever their answer. */
    public long apiCalls() {
        return apiCalls.total();
    }

    /** API calls received for one method and collection, e.g. apiCalls("PUT", "Invoices"). */
    public long apiCalls(String method, String collection) {
        return apiCalls.count(method, collection);
    }

    /** The latest API calls (a few thousand) in the order they arrived. */
    public List<SandboxCall> calls() {
        return apiCalls.latest();
    }

    /**
     * Requests the sandbox is handling at this moment (held by a delay switch, or being processed).
     * A request whose client was killed is still carried out, as Xero would.
     */
    public int requestsInProgress() {
        return gateway.inProgress();
    }

    /** All counts by "METHOD Collection". */
    public Map<String, Long> apiCallCounts() {
        return apiCalls.snapshot();
    }

    /** How long parsing Xero's OpenAPI contract took (once per JVM); null before the first sandbox started. */
    public static Duration contractParseTime() {
        return XeroContract.parseTime();
    }
}
