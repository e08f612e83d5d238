package io.fieldsync.xero;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The operator's side of the authorisation-code connection: the authorize URL (with a single-use
 * expiring {@code state} and a PKCE S256 challenge), the callback that exchanges the code and
 * lists the organisations (one is chosen at once; of several, the operator chooses), choosing,
 * disconnecting, and the connection's status.
 */
@Component
public class XeroAuthorisationFlow {

    private static final Logger log = LoggerFactory.getLogger(XeroAuthorisationFlow.class);

    /** The operator's request cannot be carried out as asked (4xx). */
    public static class RefusedException extends RuntimeException {
        private final int status;

        public RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final XeroSettings settings;
    private final XeroAuthorisations authorisations;
    private final XeroIdentity identity;
    private final AuthorisedTokens tokens;
    private final XeroConnection connection;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final XeroConnectionStatus connectionStatus;
    private final String redirectUri;
    private final Duration requestLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public XeroAuthorisationFlow(XeroSettings settings, XeroAuthorisations authorisations, XeroIdentity identity,
                                 AuthorisedTokens tokens, XeroConnection connection, TransactionTemplate transaction,
                                 ApplicationEventPublisher events, XeroConnectionStatus connectionStatus,
                                 XeroClientProperties client) {
        this.settings = settings;
        this.authorisations = authorisations;
        this.identity = identity;
        this.tokens = tokens;
        this.connection = connection;
        this.transaction = transaction;
        this.events = events;
        this.connectionStatus = connectionStatus;
        this.redirectUri = client.redirectUri();
        this.requestLifetime = client.authorizeTimeout();
    }

    public boolean enabled() {
        return TokenCipher.GRANT.equals(settings.grant());
    }

    /** Xero's authorize URL for a new request; the state and the verifier are kept until the callback or expiry. */
    public String authorizeUrl(String by) {
        requireAuthorisationCode();
        String state = randomValue();
        String verifier = randomValue();
        authorisations.requested(state, verifier, by, clock.instant().plus(requestLifetime));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", scopes());
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        StringBuilder url = new StringBuilder(settings.authorizeUrl()).append(settings.authorizeUrl().contains("?") ? '&' : '?');
        query.forEach((name, value) -> url.append(name).append('=').append(encode(value)).append('&'));
        return url.substring(0, url.length() - 1);
    }

    /** offline_access (for refresh tokens) and the scopes of fieldsync.xero.scopes, once each. */
    String scopes() {
        Set<String> scopes = new LinkedHashSet<>(List.of("offline_access"));
        if (settings.scopes() != null) {
            for (String scope : settings.scopes().trim().split("[\\s,]+")) {
                if (!scope.isBlank()) {
                    scopes.add(scope);
                }
            }
        }
        return String.join(" ", scopes);
    }

    /** Xero redirected the browser back: checks the state, exchanges the code, lists the organisations. */
    public Map<String, Object> callback(String code, String state, String error) {
        requireAuthorisationCode();
        Optional<String[]> request = authorisations.takeRequest(state);
        if (request.isEmpty()) {
            throw new RefusedException(400, "Unknown, used or expired state: start again at GET /api/xero/connect");
        }
        if (StringUtils.hasText(error)) {
            throw new RefusedException(400, "Xero did not authorise FieldSync: " + error);
        }
        if (!StringUtils.hasText(code)) {
            throw new RefusedException(400, "Xero's redirect carries no code: start again at GET /api/xero/connect");
        }
        String by = request.get()[1];
        XeroIdentity.TokenSet granted = identity.exchangeCode(code, request.get()[0], redirectUri);
        if (granted.refreshToken() == null) {
            throw new XeroConnectionException("Xero granted no refresh token: offline_access was not allowed");
        }
        List<XeroIdentity.Organisation> organisations = identity.connections(granted.accessToken());
        String chosen = choice(organisations);
        transaction.executeWithoutResult(status -> {
            authorisations.listed(organisations);
            authorisations.authorised(granted, chosen == null ? XeroAuthorisations.Status.CHOOSE_ORGANISATION
                    : XeroAuthorisations.Status.CONNECTED, chosen, by);
        });
        log.info("Xero authorised by {}: {} organisation(s) listed, {}", by, organisations.size(),
                chosen == null ? "the operator chooses one" : "organisation " + chosen + " chosen");
        connected(chosen, by);
        return status();
    }

