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
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(401);
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
