package io.fieldsync.state;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadLetterRepository extends JpaRepository<DeadLetter, Long> {
    List<DeadLetter> findByRunId(Long runId);

    List<DeadLetter> findByResolvedAtIsNullOrderByIdAsc();

    org.springframework.data.domain.Page<DeadLetter> findAllByOrderByIdDesc(org.springframework.data.domain.Pageable page);

    org.springframework.data.domain.Page<DeadLetter> findByResolvedAtIsNullOrderByIdDesc(org.springframework.data.domain.Pageable page);

    org.springframework.data.domain.Page<DeadLetter> findByRunIdOrderByIdDesc(Long runId, org.springframework.data.domain.Pageable page);

    org.springframework.data.domain.Page<DeadLetter> findByRunIdAndResolvedAtIsNullOrderByIdDesc(Long runId,
                                                                                               org.springframework.data.domain.Pageable page);
}
