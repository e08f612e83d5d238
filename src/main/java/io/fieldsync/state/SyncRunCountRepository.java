package io.fieldsync.state;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SyncRunCountRepository extends JpaRepository<SyncRunCount, SyncRunCount.Key> {
    List<SyncRunCount> findByKeyRunId(Long runId);
}
