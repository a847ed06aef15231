package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "590-5|590-595",
            "590-595|590-595",
            "590–595|590-595",
            "590 - 595|590-595",
            "1099-101|1099-1101",
            "pp. 12-19|12-19",
            "S12-S15|S12-S15",
            "s12-15|S12-S15",
            "e1234|e1234",
            "E1234|e1234",
            "123-|123",
            "123-123|123",
            "0012-0019|12-19",
            "12|12",
            "95-102|95-102",
            "112-45|112-145",
    })
    void normalises(String raw, String expected) {
        assertThat(Pages.normalise(raw)).isEqualTo(expected);
    }

    @Test
    void abbreviatedAndFullRangesCompareEqual() {
        assertThat(Pages.parse("590-5")).isEqualTo(Pages.parse("590-595"));
        assertThat(Pages.firstPage("590-5")).isEqualTo("590");
    }

    @Test
    void articleNumbersAreRecognised() {
        assertThat(Pages.parse("e1234").isArticleNumber()).isTrue();
        assertThat(Pages.parse("1234").isArticleNumber()).isFalse();
    }

    @Test
    void blanksAndNonsense() {
        assertThat(Pages.parse(null)).isNull();
        assertThat(Pages.parse("  ")).isNull();
        assertThat(Pages.normalise("unknown")).isEqualTo("unknown");
    }
}
