package dev.winnow.search;

import java.util.List;

/** A strategy written in one syntax: its lines, and the flags for what could not be said as written. */
public record Translation(Syntax syntax, List<String> lines, List<Flag> flags) {
    public Translation {
        lines = List.copyOf(lines);
        flags = List.copyOf(flags);
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
