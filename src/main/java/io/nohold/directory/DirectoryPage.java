package io.nohold.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The directory's page for administrators: {@code /directory} leads to it. Like the board it lives beside the webapps
 * ({@code /camunda/directory/}, static files in {@code static/camunda/directory}) to share their sign-in: the session
 * cookie and the CSRF cookie set for their path, which the page sends back in {@code X-XSRF-TOKEN}. It only calls
 * {@code /api}, whose rules decide (administrators only for every change).
 */
@Configuration(proxyBeanMethods = false)
class DirectoryPage implements WebMvcConfigurer {

    private final String page;

    DirectoryPage(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.page = webappPath + "/directory/";
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/directory", page);
        registry.addRedirectViewController("/directory/", page);
        registry.addViewController(page).setViewName("forward:" + page + "index.html");
    }

}
