package io.nohold.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.desk.CaseDisplay;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What a process designer can break in processes/ without noticing: ids and messages the code relies on, delegate
 * expressions without a bean, forms that are not deployed, a missing history time to live, and new versions on
 * every restart.
 */
@NoHoldTest
class ProcessModelTests {

    static final Path PROCESSES = Path.of("processes");

    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessModelDeployer deployer;

    @Test
    void everyElementIdNamedInCodeExistsInItsModel() throws Exception {
        assertIdsExist(ContactLifecycleProcess.Elements.class, model(ContactLifecycleProcess.RESOURCE));
        assertIdsExist(SupervisorEscalationProcess.Elements.class, model(SupervisorEscalationProcess.RESOURCE));
    }

    @Test
    void theMessageNamedInCodeIsDeclaredAndCaught() throws Exception {
        BpmnModelInstance model = model(ContactLifecycleProcess.RESOURCE);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
            .contains(ContactLifecycleProcess.MESSAGE_CUSTOMER_REPLIED);
        assertThat(Files.readString(PROCESSES.resolve(ContactLifecycleProcess.RESOURCE))).contains("messageRef=\"Message_CustomerReplied\"");
    }

    @Test
    void everyDelegateExpressionResolvesToABean() throws Exception {
        List<String> beans = new ArrayList<>();
        for (Path bpmn : files(".bpmn")) {
            Matcher matcher = Pattern.compile("delegateExpression=\"([^\"]*)\"").matcher(Files.readString(bpmn));
            while (matcher.find()) {
                Matcher bean = EXPRESSION.matcher(matcher.group(1));
                assertThat(bean.matches()).as("%s: %s is a plain bean expression", bpmn, matcher.group(1)).isTrue();
                beans.add(bean.group(1));
            }
        }
        assertThat(beans).hasSizeGreaterThan(15);
        assertThat(beans).allSatisfy(bean -> assertThat(context.containsBean(bean)).as("bean %s", bean).isTrue());
    }

    @Test
    void everyUserTaskHasADeployedFormWhoseInputsTheProcessKnows() throws Exception {
        Deployment deployment = deployer.deploy();
        Set<String> deployedForms = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(deployment.getId(), resource)) {
                    JsonNode form = json.readTree(in);
                    deployedForms.add(form.get("id").asText());
                    assertInputsAreKnownVariables(resource, form);
                }
            }
        }
        for (Path bpmn : files(".bpmn")) {
            for (UserTask task : model(bpmn.getFileName().toString()).getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isNotBlank();
                assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
                assertThat(deployedForms).as("deployed forms").contains(task.getCamundaFormRef());
            }
        }
    }

    @Test
    void everyProcessAndDecisionSetsHistoryTimeToLive() throws Exception {
        for (Path bpmn : files(".bpmn")) {
            for (Process process : model(bpmn.getFileName().toString()).getModelElementsByType(Process.class)) {
                assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId()).isNotBlank();
            }
        }
        for (Path dmn : files(".dmn")) {
            DmnModelInstance model;
            try (InputStream in = Files.newInputStream(dmn)) {
                model = Dmn.readModelFromStream(in);
            }
            Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
            assertThat(decisions).isNotEmpty();
            assertThat(decisions).allSatisfy(d -> assertThat(d.getCamundaHistoryTimeToLiveString()).as(d.getId()).isNotBlank());
        }
    }

    @Test
    void deployingUnchangedModelsAgainCreatesNoNewVersions() throws Exception {
        Deployment first = deployer.deploy();
        long definitions = repository.createProcessDefinitionQuery().count();

        Deployment again = deployer.deploy();

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ContactLifecycleProcess.KEY).count()).isEqualTo(1);
        try (Stream<Path> files = Files.list(PROCESSES)) {
            Set<String> modelFiles = new HashSet<>(files.map(p -> p.getFileName().toString())
                .filter(name -> name.matches(".+\\.(bpmn|dmn|form)"))
                .toList());
            // bare file names, the same from target/classes and from the packaged jar
            assertThat(repository.getDeploymentResourceNames(again.getId())).containsExactlyInAnyOrderElementsOf(modelFiles);
        }
    }

    private static void assertIdsExist(Class<?> contract, BpmnModelInstance model) throws IllegalAccessException {
        List<String> ids = new ArrayList<>();
        for (Field field : contract.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                ids.add((String) field.get(null));
            }
        }
        assertThat(ids).isNotEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(model.<BaseElement>getModelElementById(id)).as("element %s", id).isNotNull());
    }

    private static void assertInputsAreKnownVariables(String resource, JsonNode form) throws IllegalAccessException {
        Set<String> known = new HashSet<>();
        for (Class<?> contract : List.of(ContactLifecycleProcess.Variables.class, SupervisorEscalationProcess.Variables.class)) {
            for (Field field : contract.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    known.add((String) field.get(null));
                }
            }
        }
        for (JsonNode component : form.get("components")) {
            if (!component.has("key")) {
                continue;
            }
            String key = component.get("key").asText();
            if (component.path("disabled").asBoolean()) {
                assertThat(CaseDisplay.KEYS.contains(key) || known.contains(key))
                    .as("%s: display field %s is a variable of the contract or a value of the desk", resource, key)
                    .isTrue();
            }
            else {
                assertThat(known).as("%s: input %s is a process variable of the contract", resource, key).contains(key);
                assertThat(CaseDisplay.KEYS).as("%s: input %s is not a display value of the desk", resource, key)
                    .doesNotContain(key);
            }
        }
    }

    private static BpmnModelInstance model(String file) throws IOException {
        try (InputStream in = Files.newInputStream(PROCESSES.resolve(file))) {
            return Bpmn.readModelFromStream(in);
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

}
