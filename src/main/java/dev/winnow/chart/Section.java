package dev.winnow.chart;

import java.util.List;

/** A titled part of a charting form. */
public record Section(String title, String help, List<Field> fields) {
    public Section {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
