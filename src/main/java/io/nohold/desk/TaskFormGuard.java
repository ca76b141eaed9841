package io.nohold.desk;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.nohold.security.Groups;
import io.nohold.desk.TaskForm.Problem;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * What a task may change: only the fields its Camunda Form declares, with the declared type and allowed values, and
 * only by finishing the task. Each check runs first in the engine command that then does what was asked (the engine's
 * own command joins it), so a refused call writes nothing: no variable, no history, the task stays open; and the check
 * and the change see the same task in one transaction. The refusal names every field that is wrong and what the form
 * accepts instead.
 * <ul>
 * <li>Completing (also submitting the form, resolving a delegated task): every variable must be a field of the form
 * with an accepted value, and every required field that the form shows must have a value.</li>
 * <li>Throwing a BPMN error or escalation from the task: the variables passed along must be fields of the form.</li>
 * <li>A task without a Camunda Form takes no variables from users; the application and admins are not limited.</li>
 * <li>Setting or removing a task's variables directly: only the application itself (no user signed in to the engine)
 * and {@code camunda-admin}. The Tasklist does not need it for Camunda Forms.</li>
 * </ul>
 * The caller's permission on the task is checked first, as the engine's command would, so that a caller who may not
 * work on the task learns nothing about its form.
 */
final class TaskFormGuard {

    /** How a task is finished, whether that completes its form, and what its REST door answers with 400. */
    enum Finish {

        /** complete, submit-form: the engine REST API answers a form field validation failure with 400. */
        COMPLETE(true) {
            @Override
            RuntimeException refusal(FieldsRefused refused) {
                return new FormFieldValidationException(refused.fields(), refused.getMessage());
            }
        },
        /** resolve: hands a delegated task back with the form filled; a bad user request is 400. */
        RESOLVE(true),
        /** bpmnError, bpmnEscalation: the task ends without its form being completed; a bad user request is 400. */
        BPMN_ERROR_OR_ESCALATION(false);

        private final boolean completesForm;

        Finish(boolean completesForm) {
            this.completesForm = completesForm;
        }

        RuntimeException refusal(FieldsRefused refused) {
            return new BadUserRequestException(refused.getMessage());
        }

    }

    private final TaskForms forms;

    TaskFormGuard(TaskForms forms) {
        this.forms = forms;
    }

    /**
     * Finishes the task ({@code then}, the engine's own call) unless that would finish it with variables its form does
     * not accept. One command: the task, its variables and its process definition are read once for both.
     */
    <T> T finishing(CommandExecutor engine, String taskId, Map<String, ?> variables, Finish finish, Supplier<T> then) {
        try {
            return engine.execute(context -> {
                finishing(taskId, variables, finish).execute(context);
                return then.get();
            });
        }
        catch (FieldsRefused refused) {
            throw finish.refusal(refused);
        }
    }

    /** Sets or removes the task's variables ({@code then}) unless the caller is not trusted with that. */
    void writingVariables(CommandExecutor engine, String taskId, Runnable then) {
        engine.execute(context -> {
            writingVariables(taskId).execute(context);
            then.run();
            return null;
        });
    }

    private Command<Void> finishing(String taskId, Map<String, ?> variables, Finish finish) {
        return context -> {
            TaskEntity task = task(context, taskId);
            if (task == null) {
                return null;
            }
            checkers(context).forEach(checker -> checker.checkTaskWork(task));
            Map<String, Object> values = SubmittedValues.of(variables);
            TaskForm form = forms.of(context, task);
            List<Problem> problems;
            if (form != null) {
                problems = form.problems(taskName(task), values, finish.completesForm,
                        () -> SubmittedValues.of(task.getVariablesTyped(false)));
            }
            else if (trusted(context)) {
                return null;
            }
            else {
                problems = values.keySet()
                    .stream()
                    .map(name -> new Problem(name,
                            "field '" + name + "' cannot be set: task \"" + taskName(task) + "\" has no form and accepts no fields"))
                    .toList();
            }
            if (!problems.isEmpty()) {
                throw new FieldsRefused(problems.stream().map(Problem::sentence).collect(Collectors.joining("; ")),
                        problems.stream().map(Problem::field).toList());
            }
            return null;
        };
    }

    private Command<Void> writingVariables(String taskId) {
        return context -> {
            TaskEntity task = task(context, taskId);
            if (task == null) {
                return null;
            }
            checkers(context).forEach(checker -> checker.checkUpdateTaskVariable(task));
            if (!trusted(context)) {
                throw new AuthorizationException("the variables of task \"" + taskName(task)
                        + "\" change only by completing its form; setting or removing them directly is for admins");
            }
            return null;
        };
    }

    private static TaskEntity task(CommandContext context, String taskId) {
        return taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    }

    private static List<CommandChecker> checkers(CommandContext context) {
        return context.getProcessEngineConfiguration().getCommandCheckers();
    }

    /** The application itself (nobody signed in to the engine) and admins. */
    private static boolean trusted(CommandContext context) {
        Authentication authentication = context.getAuthentication();
        return authentication == null
                || (authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.ADMIN));
    }

    /** The task's name in the model ("Reach customer"): the task's own name may carry the customer's. */
    private static String taskName(TaskEntity task) {
        ProcessDefinitionEntity definition = task.getProcessDefinitionId() == null ? null : task.getProcessDefinition();
        ActivityImpl activity = definition == null ? null : definition.findActivity(task.getTaskDefinitionKey());
        if (activity != null && activity.getName() != null) {
            return activity.getName();
        }
        return task.getName();
    }

}
