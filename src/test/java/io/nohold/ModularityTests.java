package io.nohold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        Path diagram = docs.resolve("components.puml");
        assertThat(diagram).exists();
        // the generator lists the dependencies in no fixed order; sorted, the committed file changes only with the code
        List<String> lines = Files.readAllLines(diagram);
        List<String> arrows = lines.stream().filter(line -> line.contains(".[#")).sorted().toList();
        int first = lines.indexOf(lines.stream().filter(line -> line.contains(".[#")).findFirst().orElseThrow());
        List<String> sorted = new java.util.ArrayList<>(lines.stream().filter(line -> !line.contains(".[#")).toList());
        sorted.addAll(first, arrows);
        Files.write(diagram, sorted);
    }

}
