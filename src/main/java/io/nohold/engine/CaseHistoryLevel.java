package io.nohold.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level {@value #NAME}: everything of Camunda's {@code full} level but the detail row written for every
 * single variable update. The case's own history (who did what, when, with which outcome) lives in NoHold's
 * case_event table; variable instances, activities, tasks, decisions, incidents and the user operation log are kept.
 * A contact writes about a third fewer rows than with {@code full} (see docs/performance.md).
 */
@Component
class CaseHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

    static final String NAME = "nohold";

    @Override
    public int getId() {
        return 15;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL.equals(eventType);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(this);
        configuration.setCustomHistoryLevels(levels);
    }

}
