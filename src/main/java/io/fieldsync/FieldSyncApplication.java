package io.fieldsync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FieldSyncApplication {
    public static void main(String[] args) {
        SpringApplication.run(FieldSyncApplication.class, args);
    }
}
