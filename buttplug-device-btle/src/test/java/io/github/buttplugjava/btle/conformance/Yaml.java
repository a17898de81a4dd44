package io.github.buttplugjava.btle.conformance;

import java.util.List;
import java.util.Map;

/** Typed access to the loaded test-case trees. */
final class Yaml {

    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object o) {
        return o == null ? List.of() : (List<T>) o;
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    /** The reference client's float-to-step rule: ceil above 1e-6, floor otherwise (so negatives round away). */
    static int steps(double value, int steps) {
        double v = value * steps;
        return (int) (v > 0.000001 ? Math.ceil(v) : Math.floor(v));
    }

    static byte[] bytes(List<Object> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((Number) values.get(i)).intValue();
        }
        return out;
    }
}
