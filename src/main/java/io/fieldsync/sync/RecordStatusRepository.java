package io.fieldsync.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecordStatusRepository extends JpaRepository<RecordStatus, Long> {

    Optional<RecordStatus> findByTenantRefAndEntityAndLocalId(Long tenantRef, String entity, Long localId);

    List<RecordStatus> findByTenantRefAndEntityAndLocalIdIn(Long tenantRef, String entity, Collection<Long> localIds);

    @Query("""
            select r from RecordStatus r
             where r.tenantRef = :tenant
               and (:entity is null or r.entity = :entity)
               and (:status is null or r.status = :status)
             order by r.updatedAt desc, r.id desc""")
    Page<RecordStatus> filter(@Param("tenant") Long tenantRef, @Param("entity") String entity,
                              @Param("status") RecordStatus.Outcome status, Pageable page);
}
