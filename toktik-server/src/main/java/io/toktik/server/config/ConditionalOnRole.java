package io.toktik.server.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Registers the bean only when this process runs the given role ({@code TOKTIK_ROLES}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(RoleCondition.class)
public @interface ConditionalOnRole {
    String API = "api";
    String WORKER = "worker";
    String REALTIME = "realtime";

    String value();
}
