package io.fieldsync.xero;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The authorisation-code connection as the state store keeps it: one row per Xero app
 * ({@code xero_authorisation}) with its tokens encrypted, the organisations it lists
 * ({@code xero_tenant} with their connection ids) and the authorisation requests in flight.
 * Every node reads and writes the same rows; {@link #lock()} is the row lock refreshes take.
 */
@Component
public class XeroAuthorisations {

    /** Where a connection stands. */
    public enum Status { CONNECTED, CHOOSE_ORGANISATION, RECONNECT_NEEDED, NOT_CONNECTED }

    private static final String ACCESS = "xero-access-token";
    private static final String REFRESH = "xero-refresh-token";

    /** A row of xero_authorisation; the tokens are still encrypted. */
    public record Authorisation(long id, Status status, String tenantId, String accessTokenSealed, Instant accessExpiresAt,
                                String refreshTokenSealed, String scope, Instant connectedAt, String connectedBy,
                                Instant refreshedAt, String message) {
        @Override
        public String toString() {
            return "Authorisation[" + status + ", tenant " + tenantId + ", access expires " + accessExpiresAt + "]";
        }
    }

    /** An organisation the authorisation lists. */
    public record ListedOrganisation(String tenantId, String name, String connectionId, String connectionStatus) {
    }

    private final JdbcTemplate state;
    private final TokenCipher cipher;
    private final XeroSettings settings;
    private final Clock clock;

    @Autowired
    public XeroAuthorisations(JdbcTemplate state, TokenCipher cipher, XeroSettings settings) {
        this(state, cipher, settings, Clock.systemUTC());
    }

    XeroAuthorisations(JdbcTemplate state, TokenCipher cipher, XeroSettings settings, Clock clock) {
        this.state = state;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Authorisation> find() {
        return state.query("select * from xero_authorisation where client_id = ?", XeroAuthorisations::row,
                settings.clientId()).stream().findFirst();
    }

    /** The row, locked until the surrounding transaction ends: the latest committed version, whoever wrote it. */
    public Optional<Authorisation> lock() {
        return state.query("select * from xero_authorisation where client_id = ? for update", XeroAuthorisations::row,
                settings.clientId()).stream().findFirst();
    }

    public String accessToken(Authorisation authorisation) {
        return cipher.decrypt(authorisation.accessTokenSealed(), ACCESS);
    }

    public String refreshToken(Authorisation authorisation) {
        return cipher.decrypt(authorisation.refreshTokenSealed(), REFRESH);
    }

    /** After a refresh: the new access token and the rotated refresh token, in one update. */
    public void refreshed(XeroIdentity.TokenSet tokens) {
        Instant now = clock.instant();
        state.update("""
                update xero_authorisation set access_token = ?, access_expires_at = ?, refresh_token = ?,
                       scope = coalesce(?, scope), refreshed_at = ?, message = null, updated_at = ?
                 where client_id = ?""",
                cipher.encrypt(tokens.accessToken(), ACCESS), Timestamp.from(tokens.expiresAt()),
                cipher.encrypt(tokens.refreshToken(), REFRESH), tokens.scope(), Timestamp.from(now), Timestamp.from(now),
                settings.clientId());
    }

    /** Xero refused the access token before its time: the next call refreshes it. */
    public void expireAccessToken() {
        Timestamp now = Timestamp.from(clock.instant());
        state.update("update xero_authorisation set access_expires_at = ? where client_id = ? and access_expires_at > ?",
                now, settings.clientId(), now);
    }

    /** After the callback: the tokens of a new authorisation, which organisation (if known) and the status. */
    public void authorised(XeroIdentity.TokenSet tokens, Status status, String tenantId, String by) {
        Instant now = clock.instant();
        Object[] values = {status.name(), tenantId, cipher.encrypt(tokens.accessToken(), ACCESS), Timestamp.from(tokens.expiresAt()),
                cipher.encrypt(tokens.refreshToken(), REFRESH), tokens.scope(), Timestamp.from(now), by, Timestamp.from(now),
                Timestamp.from(now), settings.clientId()};
        String update = """
                update xero_authorisation set status = ?, tenant_id = ?, access_token = ?, access_expires_at = ?,
                       refresh_token = ?, scope = ?, connected_at = ?, connected_by = ?, refreshed_at = ?, message = null,
                       updated_at = ?
                 where client_id = ?""";
        if (state.update(update, values) == 0) {
            try {
                state.update("""
                        insert into xero_authorisation (status, tenant_id, access_token, access_expires_at, refresh_token,
                               scope, connected_at, connected_by, refreshed_at, updated_at, client_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
            } catch (DuplicateKeyException anotherNodeFirst) {
                state.update(update, values);
            }
        }
    }

    public void choose(String tenantId) {
        state.update("update xero_authorisation set tenant_id = ?, status = ?, updated_at = ? where client_id = ?",
                tenantId, Status.CONNECTED.name(), Timestamp.from(clock.instant()), settings.clientId());
    }

    /** Xero refused the refresh token: it is dead, so it is dropped with the access token; a person reconnects. */
    public void reconnectNeeded(String message) {
        state.update("""
                update xero_authorisation set status = ?, access_token = null, access_expires_at = null,
                       refresh_token = null, message = ?, updated_at = ?
                 where client_id = ?""", Status.RECONNECT_NEEDED.name(), cut(message), Timestamp.from(clock.instant()),
                settings.clientId());
        state.update("update xero_tenant set connection_status = ?, updated_at = ? where tenant_id = ?",
                Status.RECONNECT_NEEDED.name(), Timestamp.from(clock.instant()), find().map(Authorisation::tenantId).orElse(""));
    }

    /** Disconnected: the tokens are forgotten, no organisation is chosen. */
    public void disconnected(String message) {
        state.update("""
                update xero_authorisation set status = ?, tenant_id = null, access_token = null, access_expires_at = null,
                       refresh_token = null, message = ?, updated_at = ?
                 where client_id = ?""", Status.NOT_CONNECTED.name(), cut(message), Timestamp.from(clock.instant()),
                settings.clientId());
    }

    /** The organisations Xero lists for the authorisation now: known ones get their connection id, new ones a row. */
    public void listed(List<XeroIdentity.Organisation> organisations) {
        Timestamp now = Timestamp.from(clock.instant());
        state.update("update xero_tenant set connection_id = null where connection_id is not null");
        for (XeroIdentity.Organisation organisation : organisations) {
            Object[] values = {organisation.tenantName(), organisation.connectionId(), Status.CONNECTED.name(), now,
                    organisation.tenantId()};
            String update = "update xero_tenant set name = coalesce(?, name), connection_id = ?, connection_status = ?,"
                    + " updated_at = ? where tenant_id = ?";
            if (state.update(update, values) == 0) {
                try {
                    state.update("insert into xero_tenant (name, connection_id, connection_status, updated_at, tenant_id,"
                            + " created_at) values (?, ?, ?, ?, ?, ?)", organisation.tenantName(), organisation.connectionId(),
                            Status.CONNECTED.name(), now, organisation.tenantId(), now);
                } catch (DuplicateKeyException anotherNodeFirst) {
                    state.update(update, values);
                }
            }
        }
    }

    /** The organisations the authorisation lists (those with a connection id). */
    public List<ListedOrganisation> organisations() {
        return state.query("select tenant_id, name, connection_id, connection_status from xero_tenant"
                        + " where connection_id is not null order by name, tenant_id",
                (row, n) -> new ListedOrganisation(row.getString("tenant_id"), row.getString("name"),
                        row.getString("connection_id"), row.getString("connection_status")));
    }

    /** An organisation is no longer connected (its connection was deleted). */
    public void organisationDisconnected(String tenantId) {
        state.update("update xero_tenant set connection_id = null, connection_status = 'DISCONNECTED', updated_at = ?"
                + " where tenant_id = ?", Timestamp.from(clock.instant()), tenantId);
    }

    /** Keeps an authorisation request's state and PKCE verifier until it is answered or expires. */
    public void requested(String stateValue, String codeVerifier, String by, Instant expiresAt) {
        Timestamp now = Timestamp.from(clock.instant());
        state.update("delete from xero_authorisation_request where expires_at < ?", now);
        state.update("insert into xero_authorisation_request (state, code_verifier, requested_by, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)", stateValue, cipher.encrypt(codeVerifier, "pkce-verifier"), by, now,
                Timestamp.from(expiresAt));
    }

    /** The verifier and requester of a pending request, once: the delete decides, so two callbacks with one state cannot both win. */
    public Optional<String[]> takeRequest(String stateValue) {
        if (stateValue == null || stateValue.isBlank()) {
            return Optional.empty();
        }
        List<String[]> found = state.query("select code_verifier, requested_by, expires_at from xero_authorisation_request where state = ?",
                (row, n) -> row.getTimestamp("expires_at").toInstant().isAfter(clock.instant())
                        ? new String[] {row.getString("code_verifier"), row.getString("requested_by")} : null, stateValue);
        if (state.update("delete from xero_authorisation_request where state = ?", stateValue) != 1
                || found.isEmpty() || found.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new String[] {cipher.decrypt(found.get(0)[0], "pkce-verifier"), found.get(0)[1]});
    }

    private static Authorisation row(ResultSet row, int n) throws SQLException {
        return new Authorisation(row.getLong("id"), Status.valueOf(row.getString("status")), row.getString("tenant_id"),
                row.getString("access_token"), instant(row.getTimestamp("access_expires_at")), row.getString("refresh_token"),
                row.getString("scope"), instant(row.getTimestamp("connected_at")), row.getString("connected_by"),
                instant(row.getTimestamp("refreshed_at")), row.getString("message"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
