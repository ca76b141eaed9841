package io.nohold.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every /api request body is read through the size limit, before authentication, and then strictly: Spring MVC's
 * object mapper (the engine REST API has its own) refuses what Jackson would otherwise quietly accept.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    /** A contact's body may also carry its files in base64 (4 characters for 3 bytes) within the per-contact limit. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimit(
            @Value("${nohold.attachments.max-per-contact:20MB}") DataSize attachmentsPerContact) {
        long contactLimit = RequestSizeLimitFilter.LIMIT_BYTES + (attachmentsPerContact.toBytes() + 2) / 3 * 4 + 16 * 1024;
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(contactLimit));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Strict reading of request bodies: a field nobody reads, a key sent twice (Jackson would keep the last) or
     * anything after the object is refused, and a value of the wrong JSON type is never converted: not {@code 12} or
     * {@code true} into a text, not {@code "12"} into a number or {@code "yes"} into a boolean, not a number into an
     * enum. Each failure becomes a 400 naming the field ({@link ApiErrorHandler}).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder
            .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

}
