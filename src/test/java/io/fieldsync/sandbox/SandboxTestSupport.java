package io.fieldsync.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class on a free port, wiped before every test. */
abstract class SandboxTestSupport {
    static XeroSandbox sandbox;
    SandboxClient client;

    @BeforeAll
    static void startSandbox() {
        sandbox = new XeroSandbox(SandboxSettings.defaults());
        sandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void freshOrganisation() {
        sandbox.reset();
        client = new SandboxClient(sandbox);
    }
}