    /**
     * The organisation to work on: the only one listed, else fieldsync.xero.tenant-id, else the one
     * chosen before (a reconnect keeps it); null when the operator has to choose.
     */
    private String choice(List<XeroIdentity.Organisation> organisations) {
        if (organisations.isEmpty()) {
            throw new RefusedException(400, "Xero lists no organisation for this authorisation: connect again and allow one");
        }
        if (organisations.size() == 1) {
            return organisations.get(0).tenantId();
        }
        for (String wanted : new String[] {settings.tenantId(),
                authorisations.find().map(XeroAuthorisations.Authorisation::tenantId).orElse(null)}) {
            if (StringUtils.hasText(wanted) && organisations.stream().anyMatch(o -> o.tenantId().equalsIgnoreCase(wanted))) {
                return organisations.stream().filter(o -> o.tenantId().equalsIgnoreCase(wanted)).findFirst().orElseThrow().tenantId();
            }
        }
        return null;
    }

    public Map<String, Object> choose(String tenantId, String by) {
        requireAuthorisationCode();
        XeroAuthorisations.Authorisation authorisation = authorisations.find()
                .filter(a -> a.status() == XeroAuthorisations.Status.CONNECTED || a.status() == XeroAuthorisations.Status.CHOOSE_ORGANISATION)
                .orElseThrow(() -> new RefusedException(409, "Not connected to Xero: connect first at GET /api/xero/connect"));
        if (authorisations.organisations().stream().noneMatch(o -> o.tenantId().equalsIgnoreCase(tenantId))) {
            throw new RefusedException(404, "Xero organisation " + tenantId + " is not among the connected ones (GET /api/xero/connections)");
        }
        String canonical = authorisations.organisations().stream().filter(o -> o.tenantId().equalsIgnoreCase(tenantId))
                .findFirst().orElseThrow().tenantId();
        authorisations.choose(canonical);
        log.info("Xero organisation {} chosen by {} (was {})", canonical, by, authorisation.tenantId());
        connected(canonical, by);
        return status();
    }

    private void connected(String tenantId, String by) {
        connection.organisationChanged(tenantId);
        if (tenantId != null) {
            try {
                events.publishEvent(new XeroConnected(tenantId, by));
            } catch (RuntimeException e) {
                log.warn("A listener of the new Xero connection failed: {}", e.toString());
            }
        }
    }

    /**
     * Disconnects an organisation (by Xero's connection id or its tenant id) at Xero and here;
     * disconnecting the chosen one forgets the tokens: FieldSync is then not connected.
     */
    public Map<String, Object> disconnect(String id, String by) {
        requireAuthorisationCode();
        XeroAuthorisations.ListedOrganisation organisation = authorisations.organisations().stream()
                .filter(o -> o.connectionId().equalsIgnoreCase(id) || o.tenantId().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new RefusedException(404, "No connected Xero organisation has the id " + id
                        + " (GET /api/xero/connections)"));
        String atXero;
        try {
            atXero = identity.deleteConnection(tokens.accessToken(), organisation.connectionId())
                    ? "disconnected at Xero" : "Xero no longer had the connection";
        } catch (XeroConnectionException e) {
            // a dead refresh token cannot ask Xero; the operator removes the app in Xero's settings if need be
            atXero = "not disconnected at Xero (" + e.getMessage() + "); remove FieldSync under Connected Apps in Xero's settings";
        }
        String chosen = authorisations.find().map(XeroAuthorisations.Authorisation::tenantId).orElse(null);
        boolean wasChosen = organisation.tenantId().equalsIgnoreCase(chosen == null ? "" : chosen);
        String message = "Disconnected from " + (organisation.name() == null ? organisation.tenantId() : organisation.name())
                + " by " + by + " at " + clock.instant() + ": " + atXero;
        transaction.executeWithoutResult(status -> {
            authorisations.organisationDisconnected(organisation.tenantId());
            if (wasChosen) {
                authorisations.disconnected(message);
            }
        });
        log.info(message);
        if (wasChosen) {
            connection.organisationChanged(null);
        }
        Map<String, Object> answer = new LinkedHashMap<>(status());
        answer.put("disconnected", Map.of("tenantId", organisation.tenantId(), "connectionId", organisation.connectionId(),
                "xero", atXero));
        return answer;
    }

