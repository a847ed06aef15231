package dev.winnow.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A charting form: the questions asked of every included source, in sections. Defined as data
 * ({@code chart-form.yaml}); each saved change is a new version, and entries keep the version they
 * were made with.
 */
public record ChartingForm(String name, String description, ChartingProcess process, List<Section> sections) {
    public ChartingForm {
        sections = sections == null ? List.of() : List.copyOf(sections);
        process = process == null ? ChartingProcess.DUAL : process;
    }

    /** Every top-level field, in form order. */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(s.fields()));
        return out;
    }

    /** Top-level fields by key. */
    public Map<String, Field> fieldsByKey() {
        Map<String, Field> m = new LinkedHashMap<>();
        fields().forEach(f -> m.put(f.key(), f));
        return m;
    }

    /**
     * The field a path names: "country" or "components.category" (a group's subfield). Null when
     * the form has no such field.
     */
    public Field field(String path) {
        int dot = path.indexOf('.');
        Field top = fieldsByKey().get(dot < 0 ? path : path.substring(0, dot));
        if (top == null || dot < 0) {
            return top;
        }
        return top.type() == FieldType.GROUP ? top.subfield(path.substring(dot + 1)) : null;
    }
}
