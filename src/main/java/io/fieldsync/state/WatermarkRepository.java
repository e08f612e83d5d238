package io.fieldsync.state;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WatermarkRepository extends JpaRepository<Watermark, Watermark.Key> {
}
