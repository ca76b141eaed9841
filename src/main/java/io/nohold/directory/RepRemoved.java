package io.nohold.directory;

/**
 * Published, inside the administrator's transaction, when someone leaves the directory: whoever holds their open tasks
 * hands them on before their Camunda user is deleted.
 */
public record RepRemoved(String id, String regionId, Role role) {
}
