package io.nohold.desk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * Finds the Camunda Form a task shows in the Tasklist, the way the Tasklist finds it: through the task's
 * {@code camunda:formRef} (or a {@code camunda-forms:deployment:} form key) and its binding. Parsed forms are kept
 * per deployed form definition, which never changes once deployed; a new version of a form is a new definition.
 */
final class TaskForms {

    private static final String CAMUNDA_FORMS_IN_DEPLOYMENT = "camunda-forms:deployment:";

    private static final String DEPLOYMENT = "deployment";

    private final Map<String, TaskForm> parsed = new ConcurrentHashMap<>();

    /** Forms bound to their deployment ({@code camunda:formRefBinding="deployment"}), by deployment and key. */
    private final Map<String, TaskForm> byReference = new ConcurrentHashMap<>();

    /** The task's Camunda Form, or null when it has none (a standalone task, an embedded or generated form, or none). */
    TaskForm of(CommandContext context, TaskEntity task) {
        if (task.getTaskDefinition() == null || task.getTaskDefinition().getTaskFormHandler() == null) {
            return null;
        }
        TaskFormData formData = task.getTaskDefinition().getTaskFormHandler().createTaskForm(task);
        CamundaFormRef ref = formData.getCamundaFormRef();
        if (ref != null && ref.getKey() != null) {
            if (!DEPLOYMENT.equals(ref.getBinding())) {
                // "latest" moves with every deployment, and a version number comes back when its deployment is deleted
                return definedBy(context, task, ref, formData.getDeploymentId());
            }
            // bound to the task's own deployment: the same definition for as long as the task exists
            return byReference.computeIfAbsent(formData.getDeploymentId() + "/" + ref.getKey(),
                    reference -> definedBy(context, task, ref, formData.getDeploymentId()));
        }
        String formKey = formData.getFormKey();
        if (formKey != null && formKey.startsWith(CAMUNDA_FORMS_IN_DEPLOYMENT)) {
            String resource = formKey.substring(CAMUNDA_FORMS_IN_DEPLOYMENT.length());
            return parsed.computeIfAbsent(formData.getDeploymentId() + "/" + resource,
                    id -> read(context, formData.getDeploymentId(), resource));
        }
        return null;
    }

    private TaskForm definedBy(CommandContext context, TaskEntity task, CamundaFormRef ref, String deploymentId) {
        CamundaFormDefinition definition = context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
        if (definition == null) {
            throw new NotFoundException("the form " + ref.getKey() + " of task " + task.getId() + " is not deployed");
        }
        return parsed.computeIfAbsent(definition.getId(),
                id -> read(context, definition.getDeploymentId(), definition.getResourceName()));
    }

    private static TaskForm read(CommandContext context, String deploymentId, String resourceName) {
        ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
        if (resource == null) {
            throw new NotFoundException("the form " + resourceName + " is not in deployment " + deploymentId);
        }
        try {
            return FormReader.read(resource.getBytes());
        }
        catch (IllegalArgumentException e) {
            throw new ProcessEngineException(resourceName + ": " + e.getMessage(), e);
        }
    }

}
