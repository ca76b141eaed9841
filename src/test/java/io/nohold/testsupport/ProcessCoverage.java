package io.nohold.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Flow-node and sequence-flow coverage of the process models by the tests. Sequence flows are recorded as they are
 * taken (a parse listener adds a take listener to each); flow nodes come from the engine's activity history.
 */
public final class ProcessCoverage extends AbstractProcessEnginePlugin {

    /** Per process key and case number (business key): the sequence flows taken. */
    private static final Map<String, Map<String, Set<String>>> TAKEN = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
                String processKey = ((org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
                String flowId = transition.getId();
                transition.addListener(ExecutionListener.EVENTNAME_TAKE,
                        execution -> TAKEN.computeIfAbsent(processKey, k -> new ConcurrentHashMap<>())
                            .computeIfAbsent(String.valueOf(((org.camunda.bpm.engine.delegate.DelegateExecution) execution).getProcessBusinessKey()), k -> ConcurrentHashMap.newKeySet())
                            .add(flowId));
            }
        });
    }

    /**
     * Coverage of one model, from its file in processes/, by the cases given: a test class measures what its own
     * cases covered, whichever other test classes ran before it.
     */
    public static Result measure(HistoryService history, String processKey, Path model, Set<String> caseNumbers)
            throws IOException {
        BpmnModelInstance instance;
        try (InputStream in = Files.newInputStream(model)) {
            instance = Bpmn.readModelFromStream(in);
        }
        Set<String> nodes = ids(instance.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
        Set<String> flows = ids(instance.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
        Set<String> visited = new TreeSet<>();
        for (String caseNumber : caseNumbers) {
            history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(caseNumber)
                .list()
                .forEach(historic -> history.createHistoricActivityInstanceQuery()
                    .processInstanceId(historic.getId())
                    .list()
                    .forEach(activity -> visited.add(activity.getActivityId())));
        }
        Set<String> coveredNodes = new TreeSet<>(nodes);
        coveredNodes.retainAll(visited);
        Set<String> coveredFlows = new TreeSet<>(flows);
        Set<String> taken = new TreeSet<>();
        TAKEN.getOrDefault(processKey, Map.of())
            .entrySet()
            .stream()
            .filter(entry -> caseNumbers.contains(entry.getKey()))
            .forEach(entry -> taken.addAll(entry.getValue()));
        coveredFlows.retainAll(taken);
        // the engine does not "take" the flows out of an event-based gateway: they count when their event was reached
        instance.getModelElementsByType(SequenceFlow.class)
            .stream()
            .filter(flow -> flow.getSource() instanceof EventBasedGateway && visited.contains(flow.getTarget().getId()))
            .forEach(flow -> coveredFlows.add(flow.getId()));
        return new Result(processKey, nodes, coveredNodes, flows, coveredFlows);
    }

    public static void write(Path directory, List<Result> results) throws IOException {
        Files.createDirectories(directory);
        StringBuilder md = new StringBuilder("# Process test coverage\n\n| process | flow nodes | sequence flows | total |\n|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            md.append(String.format("| %s | %d/%d | %d/%d | %.1f %% |%n", r.processKey(), r.coveredNodes().size(),
                    r.nodes().size(), r.coveredFlows().size(), r.flows().size(), r.percent()));
            json.append(String.format(java.util.Locale.ROOT,
                    "  {\"process\": \"%s\", \"flowNodes\": %d, \"flowNodesCovered\": %d, \"sequenceFlows\": %d, "
                            + "\"sequenceFlowsCovered\": %d, \"percent\": %.1f, \"missed\": [%s]}%s%n",
                    r.processKey(), r.nodes().size(), r.coveredNodes().size(), r.flows().size(), r.coveredFlows().size(),
                    r.percent(), r.missed().stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")),
                    i < results.size() - 1 ? "," : ""));
        }
        json.append("]\n");
        for (Result r : results) {
            md.append("\nNot covered in ").append(r.processKey()).append(": ")
                .append(r.missed().isEmpty() ? "nothing" : String.join(", ", r.missed())).append('\n');
        }
        Files.writeString(directory.resolve("report.md"), md.toString());
        Files.writeString(directory.resolve("report.json"), json.toString());
    }

    private static Set<String> ids(Collection<String> ids) {
        return new TreeSet<>(ids);
    }

    public record Result(String processKey, Set<String> nodes, Set<String> coveredNodes, Set<String> flows,
            Set<String> coveredFlows) {

        public double percent() {
            int total = nodes.size() + flows.size();
            return total == 0 ? 100 : 100.0 * (coveredNodes.size() + coveredFlows.size()) / total;
        }

        public List<String> missed() {
            Set<String> missed = new TreeSet<>(nodes);
            missed.removeAll(coveredNodes);
            Set<String> missedFlows = new TreeSet<>(flows);
            missedFlows.removeAll(coveredFlows);
            missed.addAll(missedFlows);
            return List.copyOf(missed);
        }

    }

}
