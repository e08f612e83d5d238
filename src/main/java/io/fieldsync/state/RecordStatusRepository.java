package io.fieldsync.state;

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

    /**
     * One page of the records looked at again every run, whatever the watermark (skipped for a
     * missing dependency, sent without an answer, or marked for re-sync by an operator): their
     * ids after {@code afterId}, in id order, of any of {@code entities} (a file and its copy on
     * a bill are one row). Read in pages, as they can be many. Those whose rows have gone from
     * the field-service database are retired (GONE) and left out.
     */
    @Query("""
            select distinct r.localId from RecordStatus r
             where r.tenantRef = :tenant and r.entity in :entities and r.localId > :afterId
               and (r.skipKind = io.fieldsync.state.RecordStatus.SkipKind.DEPENDENCY or r.attemptedAt is not null
                    or r.resyncRequestedAt is not null)
               and (r.skipKind is null or r.skipKind <> io.fieldsync.state.RecordStatus.SkipKind.GONE)
             order by r.localId""")
    List<Long> revisits(@Param("tenant") Long tenantRef, @Param("entities") Collection<String> entities,
                        @Param("afterId") long afterId, org.springframework.data.domain.Pageable page);

    default Page<RecordStatus> filter(Long tenantRef, String entity, RecordStatus.Outcome status, java.time.Instant from,
                                      java.time.Instant to, Pageable page) {
        return filter(tenantRef, entity, status, from, to, null, page);
    }

    /**
     * As above, and with {@code containing} (null: any) a case-insensitive substring of the
     * record's local id, its Xero id or its message ('!' escapes the pattern's wildcards: a
     * backslash would be read differently by MariaDB's and the JPQL parser's string literals).
     */
    default Page<RecordStatus> filter(Long tenantRef, String entity, RecordStatus.Outcome status, java.time.Instant from,
                                      java.time.Instant to, String containing, Pageable page) {
        return filter(tenantRef, entity, status, from, to, containing, null, page);
    }

    /** As above, and with {@code runId} (null: any) the run that last wrote the record's outcome. */
    default Page<RecordStatus> filter(Long tenantRef, String entity, RecordStatus.Outcome status, java.time.Instant from,
                                      java.time.Instant to, String containing, Long runId, Pageable page) {
        String like = containing == null || containing.isBlank() ? null
                : "%" + containing.trim().toLowerCase(java.util.Locale.ROOT)
                        .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return search(tenantRef, entity, status, from, to, like, runId, page);
    }

    @Query("""
            select r from RecordStatus r
             where r.tenantRef = :tenant
               and (:entity is null or r.entity = :entity)
               and (:status is null or r.status = :status)
               and (:from is null or r.updatedAt >= :from)
               and (:to is null or r.updatedAt < :to)
               and (:run is null or r.lastRunId = :run)
               and (:like is null
                    or cast(r.localId as String) like :like escape '!'
                    or lower(r.message) like :like escape '!'
                    or exists (select 1 from RecordLink l
                                where l.tenantRef = r.tenantRef and l.entity = r.entity and l.localId = r.localId
                                  and lower(l.xeroId) like :like escape '!'))
             order by r.updatedAt desc, r.id desc""")
    Page<RecordStatus> search(@Param("tenant") Long tenantRef, @Param("entity") String entity,
                              @Param("status") RecordStatus.Outcome status, @Param("from") java.time.Instant from,
                              @Param("to") java.time.Instant to, @Param("like") String like, @Param("run") Long runId,
                              Pageable page);

    List<RecordStatus> findByTenantRefAndEntityAndStatus(Long tenantRef, String entity, RecordStatus.Outcome status);
}
