package io.toktik.tests;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The repositories on the PostgreSQL server at 127.0.0.1:5432 (skipped outside CI when it is not there). */
class ServerRepositoriesIT extends RepositoriesContract {
    @Override
    protected JdbcClient database() {
        return TestDatabase.server();
    }
}
