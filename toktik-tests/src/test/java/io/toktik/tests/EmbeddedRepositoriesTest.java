package io.toktik.tests;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The repositories on the embedded PostgreSQL. */
class EmbeddedRepositoriesTest extends RepositoriesContract {
    @Override
    protected JdbcClient database() {
        return TestDatabase.embedded();
    }
}
