package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Xero's identity side: /connect/token, /connections and a consent page that always says yes. */
final class TokenEndpoint {
    static final String DEFAULT_SCOPE = "accounting.transactions accounting.contacts accounting.settings accounting.attachments";

    private final SandboxSettings settings;
    private final Tokens tokens;
    private final SandboxStore store;
    private final Instant connectedAt = Instant.now();

    TokenEndpoint(SandboxSettings settings, Tokens tokens, SandboxStore store) {
        this.settings = settings;
        this.tokens = tokens;
        this.store = store;
    }

    boolean handles(SandboxRequest request) {
        return request.path().equals("/connect/token") || request.path().equals("/connections")
                || request.path().equals("/identity/connect/authorize");
    }

    SandboxAnswer handle(SandboxRequest request) {
        return switch (request.path()) {
            case "/connect/token" -> request.method().equals("POST") ? token(request) : SandboxAnswer.empty(405);
            case "/connections" -> connections(request);
            default -> authorize(request);
        };
    }

    private SandboxAnswer token(SandboxRequest request) {
        Map<String, List<String>> form = SandboxRequest.parseQuery(new String(request.body(), StandardCharsets.UTF_8));
        String[] client = clientCredentials(request, form);
        if (!settings.clientId().equals(client[0]) || !settings.clientSecret().equals(client[1])) {
            return oauthError("invalid_client");
        }
        String grantType = first(form, "grant_type");
        if (grantType == null) {
            return oauthError("unsupported_grant_type");
        }
        return switch (grantType) {
            case "client_credentials" -> granted(tokens.issue(settings.tenantId(), scopeOrDefault(first(form, "scope")), false));
            case "authorization_code" -> {
                String scope = tokens.redeemCode(first(form, "code"));
                yield scope == null ? oauthError("invalid_grant")
                        : granted(tokens.issue(settings.tenantId(), scopeOrDefault(scope), true));
            }
            case "refresh_token" -> {
                Tokens.RefreshToken old = tokens.redeemRefresh(first(form, "refresh_token"));
                yield old == null ? oauthError("invalid_grant")
                        : granted(tokens.issue(old.tenantId(), old.scope(), true));
            }
            default -> oauthError("unsupported_grant_type");
        };
    }

    /** HTTP Basic wins; Xero also takes client_id/client_secret as form fields. */
    private static String[] clientCredentials(SandboxRequest request, Map<String, List<String>> form) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new String[]{SandboxRequest.decode(decoded.substring(0, colon)), SandboxRequest.decode(decoded.substring(colon + 1))};
                }
            } catch (IllegalArgumentException e) {
                return new String[]{null, null};
            }
        }
        return new String[]{first(form, "client_id"), first(form, "client_secret")};
    }

    private SandboxAnswer granted(Tokens.Grant grant) {
        ObjectNode body = Json.object();
        body.put("access_token", grant.access());
        body.put("expires_in", Tokens.ACCESS_LIFETIME.toSeconds());
        body.put("token_type", "Bearer");
        if (grant.refresh() != null) {
            body.put("refresh_token", grant.refresh());
        }
        body.put("scope", grant.scope());
        return SandboxAnswer.json(200, body).header("Cache-Control", "no-store");
    }

    private SandboxAnswer connections(SandboxRequest request) {
        if (!request.method().equals("GET")) {
            return SandboxAnswer.empty(405);
        }
        if (tokens.validAccess(bearer(request)) == null) {
            return SandboxAnswer.problem(401, "Unauthorized", "AuthenticationUnsuccessful");
        }
        ArrayNode list = Json.array();
        ObjectNode connection = list.addObject();
        connection.put("id", UUID.nameUUIDFromBytes(("connection:" + settings.tenantId()).getBytes(StandardCharsets.UTF_8)).toString());
        connection.putNull("authEventId");
        connection.put("tenantId", settings.tenantId());
        connection.put("tenantType", "ORGANISATION");
        connection.put("tenantName", store.organisationName());
        connection.put("createdDateUtc", connectedAt.toString());
        connection.put("updatedDateUtc", connectedAt.toString());
        return SandboxAnswer.json(200, list);
    }

    /** Skips the login and consent screens: redirects straight back with a code. */
    private SandboxAnswer authorize(SandboxRequest request) {
        if (!settings.clientId().equals(request.queryParam("client_id"))) {
            return SandboxAnswer.text(400, "text/html; charset=utf-8", "<html><body><h1>Error: unauthorized_client</h1></body></html>");
        }
        String redirect = request.queryParam("redirect_uri");
        if (redirect == null || redirect.isBlank()) {
            return SandboxAnswer.text(400, "text/html; charset=utf-8", "<html><body><h1>Error: invalid_request (redirect_uri)</h1></body></html>");
        }
        String code = tokens.newCode(request.queryParam("scope"));
        String state = request.queryParam("state");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
        return SandboxAnswer.empty(302).header("Location", location);
    }

    static String bearer(SandboxRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    private static String scopeOrDefault(String scope) {
        return scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static SandboxAnswer oauthError(String error) {
        ObjectNode body = Json.object();
        body.put("error", error);
        return SandboxAnswer.json(400, body);
    }
}
