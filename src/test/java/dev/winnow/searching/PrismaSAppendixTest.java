package dev.winnow.searching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.search.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaSAppendixTest {
    @Test
    void namesAreShownAsTypedAndStrategiesAsTheDatabaseSyntax() {
        SourceSearch s = new SourceSearch(1, "MEDLINE [x](javascript:alert(1)) <b>", "database",
                "1. exp Palliative Care/\n2. (palliat* adj3 care).ti,ab. | x", Syntax.OVID_MEDLINE, "2023-04-20", 10L, 9);
        SourceSearch other = new SourceSearch(2, "# Registers\nhidden", "database", null, null, null, null, 3);
        String md = PrismaSAppendix.write("Care *models* <script>", List.of(s, other));
        assertThat(md).contains("Care \\*models\\* \\<script\\> — PRISMA-S appendix")
                .contains("## MEDLINE \\[x\\](javascript:alert(1)) \\<b\\>")
                .contains("- \\# Registers hidden (3 records imported)")
                .contains("| MEDLINE \\[x\\](javascript:alert(1)) \\<b\\> | 10 | 9 |")
                .doesNotContain("<script>", "<b>", "[x](");
    }
}
