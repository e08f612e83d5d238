package io.fieldsync.state;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field-service record and the Xero record it became (or was matched to). */
@Entity
@Table(name = "record_link")
public class RecordLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_ref", nullable = false)
    private Long tenantRef;

    @Column(nullable = false)
    private String entity;

    @Column(name = "local_id", nullable = false)
    private Long localId;

    @Column(name = "xero_id", nullable = false)
    private String xeroId;

    @Column(name = "xero_number")
    private String xeroNumber;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RecordLink() {
    }

    public RecordLink(Long tenantRef, String entity, Long localId, String xeroId) {
        this.tenantRef = tenantRef;
        this.entity = entity;
        this.localId = localId;
        this.xeroId = xeroId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void sent(String xeroNumber, String contentHash) {
        this.xeroNumber = xeroNumber;
        this.contentHash = contentHash;
        this.updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getTenantRef() { return tenantRef; }
    public String getEntity() { return entity; }
    public Long getLocalId() { return localId; }
    public String getXeroId() { return xeroId; }
    public String getXeroNumber() { return xeroNumber; }
    public String getContentHash() { return contentHash; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
