package dev.winnow.protocol;

import java.util.List;

/**
 * One eligibility criterion, as data: what it is about (PCC element or another limit), the wording
 * that includes and the wording that excludes, and keywords the screening view highlights.
 *
 * @param id short stable name used for per-criterion answers in decisions ("population")
 */
public record Criterion(String id, Element element, String include, String exclude, List<String> keywords) {
    public Criterion {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
