package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {
    @Test
    void escapesEverythingAndMarksWholeWordTermsLongestFirst() {
        Highlighter h = new Highlighter(List.of("palliative", "early palliative care", "GP"), List.of("letter"));
        assertThat(h.html("Early palliative care by GPs & a GP <b>letter</b>"))
                .isEqualTo("<mark class=\"in\">Early palliative care</mark> by GPs &amp; a <mark class=\"in\">GP</mark> "
                        + "&lt;b&gt;<mark class=\"ex\">letter</mark>&lt;/b&gt;");
    }

    @Test
    void hostileTextStaysInertEvenWhenATermIsInsideIt() {
        Highlighter h = new Highlighter(List.of("img", "alert"), List.of("onerror"));
        String out = h.html("<img src=x onerror=alert(1)> \"quoted\" 'single'");
        assertThat(out).doesNotContain("<img").doesNotContain("\"quoted\"").doesNotContain("'single'");
        assertThat(out).isEqualTo("&lt;<mark class=\"in\">img</mark> src=x <mark class=\"ex\">onerror</mark>="
                + "<mark class=\"in\">alert</mark>(1)&gt; &quot;quoted&quot; &#39;single&#39;");
        assertThat(Highlighter.none().html("<script>")).isEqualTo("&lt;script&gt;");
    }
}
