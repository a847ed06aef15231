package dev.winnow.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceMapTest {
    private final ChartingForm form = Templates.form("early-palliative-care-models");

    private EvidenceTable.Row row(String source, Object... components) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < components.length; i += 2) {
            items.add(Map.of("name", components[i], "category", components[i + 1]));
        }
        return new EvidenceTable.Row(source, EntryCheck.check(form, Map.of("components", items)).answers());
    }

    @Test
    void countsSourcesPerCategoryOfAGroupSubfield() {
        EvidenceMap m = EvidenceMap.build(form, "components.category", List.of(
                row("Smith 2019", "A", "Care coordination", "B", "Care coordination", "C", "Referral pathway"),
                row("<b>Lee</b> 2020", "D", "Referral pathway")));
        int coord = m.categories().indexOf("Care coordination");
        int referral = m.categories().indexOf("Referral pathway");
        assertThat(m.counts()[0][coord]).isEqualTo(2);
        assertThat(m.counts()[1][coord]).isZero();
        assertThat(m.columnTotal(referral)).isEqualTo(2);
        assertThat(m.rowTotal(0)).isEqualTo(2);
        assertThat(m.label()).isEqualTo("Active components of the model: Category");

        String svg = EvidenceMapSvg.render(m);
        assertThat(svg).contains("&lt;b&gt;Lee&lt;/b&gt; 2020").doesNotContain("<b>Lee");
        byte[] png = EvidenceMapSvg.png(svg);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void refusesFieldsThatAreNotCategorical() {
        assertThatThrownBy(() -> EvidenceMap.build(form, "author", List.of())).hasMessageContaining("needs a categorical one")
                .hasMessageContaining("components.category");
        assertThatThrownBy(() -> EvidenceMap.build(form, "nope", List.of())).hasMessageContaining("has no field 'nope'");
    }

    @Test
    void tableFlattensGroupsColumnByColumn() {
        EvidenceTable.Table t = EvidenceTable.build(form, List.of(row("Smith 2019", "A", "Care coordination",
                "=HYPERLINK(\"x\")", "Referral pathway")));
        int name = t.header().indexOf("Active components of the model: Component");
        int cat = t.header().indexOf("Active components of the model: Category");
        assertThat(t.rows().get(0).get(name)).isEqualTo("A | =HYPERLINK(\"x\")");
        assertThat(t.rows().get(0).get(cat)).isEqualTo("Care coordination | Referral pathway");
        assertThat(TableFiles.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void theTitleAndLongLabelsFitInsideThePicture() {
        String longSource = "Jensen M, Olsen P, Berg A. Shared early palliative care in general practice (2020)";
        EvidenceMap m = new EvidenceMap("f", "Components of early palliative care models reported by the studies",
                List.of(longSource, "Berg 2021"), List.of("Care coordination"), new int[][] {{1}, {2}});
        String svg = EvidenceMapSvg.render(m);
        int width = Integer.parseInt(svg.replaceAll("(?s).*?<svg[^>]* width=\"(\\d+)\".*", "$1"));
        // the 15 px bold title: about 10 px a character
        assertThat(width).isGreaterThanOrEqualTo(16 * 2 + ("Evidence map: " + m.label()).length() * 10);
        // the row label ends 8 px left of the grid and starts inside the picture: about 7.4 px a character
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<text x=\"(\\d+)\" y=\"[\\d]+\" "
                + "text-anchor=\"end\"><title>" + java.util.regex.Pattern.quote(longSource)).matcher(svg);
        assertThat(row.find()).isTrue();
        assertThat(Integer.parseInt(row.group(1)) - 47 * 7.4 - 7.4).isGreaterThanOrEqualTo(0);
        assertThat(svg).contains("<title>" + longSource + "</title>");
    }
}
