package dev.winnow.report.flow;

/**
 * A broken PRISMA invariant: the numbers would not add up, so the diagram is not drawn.
 *
 * @param rule    the invariant, in PRISMA's words ("records screened = records identified − records removed")
 * @param message what the data says, with the numbers and the likely cause
 */
public record Violation(String rule, String message) {
    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
