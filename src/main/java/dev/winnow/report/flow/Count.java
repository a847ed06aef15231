package dev.winnow.report.flow;

/** A labelled number in a box: "MEDLINE (n = 84)", "Wrong population (n = 12)". */
public record Count(String label, long n) {
}
