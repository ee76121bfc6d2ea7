package io.toktik.server.config;

import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** See {@link ConditionalOnBackend}. */
final class BackendCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> a = metadata.getAnnotationAttributes(ConditionalOnBackend.class.getName());
        String configured = context.getEnvironment().getProperty((String) a.get("property"), "").trim();
        if (configured.isEmpty()) return (Boolean) a.get("isDefault");
        return configured.equalsIgnoreCase((String) a.get("value"));
    }
}
