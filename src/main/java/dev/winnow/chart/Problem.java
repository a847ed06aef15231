package dev.winnow.chart;

/** Something wrong with an entry's answer: where ("components[2].category") and what. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
