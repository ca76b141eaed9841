package io.nohold.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of /api that springdoc generates from the controllers ({@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}). It describes and holds no data, so everyone may read it; every call it describes is
 * guarded as before (security.ApiRules).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI noHoldApi() {
        return new OpenAPI()
            .info(new Info().title("NoHold API")
                .description("Contacts in, cases, customers, the directory, the outbox and webhooks. People sign in with "
                        + "HTTP Basic (their Camunda user); channel adapters with an API key (Bearer, or as the Basic "
                        + "password of the channel id). Errors are application/problem+json naming the field.")
                .version("v1"))
            .components(new Components()
                .addSecuritySchemes("person", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes("channelKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
            .addSecurityItem(new SecurityRequirement().addList("person"))
            .addSecurityItem(new SecurityRequirement().addList("channelKey"));
    }

}
