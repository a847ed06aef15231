package dev.winnow.chart;

/** Two chartings of one source disagree at {@code path}; a side with no answer is null. */
public record Difference(String path, String label, Object first, Object second) {
}
