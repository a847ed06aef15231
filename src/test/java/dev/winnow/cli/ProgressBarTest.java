package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void drawsOnlyForATerminalUnlessTold() {
        assertThat(ProgressBar.wanted(null, "1")).isTrue();
        assertThat(ProgressBar.wanted(null, "0")).isFalse();
        assertThat(ProgressBar.wanted(null, null)).isFalse();
        assertThat(ProgressBar.wanted("never", "1")).isFalse();
        assertThat(ProgressBar.wanted("always", null)).isTrue();
    }

    @Test
    void aLineShowsTheShareAndTheRecords() {
        assertThat(ProgressBar.line("medline.ris", 12345, 0.5))
                .isEqualTo("medline.ris [###############...............]  50%  12,345 records");
        assertThat(ProgressBar.line("x.xlsx", 3, -1)).isEqualTo("x.xlsx [" + "?".repeat(30) + "] 3 records");
    }

    @Test
    void theBarIsRedrawnInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        var bar = ProgressBar.forImports(new PrintWriter(err), "always");
        bar.stored("a.ris", 500, 1.0);
        bar.deduplicating("a.ris", 500);
        bar.finished("a.ris");
        String out = err.toString();
        assertThat(out).startsWith("\ra.ris [").contains("\ra.ris: 500 records stored; deduplicating the project…")
                .endsWith("\r");
        assertThat(out).doesNotContain("\n");
    }
}
