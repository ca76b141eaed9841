package io.nohold.desk;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TaskFormGuard} in the engine, so that a task takes only its form's fields through every door at
 * once: the Tasklist, the engine REST API, the Tasklist's own API and the Java API. A filter in front of the REST
 * paths would have to know every path and body that carries variables, in two URL spaces, and would leave the Java
 * API open. The services are replaced before the engine initialises them; the engine then gives them its command
 * executor and hands them to everything that asks for a task or form service.
 */
@Component
class TaskFormPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseDisplay> display;

    /** The display needs the engine's services, so it is looked up when the first form is read. */
    TaskFormPlugin(ObjectProvider<CaseDisplay> display) {
        this.display = display;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getTaskService().getClass() != TaskServiceImpl.class
                || configuration.getFormService().getClass() != FormServiceImpl.class) {
            throw new IllegalStateException("another plugin replaced the engine's task or form service; "
                    + "the task form guard would not see every call");
        }
        TaskFormGuard guard = new TaskFormGuard(new TaskForms());
        configuration.setTaskService(new GuardedTaskService(guard));
        configuration.setFormService(new GuardedFormService(guard, caseNumber -> display.getObject().of(caseNumber)));
    }

}
