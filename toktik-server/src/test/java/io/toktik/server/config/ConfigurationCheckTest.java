package io.toktik.server.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ConfigurationCheckTest {
    private final ConfigurationCheck check = new ConfigurationCheck();

    @Test
    void knownBackendsAndRoles_pass_inAnyCaseAndSpacing() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("toktik.db.type", "Postgres")
                .withProperty("toktik.storage.type", "s3")
                .withProperty("toktik.queue.type", "rabbitmq")
                .withProperty("toktik.events.type", "")
                .withProperty("toktik.roles", "api, worker,realtime");
        assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void unknownBackendType_namesTheVariableAndTheChoices() {
        MockEnvironment env = new MockEnvironment().withProperty("toktik.storage.type", "s4");
        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .hasMessage("TOKTIK_STORAGE=s4 is not one of fs, s3");
    }

    @Test
    void unknownRole_namesTheChoices() {
        MockEnvironment env = new MockEnvironment().withProperty("toktik.roles", "api,wroker");
        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .hasMessage("TOKTIK_ROLES=wroker is not one of api, worker, realtime");
    }
}
