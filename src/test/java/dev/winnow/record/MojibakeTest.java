package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MojibakeTest {
    /**
     * The text's UTF-8 read in another encoding, as browsers and databases do it: the five bytes
     * Windows-1252 leaves undefined become the C1 control of the same number (the WHATWG encoding
     * standard's windows-1252), not U+FFFD, which would lose them.
     */
    private static String misread(String text, String charset) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            boolean undefined = charset.equals("windows-1252") && (v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D);
            sb.append(undefined ? (char) v : new String(new byte[] {b}, Charset.forName(charset)));
        }
        return sb.toString();
    }

    @Test
    void repairsUtf8ReadAsWindows1252OrMacRomanOnceOrTwice() {
        assertThat(Mojibake.repair("donâ€™t")).isEqualTo("don’t");
        assertThat(Mojibake.repair("Nepal√¢‚Ç¨‚Ñ¢s")).isEqualTo("Nepal’s"); // Windows-1252, then Mac Roman
        assertThat(Mojibake.repair("MÃ¼ller and SÃ£o Paulo â€” a cohort")).isEqualTo("Müller and São Paulo — a cohort");
        assertThat(Mojibake.repair("Caf√© workers")).isEqualTo("Café workers");
        assertThat(Mojibake.repair("ZÃ¼rich 10Â°C")).isEqualTo("Zürich 10°C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Women’s health in São Paulo — “a review”", "Åberg, Björn", "Ελληνικά και Русский",
            "Straße, Größe, Müller", "日本語のタイトル", "A café in Québec; naïve résumé", "10 µg/m³ ± 2 °C",
            "Œuvres complètes", "ΑΒΓ"})
    void repairsEveryKindOfTextThatWasMisreadAndNothingThatWasRight(String right) {
        assertThat(Mojibake.repair(right)).as("correct text stays the same instance").isSameAs(right);
        assertThat(Mojibake.repair(misread(right, "windows-1252"))).isEqualTo(right);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Women’s health in São Paulo", "Åberg, Björn", "Straße, Größe", "A café in Québec"})
    void repairsTextMisreadAsMacRoman(String right) {
        assertThat(Mojibake.repair(misread(right, "x-MacRoman"))).isEqualTo(right);
    }

    @Test
    void leavesTextAloneWhenAnyRunOfItDoesNotRepair() {
        // German quotes: "ß“" would read as a valid UTF-8 sequence (an NKo letter), but "„" alone cannot
        String german = "Die „Straße“ ist gesperrt";
        assertThat(Mojibake.repair(german)).isSameAs(german);
        // a repair into an unusual script is a coincidence, not a repair
        String nko = "Straße“";
        assertThat(Mojibake.repair(nko)).isSameAs(nko);
        // half-repaired text whose lost byte became "?" keeps the run that cannot be repaired, so all of it
        String lost = "donâ€?t and â€™";
        assertThat(Mojibake.repair(lost)).isSameAs(lost);
        // Java's own windows-1252 turns the undefined bytes into U+FFFD: the byte is lost, nothing is guessed
        String replaced = new String("“a review”".getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        assertThat(replaced).contains("\uFFFD");
        assertThat(Mojibake.repair(replaced)).isSameAs(replaced);
        assertThat(Mojibake.repair(null)).isNull();
        assertThat(Mojibake.needsRepair("plain ASCII")).isFalse();
        assertThat(Mojibake.needsRepair("Ã©tude")).isTrue();
    }
}
