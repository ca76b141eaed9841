package io.nohold.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of processes/ (BPMN, DMN and forms) as one deployment named {@value #DEPLOYMENT_NAME}.
 * Resources are named by their file name alone, so the same files give the same deployment whether the app runs
 * from target/classes or from the packaged jar: restarting with unchanged models creates no new versions, and
 * one changed file creates a new version of the whole set, which keeps forms, decisions and processes together.
 */
@Component
public class ProcessModelDeployer implements SmartInitializingSingleton {

    public static final String DEPLOYMENT_NAME = "nohold-processes";

    static final String LOCATION = "classpath*:processes/*.*";

    private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

    private final RepositoryService repository;

    ProcessModelDeployer(RepositoryService repository) {
        this.repository = repository;
    }

    /** Deploys once the engine is built, before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            deploy();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the process models", e);
        }
    }

    public Deployment deploy() throws IOException {
        Resource[] resources = Arrays.stream(new PathMatchingResourcePatternResolver().getResources(LOCATION))
            .filter(resource -> resource.getFilename() != null && resource.getFilename().matches(".+\\.(bpmn|dmn|form)"))
            .toArray(Resource[]::new);
        if (resources.length == 0) {
            throw new IllegalStateException("no process models found at " + LOCATION);
        }
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        DeploymentBuilder builder = repository.createDeployment()
            .name(DEPLOYMENT_NAME)
            .source("processes/")
            .enableDuplicateFiltering(false);
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
            }
        }
        Deployment deployment = builder.deployWithResult();
        log.info("process models of processes/ deployed as {} ({} files)", deployment.getId(), resources.length);
        return deployment;
    }

}
