package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbstractMarkupTest {
    @Test
    void jatsSectionsBecomeLabelledParagraphs() {
        String jats = "<jats:sec><jats:title>Background</jats:title><jats:p>Early palliative care improves "
                + "<jats:italic>quality of life</jats:italic>.</jats:p></jats:sec>\n"
                + "<jats:sec><jats:title>Methods</jats:title><jats:p>A cluster trial in 24 practices.</jats:p></jats:sec>";
        assertThat(AbstractMarkup.toText(jats)).isEqualTo(
                "Background: Early palliative care improves quality of life.\n\nMethods: A cluster trial in 24 practices.");
    }

    @Test
    void pubmedLabelsAreKept() {
        String pubmed = "<AbstractText Label=\"BACKGROUND\" NlmCategory=\"BACKGROUND\">Patients with cancer.</AbstractText>"
                + "<AbstractText Label=\"RESULTS\">Survival rose (p &lt; 0.05).</AbstractText>";
        assertThat(AbstractMarkup.toText(pubmed))
                .isEqualTo("BACKGROUND: Patients with cancer.\n\nRESULTS: Survival rose (p < 0.05).");
    }

    @Test
    void entitiesEscapedTwiceAndHtmlComeBackAsText() {
        assertThat(AbstractMarkup.toText("&amp;lt;p&amp;gt;Carers &amp;amp; nurses&amp;lt;/p&amp;gt;"))
                .isEqualTo("Carers & nurses");
        assertThat(AbstractMarkup.toText("CO<sub>2</sub> levels<br/>rose &#8211; twice"))
                .isEqualTo("CO2 levels\nrose \u2013 twice");
    }

    @Test
    void unknownTagsAndPlainTextStayAsTheyAre() {
        assertThat(AbstractMarkup.toText("Children aged <5 years and p<0.05")).isEqualTo("Children aged <5 years and p<0.05");
        assertThat(AbstractMarkup.toText("A <widget> appeared")).isEqualTo("A <widget> appeared");
        String plain = "No markup here.";
        assertThat(AbstractMarkup.toText(plain)).isSameAs(plain);
        assertThat(AbstractMarkup.toText(null)).isNull();
    }
}
