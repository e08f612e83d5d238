package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest extends SandboxTestSupport {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void clientCredentialsWithBasicAuthGiveABearerTokenThatOpensTheApi() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials", basic("sandbox-client", "sandbox-secret"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SandboxClient.json(response);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(1800);
        assertThat(body.path("scope").asText()).contains("accounting.transactions");

        client.token = body.path("access_token").asText();
        assertThat(client.get("/Organisation").statusCode()).isEqualTo(200);
    }

    @Test
    void clientCredentialsAlsoWorkAsFormFields() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.json(response).path("access_token").asText()).isNotBlank();
    }

    @Test
    void wrongClientSecretIsInvalidClient() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials", basic("sandbox-client", "wrong"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(response).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void connectionsListTheOneOrganisation() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.connectionsUrl()))
                .header("Authorization", "Bearer " + client.token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode connection = SandboxClient.json(response).path(0);
        assertThat(connection.path("tenantId").asText()).isEqualTo(sandbox.tenantId());
        assertThat(connection.path("tenantType").asText()).isEqualTo("ORGANISATION");
        assertThat(connection.path("tenantName").asText()).isEqualTo("FieldSync Demo Company (AU)");
    }

    @Test
    void apiCallWithoutTokenIsUnauthorized() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/Contacts"))
                .header("Accept", "application/json").GET());
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = SandboxClient.json(response);
        assertThat(body.path("Title").asText()).isEqualTo("Unauthorized");
        assertThat(body.path("Detail").asText()).isEqualTo("AuthenticationUnsuccessful");
    }

    @Test
    void expiredTokenIsUnauthorized() {
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
        sandbox.expireAccessTokens();
        HttpResponse<String> expired = client.get("/Contacts");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(SandboxClient.json(expired).path("Detail").asText()).as("as Xero words it").startsWith("TokenExpired: token expired at ");
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
    }

    @Test
    void aDisconnectedCustomConnectionIsRefusedItsTokens() throws Exception {
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
        sandbox.disconnectCustomConnection();
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = token("grant_type=client_credentials", basic("sandbox-client", "sandbox-secret"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(refused).path("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void tokensAgedPastTheirLifetimeAreRefused() throws Exception {
        String refresh = SandboxClient.json(token("grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback&code="
                + pkceCode(null), basic("sandbox-client", "sandbox-secret"))).path("refresh_token").asText();
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);

        sandbox.ageTokens(java.time.Duration.ofMinutes(31));
        assertThat(client.get("/Contacts").statusCode()).as("an access token lives 30 minutes").isEqualTo(401);
        assertThat(sandbox.isValidRefreshToken(refresh)).isTrue();

        sandbox.ageTokens(java.time.Duration.ofDays(60));
        HttpResponse<String> refused = token("grant_type=refresh_token&refresh_token=" + refresh, basic("sandbox-client", "sandbox-secret"));
        assertThat(refused.statusCode()).as("a refresh token unused for 60 days").isEqualTo(400);
        assertThat(SandboxClient.json(refused).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anUnreachableTokenEndpointAnswersNothingAndGrantsNothing() throws Exception {
        sandbox.faults().on("POST", "^/connect/token$").times(1).unreachable();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> token("grant_type=client_credentials", basic("sandbox-client", "sandbox-secret")))
                .isInstanceOf(java.io.IOException.class);
        assertThat(sandbox.tokenRequests("client_credentials")).as("never reached the endpoint").isZero();
        assertThat(token("grant_type=client_credentials", basic("sandbox-client", "sandbox-secret")).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongTenantIdIsForbidden() {
        client.extraHeaders.put("xero-tenant-id", "00000000-0000-0000-0000-000000000001");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/Contacts"))
                .header("Authorization", "Bearer " + client.token).header("Accept", "application/json")
                .header("xero-tenant-id", "00000000-0000-0000-0000-000000000001").GET());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void authorizationCodeGrantAndRefreshRotateTheRefreshToken() throws Exception {
        HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(sandbox.authorizeUrl()
                + "?response_type=code&client_id=sandbox-client&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback&scope=offline_access%20accounting.transactions&state=xyz"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).isEqualTo(302);
        String location = consent.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost/callback?code=").endsWith("&state=xyz");
        String code = location.replaceAll(".*code=([^&]+).*", "$1");

        JsonNode first = SandboxClient.json(token("grant_type=authorization_code&code=" + code
                + "&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback", basic("sandbox-client", "sandbox-secret")));
        String refresh1 = first.path("refresh_token").asText();
        assertThat(refresh1).isNotBlank();

        HttpResponse<String> refreshed = token("grant_type=refresh_token&refresh_token=" + refresh1, basic("sandbox-client", "sandbox-secret"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String refresh2 = SandboxClient.json(refreshed).path("refresh_token").asText();
        assertThat(refresh2).isNotBlank().isNotEqualTo(refresh1);

        HttpResponse<String> reused = token("grant_type=refresh_token&refresh_token=" + refresh1, basic("sandbox-client", "sandbox-secret"));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(reused).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void authorizationCodeWithPkceNeedsTheVerifierThatMatchesTheChallenge() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"; // RFC 7636, appendix B
        String redirect = "http%3A%2F%2Flocalhost%2Fcallback";

        assertThat(token("grant_type=authorization_code&redirect_uri=" + redirect + "&code=" + pkceCode(challenge),
                basic("sandbox-client", "sandbox-secret")).statusCode()).as("no verifier").isEqualTo(400);
        HttpResponse<String> wrong = token("grant_type=authorization_code&redirect_uri=" + redirect + "&code_verifier=" + verifier
                + "x&code=" + pkceCode(challenge), basic("sandbox-client", "sandbox-secret"));
        assertThat(wrong.statusCode()).as("another verifier").isEqualTo(400);
        assertThat(SandboxClient.json(wrong).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(token("grant_type=authorization_code&redirect_uri=http%3A%2F%2Fevil%2Fcallback&code_verifier=" + verifier
                + "&code=" + pkceCode(challenge), basic("sandbox-client", "sandbox-secret")).statusCode())
                .as("another redirect URI than authorised").isEqualTo(400);
        HttpResponse<String> right = token("grant_type=authorization_code&redirect_uri=" + redirect + "&code_verifier=" + verifier
                + "&code=" + pkceCode(challenge), basic("sandbox-client", "sandbox-secret"));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(sandbox.tokenGrants("authorization_code")).isEqualTo(1);
        assertThat(sandbox.tokenRequests("authorization_code")).isEqualTo(4);
    }

    @Test
    void aUsersTokenListsTwoOrganisationsOpensOnlyTheOnesConnectedAndDeletesAConnection() throws Exception {
        String access = SandboxClient.json(token("grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback&code="
                + pkceCode(null), basic("sandbox-client", "sandbox-secret"))).path("access_token").asText();
        JsonNode listed = SandboxClient.json(http.send(HttpRequest.newBuilder(URI.create(sandbox.connectionsUrl()))
                .header("Authorization", "Bearer " + access).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(listed).hasSize(2);
        assertThat(listed.findValuesAsText("tenantId")).containsExactly(sandbox.tenantId(), XeroSandbox.secondTenantId());

        assertThat(organisation(access, sandbox.tenantId())).isEqualTo(200);
        assertThat(organisation(access, null)).as("a user's token names its organisation").isEqualTo(403);
        assertThat(organisation(access, XeroSandbox.secondTenantId())).as("the second keeps no books").isEqualTo(403);

        String first = listed.path(0).path("id").asText();
        assertThat(delete(access, first)).isEqualTo(204);
        assertThat(delete(access, first)).isEqualTo(404);
        assertThat(sandbox.userConnectionIds()).hasSize(1);
        assertThat(organisation(access, sandbox.tenantId())).as("disconnected").isEqualTo(403);
    }

    @Test
    void aRevokedRefreshTokenIsInvalidGrant() throws Exception {
        String refresh = SandboxClient.json(token("grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback&code="
                + pkceCode(null), basic("sandbox-client", "sandbox-secret"))).path("refresh_token").asText();
        assertThat(sandbox.isValidRefreshToken(refresh)).isTrue();

        sandbox.revokeRefreshTokens();

        HttpResponse<String> refused = token("grant_type=refresh_token&refresh_token=" + refresh, basic("sandbox-client", "sandbox-secret"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(refused).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(sandbox.validRefreshTokens()).isZero();
    }

    private String pkceCode(String challenge) throws Exception {
        HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(sandbox.authorizeUrl()
                + "?response_type=code&client_id=sandbox-client&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback&scope=offline_access"
                + "&state=s" + (challenge == null ? "" : "&code_challenge_method=S256&code_challenge=" + challenge)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return consent.headers().firstValue("Location").orElseThrow().replaceAll(".*code=([^&]+).*", "$1");
    }

    private int organisation(String access, String tenantId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/Organisation"))
                .header("Authorization", "Bearer " + access).header("Accept", "application/json").GET();
        if (tenantId != null) {
            request.header("xero-tenant-id", tenantId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int delete(String access, String connectionId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.connectionsUrl() + "/" + connectionId))
                .header("Authorization", "Bearer " + access).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> token(String form, String authorization) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
