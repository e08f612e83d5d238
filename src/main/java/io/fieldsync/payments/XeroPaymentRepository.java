package io.fieldsync.payments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface XeroPaymentRepository extends JpaRepository<XeroPayment, Long> {

    Optional<XeroPayment> findByTenantRefAndPaymentId(Long tenantRef, String paymentId);

    List<XeroPayment> findByTenantRefAndOutcomeOrderByPaidOnAscIdAsc(Long tenantRef, XeroPayment.Outcome outcome);

    List<XeroPayment> findByOutcomeInAndUpdatedAtGreaterThanEqualAndUpdatedAtLessThanOrderByUpdatedAtAscIdAsc(
            Collection<XeroPayment.Outcome> outcomes, Instant from, Instant to);
}
