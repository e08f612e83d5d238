package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Xero's identity side: /connect/token (client credentials; authorisation code with PKCE; rotating
 * refresh tokens), /connections (the one organisation of a custom connection, or the user's
 * connections, with DELETE) and a consent page that always says yes.
 */
final class TokenEndpoint {
    static final String DEFAULT_SCOPE = "accounting.transactions accounting.contacts accounting.settings accounting.attachments";

    private final SandboxSettings settings;
    private final Tokens tokens;
    private final SandboxStore store;
    private final UserConnections userConnections;
    private final Instant connectedAt = Instant.now();

    TokenEndpoint(SandboxSettings settings, Tokens tokens, SandboxStore store, UserConnections userConnections) {
        this.settings = settings;
        this.tokens = tokens;
        this.store = store;
        this.userConnections = userConnections;
    }

    boolean handles(SandboxRequest request) {
        return request.path().equals("/connect/token") || request.path().equals("/connections")
                || request.path().startsWith("/connections/") || request.path().equals("/identity/connect/authorize");
    }

    SandboxAnswer handle(SandboxRequest request) {
        if (request.path().startsWith("/connections/")) {
            return deleteConnection(request, request.path().substring("/connections/".length()));
        }
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
        tokens.requested(grantType);
        SandboxAnswer answer = switch (grantType) {
            case "client_credentials" -> tokens.customConnectionDisconnected() ? oauthError("unauthorized_client")
                    : granted(tokens.issue(settings.tenantId(), scopeOrDefault(first(form, "scope")), false));
            case "authorization_code" -> {
                Tokens.Code code = tokens.redeemCode(first(form, "code"));
                boolean valid = code != null && code.verifies(first(form, "code_verifier"))
                        && (code.redirectUri() == null || code.redirectUri().equals(first(form, "redirect_uri")));
                // a user's token: good for the organisations the user connected (xero-tenant-id picks one)
                yield !valid ? oauthError("invalid_grant") : granted(tokens.issue(null, scopeOrDefault(code.scope()), true));
            }
            case "refresh_token" -> {
                Tokens.RefreshToken old = tokens.redeemRefresh(first(form, "refresh_token"));
                yield old == null ? oauthError("invalid_grant")
                        : granted(tokens.issue(old.tenantId(), old.scope(), true));
            }
            default -> oauthError("unsupported_grant_type");
        };
        if (answer.status == 200) {
            tokens.counted(grantType);
        }
        return answer;
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
        Tokens.AccessToken token = tokens.validAccess(bearer(request));
        if (token == null) {
            return SandboxAnswer.problem(401, "Unauthorized", "AuthenticationUnsuccessful");
        }
        ArrayNode list = Json.array();
        if (token.tenantId() == null) {
            for (UserConnections.Connection connection : userConnections.all()) {
                ObjectNode entry = list.addObject();
                entry.put("id", connection.id());
                entry.putNull("authEventId");
                entry.put("tenantId", connection.tenantId());
                entry.put("tenantType", "ORGANISATION");
                entry.put("tenantName", connection.tenantName());
                entry.put("createdDateUtc", connection.createdAt().toString());
                entry.put("updatedDateUtc", connection.createdAt().toString());
            }
            return SandboxAnswer.json(200, list);
        }
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

    /** DELETE /connections/{id}: disconnects one organisation of a user's token (204), 404 when it is not connected. */
    private SandboxAnswer deleteConnection(SandboxRequest request, String id) {
        if (!request.method().equals("DELETE")) {
            return SandboxAnswer.empty(405);
        }
        Tokens.AccessToken token = tokens.validAccess(bearer(request));
        if (token == null) {
            return SandboxAnswer.problem(401, "Unauthorized", "AuthenticationUnsuccessful");
        }
        return token.tenantId() == null && userConnections.delete(id) ? SandboxAnswer.empty(204) : SandboxAnswer.empty(404);
    }

    /** Skips the login and consent screens: the user allows both organisations, and is redirected straight back with a code. */
    private SandboxAnswer authorize(SandboxRequest request) {
        if (!settings.clientId().equals(request.queryParam("client_id"))) {
            return SandboxAnswer.text(400, "text/html; charset=utf-8", "<html><body><h1>Error: unauthorized_client</h1></body></html>");
        }
        String redirect = request.queryParam("redirect_uri");
        if (redirect == null || redirect.isBlank()) {
            return SandboxAnswer.text(400, "text/html; charset=utf-8", "<html><body><h1>Error: invalid_request (redirect_uri)</h1></body></html>");
        }
        if (!"code".equals(request.queryParam("response_type"))) {
            return SandboxAnswer.text(400, "text/html; charset=utf-8", "<html><body><h1>Error: unsupported_response_type</h1></body></html>");
        }
        String method = request.queryParam("code_challenge_method");
        String challenge = request.queryParam("code_challenge");
        if (challenge != null && method != null && !method.equals("S256") && !method.equals("plain")) {
            return SandboxAnswer.text(400, "text/html; charset=utf-8", "<html><body><h1>Error: invalid_request (code_challenge_method)</h1></body></html>");
        }
        userConnections.consent(store.organisationName());
        String scope = request.queryParam("scope");
        String code = tokens.newCode(new Tokens.Code(scope == null ? "" : scope, challenge,
                method == null ? "plain" : method, redirect));
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
