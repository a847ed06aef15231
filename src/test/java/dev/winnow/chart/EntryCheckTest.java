package dev.winnow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryCheckTest {
    private final ChartingForm form = Templates.form("early-palliative-care-models");

    @Test
    void normalisesValidAnswers() {
        EntryCheck.Result r = EntryCheck.check(form, Map.of(
                "author", "  Smith ", "year", "2019.0", "country", "AU", "design", "qualitative study",
                "setting", List.of("General practice", "general practice", "Hospice"), "explicit_model", "Y",
                "components", List.of(Map.of("name", "Case conference", "category", "care coordination", "page", 4))));
        assertThat(r.problems()).isEmpty();
        assertThat(r.answers()).containsEntry("author", "Smith").containsEntry("year", "2019")
                .containsEntry("country", "Australia").containsEntry("design", "Qualitative study")
                .containsEntry("setting", List.of("General practice", "Hospice")).containsEntry("explicit_model", "yes");
        assertThat(r.answers().get("components")).isEqualTo(
                List.of(Map.of("name", "Case conference", "category", "Care coordination", "page", "4")));
    }

    @Test
    void reportsEveryProblemWithItsField() {
        EntryCheck.Result r = EntryCheck.check(form, Map.of(
                "year", "twenty", "country", "Atlantis", "design", "Poem", "explicit_model", "perhaps",
                "colour", "blue", "components", List.of(Map.of("category", "Care coordination", "size", 3), "oops")));
        assertThat(r.problems()).extracting(Problem::path).contains("author", "year", "country", "design",
                "explicit_model", "colour", "components[1].name", "components[1].size", "components[2]");
        assertThat(r.problems().toString()).contains("expected a number, not 'twenty'")
                .contains("'Atlantis' is not a country").contains("required (First author)");
    }

    @Test
    void datesMustBeIso() {
        ChartingForm f = FormYaml.read("name: D\nsections:\n  - title: S\n    fields:\n      - {key: d, type: date}\n", "d");
        assertThat(EntryCheck.check(f, Map.of("d", "2021-03")).ok()).isTrue();
        assertThat(EntryCheck.check(f, Map.of("d", "03/2021")).problems()).singleElement()
                .extracting(Problem::message).asString().contains("YYYY-MM-DD");
    }

    @Test
    void numbersTooLargeOrTooFineAreRefused() {
        for (String absurd : List.of("1e308", "-1e20", "0.000000000001")) {
            assertThat(EntryCheck.check(form, Map.of("author", "Smith", "year", absurd)).problems())
                    .as(absurd).anySatisfy(p -> assertThat(p.message()).contains("at most 15 digits"));
        }
        assertThat(EntryCheck.check(form, Map.of("author", "Smith", "year", "2.019e3")).answers())
                .containsEntry("year", "2019");
    }
}
