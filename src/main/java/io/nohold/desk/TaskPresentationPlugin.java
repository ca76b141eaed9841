package io.nohold.desk;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskPresentation} and {@link SupervisorsReadTheirRegionsContacts} to every user task of every deployed model, after the model's own listeners, so
 * designers need not remember it and the presentation sees the task as the model set it up.
 */
@Component
class TaskPresentationPlugin extends AbstractProcessEnginePlugin {

    private final TaskListener presentation;

    private final TaskListener supervisorsRead;

    /** The listeners need the engine's services, so they are looked up when the first task appears. */
    TaskPresentationPlugin(ObjectProvider<TaskPresentation> presentation,
            ObjectProvider<SupervisorsReadTheirRegionsContacts> supervisorsRead) {
        this.presentation = task -> presentation.getObject().notify(task);
        this.supervisorsRead = task -> supervisorsRead.getObject().notify(task);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, presentation);
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, supervisorsRead);
            }

        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

}
