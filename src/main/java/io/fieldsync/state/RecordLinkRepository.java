package io.fieldsync.state;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecordLinkRepository extends JpaRepository<RecordLink, Long> {

    Optional<RecordLink> findByTenantRefAndEntityAndLocalId(Long tenantRef, String entity, Long localId);

    List<RecordLink> findByTenantRefAndEntityAndLocalIdIn(Long tenantRef, String entity, Collection<Long> localIds);

    List<RecordLink> findByTenantRefAndEntity(Long tenantRef, String entity);

    Optional<RecordLink> findByTenantRefAndEntityAndXeroId(Long tenantRef, String entity, String xeroId);
}
