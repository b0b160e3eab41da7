package com.fastlightchat.kernel.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of published event types, read from the sealed hierarchy under {@link DomainEvent}: adding a record
 * to a sealed interface registers it. Each concrete record must carry {@link EventType}.
 */
public final class EventTypes {

    /** A published name and version. */
    public record Key(String name, int version) {
        @Override
        public String toString() {
            return name + "@v" + version;
        }
    }

    private static final Map<Class<?>, Key> BY_CLASS;
    private static final Map<Key, Class<? extends DomainEvent>> BY_KEY;

    static {
        Map<Class<?>, Key> byClass = new LinkedHashMap<>();
        Map<Key, Class<? extends DomainEvent>> byKey = new HashMap<>();
        for (Class<? extends DomainEvent> type : concreteTypes(DomainEvent.class)) {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(type.getName() + " lacks @EventType");
            }
            Key key = new Key(annotation.name(), annotation.version());
            if (byKey.put(key, type) != null) {
                throw new IllegalStateException("two event records are published as " + key);
            }
            byClass.put(type, key);
        }
        BY_CLASS = Collections.unmodifiableMap(byClass);
        BY_KEY = Map.copyOf(byKey);
    }

    private EventTypes() {
    }

    public static Key typeOf(Class<?> eventClass) {
        Key key = BY_CLASS.get(eventClass);
        if (key == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event type");
        }
        return key;
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String name, int version) {
        return Optional.ofNullable(BY_KEY.get(new Key(name, version)));
    }

    /** Every published event record, in declaration order. */
    public static List<Class<?>> all() {
        return List.copyOf(BY_CLASS.keySet());
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends DomainEvent>> concreteTypes(Class<?> sealedType) {
        List<Class<? extends DomainEvent>> result = new ArrayList<>();
        for (Class<?> sub : sealedType.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                result.addAll(concreteTypes(sub));
            } else if (sub.isRecord()) {
                result.add((Class<? extends DomainEvent>) sub);
            }
        }
        return result;
    }
}
