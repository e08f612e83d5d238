package io.fieldsync.state;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SyncRunCountRepository extends JpaRepository<SyncRunCount, SyncRunCount.Key> {
    List<SyncRunCount> findByKeyRunId(Long runId);

    /** The counts of a page of runs in one query (the history lists up to 500). */
    List<SyncRunCount> findByKeyRunIdIn(java.util.Collection<Long> runIds);
}
