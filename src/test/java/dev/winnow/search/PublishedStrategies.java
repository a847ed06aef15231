package dev.winnow.search;

/**
 * Search strategies for the tests. Those marked "published" are short quotations of strategies
 * printed in open-access reviews and methods handbooks, cited where they appear; the others were
 * written for these tests in the same style (no published strategy in that syntax was at hand).
 */
final class PublishedStrategies {
    private PublishedStrategies() {
    }

    /**
     * Published: Ovid MEDLINE strategy for palliative care and cancer, in "Palliative Care Evidence
     * Review Service (PaCERS): a knowledge transfer partnership", Health Research Policy and Systems
     * 2019 (Table 2), doi:10.1186/s12961-019-0504-4. Quoted as printed, with its curly quotes,
     * en dash in "or/1–8" and "exp." for "exp".
     */
    static final String OVID_PACERS = """
            1. Palliative care/
            2. Terminal Care/
            3. Terminally ill/
            4. Hospice care/
            5. (“palliative care” or “supportive care” or “hospice care” or “end of life care”).tw.
            6. ((hospice or terminal*) adj3 (care or caring or ill*)).tw.
            7. (“last year of life” or LYOL or “end of life” or “end of their lives”).tw.
            8. (end-stage disease* or end stage disease* or end-stage ill* or end stage ill*).tw.
            9. or/1–8
            10. exp. Neoplasms/
            11. (cancer* or oncolog* or neoplasm* or carcinom* or tumo?r* or malignan* or Leukemia* or lymphoma* or leukaemia*).tw.
            12. 10 or 11
            13. 9 or 12
            """;

    /**
     * Published: the Cochrane Highly Sensitive Search Strategy for randomised trials, sensitivity-maximising
     * version, Ovid format. Lefebvre C, et al. Technical Supplement to Chapter 4: Searching for and
     * selecting studies. In: Cochrane Handbook for Systematic Reviews of Interventions, version 6.
     * Cochrane, 2019 (section 3.6.1).
     */
    static final String OVID_COCHRANE_RCT = """
            1 randomized controlled trial.pt.
            2 controlled clinical trial.pt.
            3 randomized.ab.
            4 placebo.ab.
            5 drug therapy.fs.
            6 randomly.ab.
            7 trial.ab.
            8 groups.ab.
            9 or/1-8
            10 exp animals/ not humans.sh.
            11 9 not 10
            """;

    /** Published: the same filter in PubMed format, from the same section of the same supplement. */
    static final String PUBMED_COCHRANE_RCT = """
            #1 randomized controlled trial [pt]
            #2 controlled clinical trial [pt]
            #3 randomized [tiab]
            #4 placebo [tiab]
            #5 drug therapy [sh]
            #6 randomly [tiab]
            #7 trial [tiab]
            #8 groups [tiab]
            #9 #1 OR #2 OR #3 OR #4 OR #5 OR #6 OR #7 OR #8
            #10 animals [mh] NOT humans [mh]
            #11 #9 NOT #10
            """;

    /**
     * Published: the first concept of the Ovid MEDLINE strategy in Somes E, et al. Perceptions of trained
     * laypersons in end-of-life or advance care planning conversations: a qualitative meta-synthesis.
     * BMC Palliat Care 2018;17:98 (Table 4), doi:10.1186/s12904-018-0354-9. One line, as printed.
     */
    static final String OVID_LAYPERSONS = """
            (exp Peer Group/ or exp. Volunteers/ or exp. Mentors/ or exp. Patient Navigation/ or (voluntary or peer* or volunteer* or mentor* or navigator* or lay*).tw,kf.) and (exp Advance Care Planning/ or exp. Hospices/ or exp. Hospice and Palliative Care Nursing/ or exp. Palliative Medicine/ or exp. Palliative Care/ or exp. Terminal Care/)
            """;

    /**
     * Adapted from the Embase.com version of the Cochrane Embase RCT filter (Lefebvre et al. 2019,
     * Technical Supplement to Chapter 4, section 3.6.2), shortened and written from memory of it, not
     * checked against the published text: it tests the Embase.com syntax, not the filter's wording.
     */
    static final String EMBASE_COCHRANE_RCT = """
            #1 'crossover procedure':de OR 'double-blind procedure':de OR 'randomized controlled trial':de OR 'single-blind procedure':de
            #2 (random* OR factorial* OR crossover* OR cross NEXT/1 over* OR placebo* OR doubl* NEAR/1 blind* OR singl* NEAR/1 blind* OR assign* OR allocat* OR volunteer*):de,ab,ti
            #3 #1 OR #2
            """;

