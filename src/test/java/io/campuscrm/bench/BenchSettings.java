package io.campuscrm.bench;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import io.campuscrm.demo.DemoScale;

/**
 * What a benchmark run does, from system properties: the demo data scale ({@code -Dbench.<component>=<number>} for
 * every component of {@link DemoScale}, e.g. {@code -Dbench.staffPerRole=500}, {@code -Dbench.students=100000};
 * the rest as in the benchmark's default scale, {@link DemoScale#DEMO} unless it names another), and
 * {@code -Dbench.warmup} /
 * {@code -Dbench.iterations} per operation. Read by reflection, so new scale components need no change here.
 */
record BenchSettings(DemoScale scale, int warmup, int iterations) {

    static BenchSettings fromSystemProperties() {
        return fromSystemProperties(DemoScale.DEMO);
    }

    /** As {@link #fromSystemProperties()}, with a benchmark's own default scale for what is not set. */
    static BenchSettings fromSystemProperties(DemoScale defaults) {
        return new BenchSettings(scaleFromSystemProperties(defaults), Integer.getInteger("bench.warmup", 20),
                Integer.getInteger("bench.iterations", 200));
    }

    /** The scale's components by name, for the report. */
    Map<String, Object> scaleComponents() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : DemoScale.class.getRecordComponents()) {
            values.put(component.getName(), value(component, scale));
        }
        return values;
    }

    private static DemoScale scaleFromSystemProperties(DemoScale defaults) {
        RecordComponent[] components = DemoScale.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String property = System.getProperty("bench." + components[i].getName());
            values[i] = property == null || property.isBlank() ? value(components[i], defaults)
                    : parse(property.strip(), types[i], components[i].getName());
        }
        try {
            return DemoScale.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DemoScale cannot be built from " + java.util.Arrays.toString(values), e);
        }
    }

    private static Object value(RecordComponent component, DemoScale scale) {
        try {
            return component.getAccessor().invoke(scale);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(String value, Class<?> type, String name) {
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(value.replace("_", ""));
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(value.replace("_", ""));
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(value);
            }
            if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(value);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dbench." + name + "=" + value + " is not a " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException("-Dbench." + name + ": DemoScale's " + type.getSimpleName()
                + " components cannot be set from the command line");
    }
}
