package io.campuscrm.shared.audit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Something a user did that the audit log keeps: who is taken from the security context when it is written.
 *
 * @param action     what happened
 * @param entityType the kind of thing, e.g. {@code User}, {@code Campus}
 * @param entityId   its id, when it has one
 * @param summary    one line for the list, in each reader's language ({@code audit.user.created}: "Created user
 *                   jdoe")
 * @param details    what changed, field by field ({@code roles: [TEACHER] → [TEACHER, FINANCE]})
 */
public record AuditEvent(AuditAction action, String entityType, @Nullable String entityId,
        AuditSummary summary, @Nullable String details) {

    public static AuditEvent created(String entityType, Object id, AuditSummary summary, Record state) {
        return new AuditEvent(AuditAction.CREATE, entityType, String.valueOf(id), summary, describe(state));
    }

    /** An update listing only the fields whose values differ between two snapshots of the same record type. */
    public static AuditEvent updated(String entityType, Object id, AuditSummary summary, Record before,
            Record after) {
        return new AuditEvent(AuditAction.UPDATE, entityType, String.valueOf(id), summary, diff(before, after));
    }

    public static AuditEvent of(AuditAction action, String entityType, @Nullable Object id,
            AuditSummary summary) {
        return new AuditEvent(action, entityType, id == null ? null : String.valueOf(id), summary, null);
    }

    /** {@code name: old → new} for each component that changed, one per line. */
    public static String diff(Record before, Record after) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("Snapshots of different types");
        }
        List<String> changes = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            Object a = value(component, before);
            Object b = value(component, after);
            if (!Objects.equals(normalise(a), normalise(b))) {
                changes.add(component.getName() + ": " + format(a) + " → " + format(b));
            }
        }
        return String.join("\n", changes);
    }

    static String describe(Record state) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : state.getClass().getRecordComponents()) {
            fields.add(component.getName() + ": " + format(value(component, state)));
        }
        return String.join("\n", fields);
    }

    private static @Nullable Object value(RecordComponent component, Record record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true); // snapshots are often private records of the publishing service
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets compare regardless of order. */
    private static @Nullable Object normalise(@Nullable Object value) {
        return value instanceof Collection<?> c ? c.stream().map(String::valueOf).sorted().toList() : value;
    }

    private static String format(@Nullable Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
        }
        return value == null ? "—" : String.valueOf(value);
    }
}
