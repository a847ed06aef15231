package dev.winnow.protocol;

/**
 * The pre-registered rule for stopping screening early with ranking (see rank/), fixed before
 * screening starts: its name (e.g. "buscar" for Callaghan &amp; Müller-Hansen's hypergeometric test),
 * the recall it must reach and the confidence with which it must reach it.
 */
public record StoppingRule(String name, Double targetRecall, Double confidence) {
}
