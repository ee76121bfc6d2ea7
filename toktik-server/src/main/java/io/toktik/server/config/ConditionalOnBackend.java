package io.toktik.server.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers the bean when the port's {@code type} property names this backend. The embedded backend
 * ({@code isDefault}) also matches when the property is absent or empty: a backend is never chosen
 * because some URL happens to be set.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(BackendCondition.class)
public @interface ConditionalOnBackend {
    /** The property, e.g. {@code toktik.db.type}. */
    String property();

    String value();

    boolean isDefault() default false;
}
