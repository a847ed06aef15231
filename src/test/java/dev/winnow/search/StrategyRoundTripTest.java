package dev.winnow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every strategy parses, writes back in its own syntax without a flag, and reads back to the same tree. */
class StrategyRoundTripTest {

    static List<Arguments> strategies() {
        return List.of(
                Arguments.of(Syntax.OVID_MEDLINE, PublishedStrategies.OVID_PACERS),
                Arguments.of(Syntax.OVID_MEDLINE, PublishedStrategies.OVID_COCHRANE_RCT),
                Arguments.of(Syntax.OVID_MEDLINE, PublishedStrategies.OVID_LAYPERSONS),
                Arguments.of(Syntax.PUBMED, PublishedStrategies.PUBMED_COCHRANE_RCT),
                Arguments.of(Syntax.EMBASE, PublishedStrategies.EMBASE_COCHRANE_RCT),
                Arguments.of(Syntax.EMBASE, PublishedStrategies.EMBASE_PALLIATIVE),
                Arguments.of(Syntax.CINAHL, PublishedStrategies.CINAHL_PALLIATIVE),
                Arguments.of(Syntax.WOS, PublishedStrategies.WOS_PALLIATIVE),
                Arguments.of(Syntax.PROQUEST, PublishedStrategies.PROQUEST_PALLIATIVE));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void writesBackToTheSameTree(Syntax syntax, String text) {
        Strategy parsed = Strategies.parse(syntax, text);
        Translation written = Strategies.write(parsed, syntax);
        System.out.println(Strategies.tree(parsed));
        System.out.println(written.text());
        assertTrue(written.flags().isEmpty(), () -> "flags writing " + syntax.id + " back: " + written.flags());
        Strategy again = Strategies.parse(syntax, written.text());
        assertTrue(parsed.sameSearch(again), () -> "tree changed:\n" + Strategies.tree(parsed) + "\nvs\n"
                + Strategies.tree(again) + "\nwritten:\n" + written.text());
        assertEquals(written.text(), Strategies.write(again, syntax).text(), "writing is stable");
    }
}
