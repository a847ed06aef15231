package dev.winnow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A strategy that does not parse names the line and column, and what was expected there. */
class ParseErrorTest {

    private static SearchSyntaxError error(Syntax s, String text) {
        return assertThrows(SearchSyntaxError.class, () -> Strategies.parse(s, text));
    }

    private static void at(SearchSyntaxError e, int line, int column, String words) {
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ", column " + column + ": "), e.getMessage());
    }

    @Test
    void anUnclosedParenthesisIsNamedWhereItOpens() {
        at(error(Syntax.OVID_MEDLINE, "1 exp Neoplasms/\n2 (cancer* or tumo?r*.tw.\n"), 2, 3, "never closed");
        at(error(Syntax.PUBMED, "#1 (palliative[tiab] OR (hospice[tiab])"), 1, 4, "never closed");
        at(error(Syntax.WOS, "#1 TS=(palliat*"), 1, 7, "never closed");
    }

    @Test
    void aClosingParenthesisWithoutItsOpeningIsNamed() {
        at(error(Syntax.CINAHL, "S1 TI palliat* )"), 1, 16, "closes no '('");
    }

    @Test
    void aReferenceToALaterOrMissingLineIsRefused() {
        at(error(Syntax.OVID_MEDLINE, "1 exp Neoplasms/\n2 1 or 3\n3 cancer*.tw.\n"), 2, 8, "comes later");
        at(error(Syntax.PUBMED, "#1 cancer[tiab]\n#3 hospice[tiab]\n#4 #1 OR #2\n"), 3, 10, "does not exist");
        at(error(Syntax.OVID_MEDLINE, "1 cancer*.tw.\n2 or/1,4\n"), 2, 6, "comes later");
        at(error(Syntax.CINAHL, "S1 TI cancer\nS2 S2 OR S1"), 2, 4, "refers to itself");
    }

    @Test
    void anotherDatabasesOperatorIsNamedWithThisOnesWay() {
        SearchSyntaxError ovid = error(Syntax.OVID_MEDLINE, "1 (palliative NEAR/3 care).ti,ab.");
        at(ovid, 1, 15, "NEAR/3");
        assertTrue(ovid.getMessage().contains("adjN"), ovid.getMessage());
        SearchSyntaxError pubmed = error(Syntax.PUBMED, "#1 palliative adj3 care");
        at(pubmed, 1, 15, "Ovid");
        assertTrue(pubmed.getMessage().contains("[tiab:~N]"));
        at(error(Syntax.WOS, "#1 TS=(palliative N3 care)"), 1, 19, "EBSCOhost");
        at(error(Syntax.PUBMED, "#1 cancer[tiab] or tumor[tiab]"), 1, 17, "capitals: write 'OR'");
        at(error(Syntax.PUBMED, "#1 wom?n[tiab]"), 1, 4, "no '?' wildcard");
    }

    @Test
    void anUnknownFieldCodeListsTheKnownOnes() {
        at(error(Syntax.OVID_MEDLINE, "1 cancer.zz."), 1, 9, "'.zz.' is not a field code");
        at(error(Syntax.PUBMED, "#1 cancer[tiabx]"), 1, 11, "not a PubMed tag");
        at(error(Syntax.WOS, "#1 XX=(cancer)"), 1, 4, "not a Web of Science field tag");
        at(error(Syntax.EMBASE, "#1 cancer:zz"), 1, 10, "not an Embase.com field");
        at(error(Syntax.PROQUEST, "S1 zz(cancer)"), 1, 4, "not a ProQuest field code");
    }

    @Test
    void otherMistakesAreNamedToo() {
        at(error(Syntax.PUBMED, "#1 \"end of life[tiab]"), 1, 4, "quote \" is never closed");
        at(error(Syntax.OVID_MEDLINE, "1 cancer.tw.\n1 tumor.tw.\n"), 2, 3, "numbered twice");
        at(error(Syntax.OVID_MEDLINE, "1 cancer.tw. or\n"), 1, 14, "needs a search term after it");
        at(error(Syntax.OVID_MEDLINE, "1 exp cancer"), 1, 3, "ending in '/'");
        at(error(Syntax.CINAHL, "S1 TI cancer TI tumor"), 1, 14, "expected an operator");
        at(error(Syntax.EMBASE, "   \n\n"), 1, 1, "empty");
    }

    @Test
    void columnsCountFromThePastedLineEvenAfterANumberOrATab() {
        at(error(Syntax.CINAHL, "S1\tTI ( palliat*\tSearch modes - Boolean/Phrase\t12"), 1, 7, "never closed");
        at(error(Syntax.PUBMED, "#1 cancer[tiab] AND\n   (tumor[tiab]"), 2, 4, "never closed");
    }
}
