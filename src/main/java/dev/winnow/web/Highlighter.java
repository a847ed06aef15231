package dev.winnow.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Marks include and exclude terms in untrusted text for HTML. Matching runs on the raw text;
 * every piece of it is HTML-escaped before it is written, and only our own {@code <mark>} tags are
 * added around escaped pieces, so no character of the record ever reaches the page unescaped.
 * Terms match whole words, case-insensitively; longer terms win over shorter ones inside them.
 */
public final class Highlighter {
    private final List<String> include;
    private final List<String> exclude;

    public Highlighter(List<String> include, List<String> exclude) {
        this.include = clean(include);
        this.exclude = clean(exclude);
    }

    public static Highlighter none() {
        return new Highlighter(List.of(), List.of());
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    private record Span(int start, int end, boolean in) {
    }

    /** The text as safe HTML with {@code <mark class="in">} / {@code <mark class="ex">} around terms. */
    public String html(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<Span> spans = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        find(lower, exclude, false, spans);
        find(lower, include, true, spans);
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end() - s.start())));
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at) {
                continue; // overlaps an earlier, longer mark
            }
            escape(text, at, s.start(), out);
            out.append(s.in() ? "<mark class=\"in\">" : "<mark class=\"ex\">");
            escape(text, s.start(), s.end(), out);
            out.append("</mark>");
            at = s.end();
        }
        escape(text, at, text.length(), out);
        return out.toString();
    }

    private static void find(String lower, List<String> terms, boolean in, List<Span> spans) {
        for (String t : terms) {
            int from = 0;
            while (true) {
                int i = lower.indexOf(t, from);
                if (i < 0) {
                    break;
                }
                int end = i + t.length();
                if (boundary(lower, i - 1) && boundary(lower, end)) {
                    spans.add(new Span(i, end, in));
                }
                from = i + 1;
            }
        }
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    /** HTML-escapes text[from, to) into out: &amp; &lt; &gt; &quot; &#39;. */
    public static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static List<String> clean(List<String> terms) {
        return terms == null ? List.of() : terms.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
