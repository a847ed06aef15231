package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "N Engl J Med|New England Journal of Medicine",
            "N. Engl. J. Med.|The New England Journal of Medicine",
            "J Am Soc Nephrol|Journal of the American Society of Nephrology",
            "Journal of clinical oncology : official journal of the American Society of Clinical Oncology|J Clin Oncol",
            "Zhongguo fei ai za zhi = Chinese journal of lung cancer|Chinese Journal of Lung Cancer",
            "Revargentcardiol|Rev Argent Cardiol",
            "Infectious Agents & Cancer [Electronic Resource]|Infectious Agents and Cancer",
            "Amcis 2017 Proceedings|Americas Conference on Information Systems",
            "Journal of Thrombosis and Haemostasis.Conference: 23rd Congress of the ISTH|J Thromb Haemost",
            "Ann Fr Anesth Reanim|Annales francaises d'anesthesie et de reanimation",
            "Deutsche medizinische Wochenschrift (1946)|Deutsche Medizinische Wochenschrift",
    })
    void recognisesOneJournalWrittenTwoWays(String a, String b) {
        assertThat(Journals.compatible(a, b)).isTrue();
        assertThat(Journals.compatible(b, a)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lancet|Lancet Oncology",
            "Cancer|Cancer Research",
            "BMJ|Lancet",
            "J Clin Oncol|Journal of Clinical Virology",
    })
    void keepsDifferentJournalsApart(String a, String b) {
        assertThat(Journals.compatible(a, b)).isFalse();
    }

    @Test
    void blankNamesAreNeverCompatible() {
        assertThat(Journals.keys(null)).isEmpty();
        assertThat(Journals.compatible("", "Lancet")).isFalse();
    }
}
