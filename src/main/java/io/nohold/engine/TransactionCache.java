package io.nohold.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What was read in the current transaction, kept until it ends. Safe only for data with one writer that forgets what
 * it writes: the case file reads a case's record up to a dozen times while one contact is taken in (each delegate,
 * listener and timer asks), and writes it only through its repository; the directory reads a region's calendar and
 * shifts for the promise and again for each ring. Outside a transaction nothing is kept.
 */
public final class TransactionCache<K, V> {

    private final Object key = new Object();

    public Optional<V> get(K id, Function<K, Optional<V>> load) {
        Map<K, Optional<V>> values = values();
        if (values == null) {
            return load.apply(id);
        }
        Optional<V> value = values.get(id);
        if (value == null) {
            value = load.apply(id);
            values.put(id, value);
        }
        return value;
    }

    public void forget(K id) {
        Map<K, Optional<V>> values = current();
        if (values != null) {
            values.remove(id);
        }
    }

    public void forgetAll() {
        Map<K, Optional<V>> values = current();
        if (values != null) {
            values.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<K, Optional<V>> current() {
        return (Map<K, Optional<V>>) TransactionSynchronizationManager.getResource(key);
    }

    private Map<K, Optional<V>> values() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, Optional<V>> values = current();
        if (values == null) {
            Map<K, Optional<V>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(key, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }

            });
            values = fresh;
        }
        return values;
    }

}
