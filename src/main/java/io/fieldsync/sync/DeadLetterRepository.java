package io.fieldsync.sync;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadLetterRepository extends JpaRepository<DeadLetter, Long> {
    List<DeadLetter> findByRunId(Long runId);
}
