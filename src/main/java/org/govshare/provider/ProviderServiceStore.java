package org.govshare.provider;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.platform.JsonColumns;
import org.govshare.platform.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code provider_service} table: one registration per resource, its secret sealed. */
@Repository
class ProviderServiceStore {

    private static final String TABLE = "provider_service";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    ProviderServiceStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A registration as stored.
     *
     * @param sealedSecret the password or token, sealed by {@link org.govshare.platform.secrets.SecretBox}; null for NONE
     */
    record Stored(String resourceCode, String providerDepartment, String url, List<String> parameters, int timeoutMillis,
                  CredentialType credentialType, String username, String headerName, String sealedSecret,
                  String registeredBy, Instant registeredAt) {

        RegisteredService view() {
            return new RegisteredService(resourceCode, providerDepartment, url, parameters, timeoutMillis,
                    new RegisteredService.Credentials(credentialType, username, headerName,
                            credentialType == CredentialType.BASIC && sealedSecret != null,
                            credentialType != CredentialType.BASIC && sealedSecret != null),
                    registeredBy, registeredAt);
        }

        @Override
        public String toString() {
            return "Stored[" + resourceCode + ", " + url + ", " + credentialType + ", secret hidden]";
        }
    }

    /** Registers or replaces (a resource has one service at a time). */
    void save(Stored s) {
        OffsetDateTime at = OffsetDateTime.ofInstant(s.registeredAt(), ZoneOffset.UTC);
        String parameters = json.write(s.parameters());
        int changed = jdbc.update("""
                update provider_service set provider_department = ?, url = ?, parameters = ?, timeout_millis = ?,
                       credential_type = ?, credential_username = ?, credential_header = ?, credential_secret = ?,
                       registered_by = ?, registered_at = ?
                where resource_code = ?""",
                s.providerDepartment(), s.url(), parameters, s.timeoutMillis(), s.credentialType().name(), s.username(),
                s.headerName(), s.sealedSecret(), s.registeredBy(), at, s.resourceCode());
        if (changed == 0) {
            insert(s, parameters, at);
        }
    }

    private void insert(Stored s, String parameters, OffsetDateTime at) {
        try {
            jdbc.update("""
                    insert into provider_service (resource_code, provider_department, url, parameters, timeout_millis,
                           credential_type, credential_username, credential_header, credential_secret, registered_by,
                           registered_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    s.resourceCode(), s.providerDepartment(), s.url(), parameters, s.timeoutMillis(),
                    s.credentialType().name(), s.username(), s.headerName(), s.sealedSecret(), s.registeredBy(), at);
        } catch (DuplicateKeyException registeredMeanwhile) {
            // two first registrations at once; the failed insert has spoilt this transaction (PostgreSQL), so the
            // caller is told to send it again rather than the update being retried here
            throw new ConflictException("resourceCode", "registered-meanwhile", "another registration of the service of "
                    + s.resourceCode() + " arrived at the same moment; send yours again to replace it");
        }
    }

    Optional<Stored> find(String resourceCode) {
        return jdbc.query("select * from provider_service where resource_code = ?", (rs, row) -> new Stored(
                rs.getString("resource_code"), rs.getString("provider_department"), rs.getString("url"),
                json.read(rs.getString("parameters"), NAMES, TABLE), rs.getInt("timeout_millis"),
                CredentialType.valueOf(rs.getString("credential_type")), rs.getString("credential_username"),
                rs.getString("credential_header"), rs.getString("credential_secret"), rs.getString("registered_by"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant()), resourceCode).stream().findFirst();
    }
}