    /** Written for the tests: early palliative care in Embase.com, with Emtree and limits. */
    static final String EMBASE_PALLIATIVE = """
            #1 'palliative therapy'/exp OR 'terminal care'/de OR 'hospice care'/exp/mj
            #2 (palliat* OR hospice* OR 'end of life' OR terminal NEAR/3 (care OR ill*)):ti,ab,kw
            #3 #1 OR #2
            #4 (early NEXT/2 (integrat* OR referral*)):ti,ab
            #5 #3 AND #4 AND [english]/lim AND [2000-2023]/py
            """;

    /** Written for the tests: the same question in CINAHL on EBSCOhost, as its search history is copied (tabs, counts). */
    static final String CINAHL_PALLIATIVE = "S1\t(MH \"Palliative Care+\") OR (MH \"Hospice Care\") OR (MM \"Terminal Care\")\tSearch modes - Boolean/Phrase\t31,402\n"
            + "S2\tTI ( palliat* OR hospice* OR \"end of life\" ) OR AB ( palliat* OR hospice* OR \"end of life\" )\tSearch modes - Boolean/Phrase\t52,118\n"
            + "S3\tTI ( terminal* N3 (care OR ill*) ) OR AB ( early W2 integrat* )\tSearch modes - Boolean/Phrase\t8,911\n"
            + "S4\tS1 OR S2 OR S3\tSearch modes - Boolean/Phrase\t70,220\n"
            + "S5\tS4 AND TI tumo#r*\tSearch modes - Boolean/Phrase\t1,206\n";

    /** Written for the tests: Web of Science Core Collection advanced search. */
    static final String WOS_PALLIATIVE = """
            #1 TS=(palliat* OR hospice* OR "end of life" OR "terminal care")
            #2 TS=((early OR timely) NEAR/3 (integrat* OR referral*))
            #3 TI=(tumo$r* OR cancer*) OR AK=(oncolog*)
            #4 #1 AND #2 AND #3
            #5 #4 NOT DT=(editorial)
            """;

    /** Written for the tests: ProQuest Dissertations & Theses Global. */
    static final String PROQUEST_PALLIATIVE = """
            S1 MAINSUBJECT.EXACT.EXPLODE("Palliative care") OR MAINSUBJECT.EXACT("Hospices")
            S2 ti(palliat* OR hospice* OR "end of life") OR ab(palliat* OR hospice* OR "end of life")
            S3 noft(early PRE/2 integrat*) OR noft(nurs[*3] NEAR/3 (care OR ill*))
            S4 S1 OR S2 OR S3
            """;

    /**
     * Published, held out (not read while the parsers and writers were written): the Cochrane Highly
     * Sensitive Search Strategy, precision-maximising version, Ovid format (Lefebvre et al. 2019,
     * Technical Supplement to Chapter 4, section 3.6.1).
     */
    static final String OVID_COCHRANE_RCT_PRECISE = """
            1 randomized controlled trial.pt.
            2 controlled clinical trial.pt.
            3 randomized.ab.
            4 placebo.ab.
            5 clinical trials as topic.sh.
            6 randomly.ab.
            7 trial.ti.
            8 1 or 2 or 3 or 4 or 5 or 6 or 7
            9 exp animals/ not humans.sh.
            10 8 not 9
            """;

    /** Published, held out: the same filter in PubMed format, the Cochrane information specialists' translation. */
    static final String PUBMED_COCHRANE_RCT_PRECISE = """
            #1 randomized controlled trial [pt]
            #2 controlled clinical trial [pt]
            #3 randomized [tiab]
            #4 placebo [tiab]
            #5 clinical trials as topic [mesh: noexp]
            #6 randomly [tiab]
            #7 trial [ti]
            #8 #1 OR #2 OR #3 OR #4 OR #5 OR #6 OR #7
            #9 animals [mh] NOT humans [mh]
            #10 #8 NOT #9
            """;
}
