package io.nohold.board;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The board's page: {@code /board} leads to it. It lives beside the webapps ({@code /camunda/board/}, static files in
 * {@code static/camunda/board}) so that it shares their sign-in: their session cookie, and the CSRF cookie that they
 * set for their own path and the page sends back in {@code X-XSRF-TOKEN}. It calls {@code GET /api/board}.
 */
@Configuration(proxyBeanMethods = false)
class BoardPage implements WebMvcConfigurer {

    private final String page;

    BoardPage(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.page = webappPath + "/board/";
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/board", page);
        registry.addRedirectViewController("/board/", page);
        registry.addViewController(page).setViewName("forward:" + page + "index.html");
    }

}