    public List<Map<String, Object>> organisations() {
        String chosen = authorisations.find().map(XeroAuthorisations.Authorisation::tenantId).orElse(null);
        return authorisations.organisations().stream().map(o -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("tenantId", o.tenantId());
            view.put("name", o.name());
            view.put("connectionId", o.connectionId());
            view.put("chosen", o.tenantId().equalsIgnoreCase(chosen == null ? "" : chosen));
            return view;
        }).toList();
    }

    /**
     * Connected / choose organisation / reconnect needed / unreachable (since when, why) / not
     * connected, as the last real call found it ({@link XeroConnectionStatus}), with the
     * organisation and the token's expiry.
     */
    public Map<String, Object> status() {
        XeroConnectionStatus.Now now = connectionStatus.now();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("grant", settings.grant());
        view.put("status", now.status().name());
        if (now.status() == XeroConnectionStatus.Status.UNREACHABLE) {
            putIfSet(view, "unreachableSince", now.since());
            putIfSet(view, "unreachableLastAt", now.lastAt());
            putIfSet(view, "unreachableReason", now.message());
        }
        if (!enabled()) {
            // the custom connection's organisation as the state store knows it (no Xero call): the console names it
            try {
                connection.knownTenant().ifPresent(tenant -> view.put("organisation", organisationView(tenant)));
            } catch (RuntimeException stateStoreOutOfReach) {
                // the status is still worth answering without the name
            }
            putIfSet(view, "message", now.message());
            return view;
        }
        authorisations.find().ifPresent(a -> {
            if (a.tenantId() != null) {
                Map<String, Object> organisation = new LinkedHashMap<>();
                organisation.put("tenantId", a.tenantId());
                authorisations.organisations().stream().filter(o -> o.tenantId().equalsIgnoreCase(a.tenantId())).findFirst()
                        .ifPresent(o -> organisation.put("name", o.name()));
                view.put("organisation", organisation);
            }
            putIfSet(view, "accessTokenExpiresAt", a.accessExpiresAt());
            putIfSet(view, "refreshedAt", a.refreshedAt());
            putIfSet(view, "connectedAt", a.connectedAt());
            putIfSet(view, "connectedBy", a.connectedBy());
            putIfSet(view, "scope", a.scope());
            putIfSet(view, "message", a.message());
        });
        if (now.status() == XeroConnectionStatus.Status.CHOOSE_ORGANISATION) {
            view.put("organisations", organisations());
        }
        if (now.status() == XeroConnectionStatus.Status.NOT_CONNECTED || now.status() == XeroConnectionStatus.Status.RECONNECT_NEEDED) {
            view.put("connect", "/api/xero/connect");
        }
        return view;
    }

    private static Map<String, Object> organisationView(XeroTenant tenant) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("tenantId", tenant.getTenantId());
        putIfSet(organisation, "name", tenant.getName());
        putIfSet(organisation, "shortCode", tenant.getShortCode());
        return organisation;
    }

    private static void putIfSet(Map<String, Object> view, String name, Object value) {
        if (value != null) {
            view.put(name, value instanceof Instant instant ? instant.toString() : value);
        }
    }

    private void requireAuthorisationCode() {
        if (!enabled()) {
            throw new RefusedException(409, "fieldsync.xero.grant is " + settings.grant()
                    + ": FieldSync uses a Xero custom connection; set fieldsync.xero.grant=authorization_code to connect by OAuth2");
        }
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
