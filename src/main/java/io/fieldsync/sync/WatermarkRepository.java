package io.fieldsync.sync;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WatermarkRepository extends JpaRepository<Watermark, Watermark.Key> {
}
