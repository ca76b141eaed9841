package io.nohold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules: no cycles between them, and none reaches into another's internals. The module
 * diagram in docs/modules is written from the code, so it cannot drift from it.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(NoHoldApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void theCaseFileDependsOnNoModuleThatWritesIt() {
        assertThat(MODULES.getModuleByName("casefile").orElseThrow().getBootstrapDependencies(MODULES)
            .map(module -> module.getName())
            .toList()).doesNotContain("contact", "lifecycle", "escalation", "desk", "lookup", "notification");
    }

    @Test
    void writesTheModuleDiagramIntoDocs() throws Exception {
        Path docs = Path.of("docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
            .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        assertThat(Files.list(docs).map(Path::getFileName).map(Path::toString)).contains("components.puml");
    }

}
