package io.toktik.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.toktik.core.db.EmbeddedDatabase;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database: PostgreSQL started in-process (default), or a PostgreSQL server ({@code TOKTIK_DB=postgres}). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(property = "toktik.db.type", value = "embedded", isDefault = true)
    static class Embedded {
        @Bean(destroyMethod = "close")
        EmbeddedDatabase embeddedDatabase(TokTikProperties props) throws IOException {
            return EmbeddedDatabase.start(props.dataDir());
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedDatabase db) {
            return pool(db.jdbcUrl(), db.user(), null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(property = "toktik.db.type", value = "postgres")
    static class Postgres {
        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(TokTikProperties props) {
            TokTikProperties.Db db = props.db();
            if (db.url() == null || db.url().isBlank()) {
                throw new IllegalStateException("TOKTIK_DB=postgres needs TOKTIK_DB_URL (e.g. jdbc:postgresql://localhost:5432/toktik)");
            }
            return pool(db.url(), db.user(), db.password());
        }
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("toktik");
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) config.setUsername(user);
        if (password != null && !password.isBlank()) config.setPassword(password);
        // Small pools: several processes share one PostgreSQL (max_connections is often 100).
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(2);
        return new HikariDataSource(config);
    }

}
