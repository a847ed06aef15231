package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DoiTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.1000/ABC.123|10.1000/abc.123",
            "https://doi.org/10.1000/abc|10.1000/abc",
            "http://dx.doi.org/10.1000/abc|10.1000/abc",
            "doi:10.1000/abc|10.1000/abc",
            "DOI: 10.1000/abc|10.1000/abc",
            "10.1000/abc [doi]|10.1000/abc",
            "10.1000/abc.|10.1000/abc",
            "10.1016/S0140-6736(20)30183-5|10.1016/s0140-6736(20)30183-5",
            "(10.1016/S0140-6736(20)30183-5)|10.1016/s0140-6736(20)30183-5",
            "https://doi.org/10.1002%2F14651858.CD000031.pub4|10.1002/14651858.cd000031.pub4",
            "  10.1186/s12904-021-00123-4  |10.1186/s12904-021-00123-4",
            "info:doi/10.1371/journal.pone.0001|10.1371/journal.pone.0001",
            "10.1093/annonc/mdx123, 10.1093/other|10.1093/annonc/mdx123",
    })
    void normalisesTheFormsExportsUse(String raw, String expected) {
        assertThat(Doi.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not a doi", "10.12/x", "   ", "PMID: 123456"})
    void returnsNullWhenThereIsNoDoi(String raw) {
        assertThat(Doi.normalise(raw)).isNull();
        assertThat(Doi.isDoi(raw)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"10.1000/x|https://doi.org/10.1000/x", "doi:10.1000/X|https://doi.org/10.1000/x"})
    void buildsResolverUrls(String raw, String url) {
        assertThat(Doi.url(raw)).isEqualTo(url);
    }

    @org.junit.jupiter.api.Test
    void cochraneUpdatesKeepTheirVersionSuffix() {
        assertThat(Doi.normalise("10.1002/14651858.CD000031.pub3"))
                .isNotEqualTo(Doi.normalise("10.1002/14651858.CD000031.pub4"));
    }
}
