package dev.winnow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferencesTest {
    private final ChartingForm form = Templates.form("early-palliative-care-models");

    private Map<String, Object> check(Map<String, Object> raw) {
        return EntryCheck.check(form, raw).answers();
    }

    @Test
    void identicalEntriesInAnotherOrderAgree() {
        Map<String, Object> a = check(Map.of("author", "Smith", "setting", List.of("Hospice", "General practice"),
                "components", List.of(Map.of("name", "Case conference", "category", "Care coordination"),
                        Map.of("name", "Shared plan", "category", "Shared care planning"))));
        Map<String, Object> b = check(Map.of("author", " Smith", "setting", List.of("General practice", "Hospice"),
                "components", List.of(Map.of("name", "shared  plan", "category", "Shared care planning"),
                        Map.of("name", "Case conference", "category", "Care coordination"))));
        assertThat(Differences.between(form, a, b)).isEmpty();
    }

    @Test
    void reportsFieldGroupItemAndSubfieldDifferences() {
        Map<String, Object> a = check(Map.of("author", "Smith", "year", 2019,
                "components", List.of(Map.of("name", "Case conference", "category", "Care coordination"),
                        Map.of("name", "GP education", "category", "Education and training"))));
        Map<String, Object> b = check(Map.of("author", "Smith", "year", 2020,
                "components", List.of(Map.of("name", "Case conference", "category", "Communication between sectors"),
                        Map.of("name", "Phone line", "category", "Referral pathway"))));
        List<Difference> d = Differences.between(form, a, b);
        assertThat(d).extracting(Difference::path).containsExactly("year", "components[Case conference].category",
                "components[GP education]", "components[Phone line]");
        assertThat(d.get(0).first()).isEqualTo("2019");
        assertThat(d.get(2).second()).isNull();
        assertThat(d.get(3).first()).isNull();
    }
}
