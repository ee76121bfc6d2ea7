package io.toktik.server.config;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code toktik.roles} (all roles when absent or empty) includes the annotated role. */
final class RoleCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String role = (String) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        String roles = context.getEnvironment().getProperty("toktik.roles", "");
        if (roles.isBlank()) return true;
        return Arrays.stream(roles.split(",")).map(r -> r.trim().toLowerCase(Locale.ROOT)).anyMatch(role::equals);
    }
}
