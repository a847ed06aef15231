package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitlesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Early Palliative Care for Patients with Metastatic Non-Small-Cell Lung Cancer.|early palliative care for patients with metastatic non small cell lung cancer",
            "EARLY PALLIATIVE CARE for patients with metastatic non–small-cell lung cancer|early palliative care for patients with metastatic non small cell lung cancer",
            "Effect of <i>in vitro</i> exposure|effect of in vitro exposure",
            "Caf&eacute; &amp; tea: a &#8220;review&#8221;|caf eacute tea a review",
            "Qualité de vie en soins palliatifs|qualite de vie en soins palliatifs",
            "[Palliative care in general practice]|palliative care in general practice",
            "[Palliative care in general practice].|palliative care in general practice",
            "Palliative care in general practice [Chinese]|palliative care in general practice",
            "Palliative care in general practice [Article in German]|palliative care in general practice",
            "A study of {T}-cell {\\it in vivo} response|a study of t cell in vivo response",
            "Straße und Ærø|strasse und aero",
    })
    void normalisesForComparison(String raw, String expected) {
        assertThat(Titles.normalise(raw)).isEqualTo(expected);
    }

    @Test
    void keepsBracketsThatAreNotALanguageNote() {
        assertThat(Titles.normalise("Outcomes of care [a randomised trial]")).isEqualTo("outcomes of care a randomised trial");
        assertThat(Titles.normalise("Results (phase II)")).isEqualTo("results phase ii");
    }

    @Test
    void blankTitlesAreNull() {
        assertThat(Titles.normalise(null)).isNull();
        assertThat(Titles.normalise("  ")).isNull();
        assertThat(Titles.normalise("...")).isNull();
        assertThat(Titles.display(" <b> </b> ")).isNull();
    }

    @Test
    void displayKeepsCaseAndWordingButDropsMarkup() {
        assertThat(Titles.display("  Early   <i>palliative</i> care.  ")).isEqualTo("Early palliative care");
        assertThat(Titles.display("Wait for it...")).isEqualTo("Wait for it...");
        assertThat(Titles.display("A &lt;b&gt; c")).isEqualTo("A <b> c");
    }

    @Test
    void recognisesTranslatedTitles() {
        assertThat(Titles.isTranslated("[Palliative care in Germany].")).isTrue();
        assertThat(Titles.isTranslated("Palliative care [in Germany]")).isFalse();
        assertThat(Titles.isTranslated("[A] and [B]")).isFalse();
    }

    @Test
    void dropsEditorialNotesButKeepsTheTitle() {
        assertThat(Titles.withoutNotes("Gain-of-function mutations in factor B.[Erratum appears in Proc Natl Acad Sci U S A. 2007;104(25):10749]"))
                .isEqualTo("Gain-of-function mutations in factor B.");
        assertThat(Titles.withoutNotes("Atypical HUS (multiple letters) [1]")).isEqualTo("Atypical HUS");
        assertThat(Titles.withoutNotes("HPV testing in cervical screening. [Review] [72 refs]")).isEqualTo("HPV testing in cervical screening.");
        assertThat(Titles.withoutNotes("Research on fast track surgery LA: Chi")).isEqualTo("Research on fast track surgery");
        assertThat(Titles.withoutNotes("Palliative care in la Paz")).isEqualTo("Palliative care in la Paz");
        assertThat(Titles.withoutNotes("Outcomes of care [a randomised trial]")).isEqualTo("Outcomes of care [a randomised trial]");
    }
}
