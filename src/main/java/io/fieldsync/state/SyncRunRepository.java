package io.fieldsync.state;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SyncRunRepository extends JpaRepository<SyncRun, Long> {

    Optional<SyncRun> findFirstByTenantRefAndStatusOrderByIdDesc(Long tenantRef, SyncRun.Status status);

    List<SyncRun> findByOrderByIdDesc(Pageable page);

    List<SyncRun> findByStatus(SyncRun.Status status);

    List<SyncRun> findByStartedAtGreaterThanEqualAndStartedAtLessThanOrderByIdAsc(java.time.Instant from, java.time.Instant to);
}
