package io.fieldsync.xero;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface XeroTenantRepository extends JpaRepository<XeroTenant, Long> {
    Optional<XeroTenant> findByTenantId(String tenantId);
}
