package dev.winnow.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import org.junit.jupiter.api.Test;

class FormYamlTest {
    @Test
    void shippedTemplatesReadAndRoundTrip() {
        for (String name : Templates.names()) {
            ChartingForm f = Templates.form(name);
            assertThat(f.fields()).isNotEmpty();
            assertThat(FormYaml.read(FormYaml.write(f), "again.yaml")).isEqualTo(f);
        }
        ChartingForm jbi = Templates.form("jbi-basic");
        assertThat(jbi.fieldsByKey().keySet()).contains("author", "year", "country", "aims", "population",
                "methodology", "intervention", "outcomes", "key_findings");
        ChartingForm example = Templates.form("early-palliative-care-models");
        assertThat(example.field("components").type()).isEqualTo(FieldType.GROUP);
        assertThat(example.field("components.category").options()).contains("Shared care planning");
        assertThat(example.field("barriers.category").type()).isEqualTo(FieldType.SINGLE_CHOICE);
    }

    @Test
    void unknownKeysNameTheLine() {
        String yaml = "name: F\nsections:\n  - title: S\n    fields:\n      - key: a\n        typo: text\n";
        assertThatThrownBy(() -> FormYaml.read(yaml, "form.yaml")).isInstanceOf(UserError.class)
                .hasMessageStartingWith("form.yaml, line 6: unknown key 'typo'");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> FormYaml.read("name: F\nsections: [\n  - : :\n", "f.yaml"))
                .isInstanceOf(UserError.class).hasMessageContaining("f.yaml, line");
    }

    @Test
    void formMistakesAreExplained() {
        assertThatThrownBy(() -> FormYaml.read("name: F\nsections:\n  - title: S\n    fields:\n"
                + "      - {key: c, type: single-choice}\n", "f.yaml"))
                .hasMessage("f.yaml, section 'S', field 'c': a single-choice field needs options");
        assertThatThrownBy(() -> FormYaml.read("name: F\nsections:\n  - title: S\n    fields:\n"
                + "      - {key: a, type: text}\n      - {key: a, type: number}\n", "f.yaml"))
                .hasMessageContaining("two fields have the key 'a'");
        assertThatThrownBy(() -> FormYaml.read("name: F\nsections:\n  - title: S\n    fields:\n"
                + "      - {key: a, type: poem}\n", "f.yaml")).hasMessageContaining("unknown field type 'poem'");
        assertThatThrownBy(() -> FormYaml.read("name: F\nsections:\n  - title: S\n    fields:\n"
                + "      - {key: Bad Key, type: text}\n", "f.yaml")).hasMessageContaining("must be lower-case");
        assertThatThrownBy(() -> FormYaml.read("name: F\nsections:\n  - title: S\n    fields:\n"
                + "      - key: g\n        type: group\n        fields:\n          - {key: h, type: group, fields: [{key: x, type: text}]}\n",
                "f.yaml")).hasMessageContaining("groups cannot be nested");
        assertThatThrownBy(() -> FormYaml.read("name: F\n", "f.yaml")).hasMessageContaining("has no sections");
        assertThatThrownBy(() -> FormYaml.read("", "f.yaml")).hasMessageContaining("empty");
    }
}
