package dev.winnow.chart;

/** Where in the source's full text an answer came from: a PDF page and/or the quoted words. */
public record Location(Integer page, String quote) {
}
