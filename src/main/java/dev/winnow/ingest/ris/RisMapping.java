package dev.winnow.ingest.ris;

import dev.winnow.ingest.tagged.FieldValues;
import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.List;
import java.util.Locale;

/**
 * RIS tags → {@link Record}. The table is in docs/ingest.md. Where dialects disagree the rule is:
 * the first title tag (TI, T1, CT) is the title; the container is JF, else T2,
 * else JO, else BT; JA/J2/J1/J9/JI (and JO when a full name exists) are the abbreviation; the year comes
 * from PY, else Y1, else DA; the abstract is AB and N2 (exports use either; when both are given and
 * differ, both texts are kept, in file order, so a reviewer loses nothing); SN holds
 * ISSNs or ISBNs, told apart by their digits; AN is an accession number of the database in DB (or
 * DP), and a PubMed/MEDLINE one is also the PMID. Every tag with no slot goes to
 * {@link Record#extra()} under its own name, so nothing is lost.
 */
final class RisMapping {
    private RisMapping() {
    }

    static Record toRecord(List<RisField> fields) {
        Record.Builder b = Record.builder();
        String type = null;
        String journalFull = null;
        String t2 = null;
        String jo = null;
        String bt = null;
        String abbreviation = null;
        String py = null;
        String y1 = null;
        String da = null;
        String sp = null;
        String ep = null;
        String abstractText = null;
        String db = null;
        String dp = null;
        String m3 = null;
        String publisher = null;
        List<String> accession = null;
        for (RisField f : fields) {
            String v = f.value;
            String tag = f.tag;
            if (v.isEmpty() && f.more == null) {
                continue;
            }
            switch (tag) {
                case "TY" -> {
                    if (type == null) {
                        type = v;
                    } else {
                        b.extra("TY", v);
                    }
                }
                case "TI", "T1", "CT" -> {
                    if (b.title() == null) {
                        b.title(v);
                    } else {
                        b.extra(tag, v);
                    }
                }
                case "TT" -> b.originalTitle(v);
                case "AU", "A1" -> AuthorNames.names(v).forEach(n -> b.author(Author.parse(n)));
                case "A2", "ED" -> AuthorNames.names(v).forEach(n -> b.editor(Author.parse(n)));
                case "A3" -> {
                    // handled with the record type known: see thesis()
                }
                case "JF" -> journalFull = FieldValues.first(journalFull, v, b, tag);
                case "T2" -> t2 = FieldValues.first(t2, v, b, tag);
                case "JO" -> jo = FieldValues.first(jo, v, b, tag);
                case "BT" -> bt = FieldValues.first(bt, v, b, tag);
                case "JA", "J2", "J1", "J9", "JI" -> abbreviation = FieldValues.first(abbreviation, v, b, tag);
                case "PY" -> py = FieldValues.first(py, v, b, tag);
                case "Y1" -> y1 = FieldValues.first(y1, v, b, tag);
                case "DA" -> da = FieldValues.first(da, v, b, tag);
                case "VL", "VO" -> b.volume(v);
                case "IS", "CP" -> b.issue(v);
                case "SP" -> sp = v;
                case "EP" -> ep = v;
                case "C7" -> b.articleNumber(v);
                case "C2" -> {
                    if (v.matches("PMC\\d+")) {
                        b.pmcid(v); // PubMed's RIS (and Winnow's) put the PMCID in C2
                    } else {
                        b.extra(tag, v);
                    }
                }
                case "DO" -> {
                    String doi = FieldValues.doi(v);
                    if (doi != null && b.doi() == null) {
                        b.doi(doi);
                    } else if (doi == null) {
                        b.extra(tag, v);
                    }
                }
                case "AB", "N2" -> abstractText = joinDistinct(abstractText, v);
                case "N1" -> b.note(f.joined());
                case "KW" -> {
                    b.keyword(v);
                    if (f.more != null) {
                        f.more.forEach(b::keyword);
                    }
                }
                case "LA" -> b.language(v);
                case "SN" -> {
                    if (FieldValues.standardNumbers(v, b) == 0) {
                        b.extra(tag, v);
                    }
                }
                case "BN" -> FieldValues.standardNumbers(v, b);
                case "UR", "L1", "L2", "L3", "L4", "LK" -> b.url(v);
                case "PB" -> {
                    publisher = FieldValues.first(publisher, v, b, tag);
                    b.publisher(publisher);
                }
                case "CY", "PP" -> b.place(v);
                case "AN" -> {
                    if (accession == null) {
                        accession = new java.util.ArrayList<>(1);
                    }
                    accession.add(v);
                }
                case "DB" -> db = FieldValues.first(db, v, b, tag);
                case "DP" -> dp = FieldValues.first(dp, v, b, tag);
                case "M3" -> {
                    m3 = v;
                    b.extra(tag, v);
                }
                default -> b.extra(tag, f.joined());
            }
        }
        RecordType recordType = RisTypes.of(type, m3);
        b.type(recordType);
        thesis(recordType, publisher, fields, b);
        b.journal(container(recordType, journalFull, t2, jo, bt));
        String full = journalFull != null ? journalFull : t2;
        if (abbreviation == null && jo != null && full != null && !jo.equals(full)) {
            abbreviation = jo;
        }
        b.journalAbbreviation(abbreviation);
        if (bt != null && !bt.equals(b.journal())) {
            b.extra("BT", bt);
        }
        if (t2 != null && !t2.equals(b.journal())) {
            b.extra("T2", t2);
        }
        Integer year = FieldValues.year(py);
        if (year == null) {
            year = FieldValues.year(y1);
        }
        if (year == null) {
            year = FieldValues.year(da);
        }
        b.year(year);
        b.date(da != null && FieldValues.year(da) != null ? da : y1 != null ? y1 : py);
        if (sp != null && ep != null && (sp + " " + ep).equalsIgnoreCase("No Specified")) {
            sp = null; // PsycINFO on Ovid writes "SP - No" / "EP - Specified"
            ep = null;
        }
        b.pages(FieldValues.pages(sp, ep));
        b.abstractText(abstractText);
        String database = db != null ? db : dp;
        b.database(database);
        if (db != null && dp != null) {
            b.extra("DP", dp);
        }
        if (accession != null) {
            String key = database != null ? database : "RIS";
            boolean pubmed = isPubMed(database);
            for (String an : accession) {
                b.accessionNumber(key, an);
                if (pubmed && isDigits(an)) {
                    b.pmid(an);
                    pubmed = false;
                }
                if (accession.size() > 1) {
                    b.extra("AN", an);
                }
            }
        }
        if (b.doi() == null) {
            doiFromElsewhere(fields, b);
        }
        return b.build();
    }

    /**
     * A thesis (ProQuest Dissertations &amp; Theses, EndNote): the degree-granting school is the
     * institution (PB, or AD when there is no PB); the tertiary authors (A3) are advisors, kept in
     * extra under "advisor" since they did not write the work.
     */
    private static void thesis(RecordType type, String publisher, List<RisField> fields, Record.Builder b) {
        for (RisField f : fields) {
            if (f.is('A', '3') && !f.value.isEmpty()) {
                b.extra(type == RecordType.THESIS ? "advisor" : "A3", f.value);
            }
        }
        if (type != RecordType.THESIS) {
            return;
        }
        String school = publisher;
        if (school == null) {
            for (RisField f : fields) {
                if (f.is('A', 'D') && !f.value.isEmpty()) {
                    school = f.value;
                    break;
                }
            }
        }
        b.institution(school);
    }

    /** The journal or book this record is part of. */
    private static String container(RecordType type, String jf, String t2, String jo, String bt) {
        if (type == RecordType.BOOK && bt == null && jf == null && jo == null) {
            return t2; // a book's T2 is its series... unless nothing else names a container
        }
        if (jf != null) {
            return jf;
        }
        if (t2 != null) {
            return t2;
        }
        if (jo != null) {
            return jo;
        }
        return type == RecordType.BOOK ? null : bt;
    }

    /** Some exports keep the DOI only in M3, N1 or a doi.org link (Ovid L2, ProQuest L2, UR). */
    private static void doiFromElsewhere(List<RisField> fields, Record.Builder b) {
        for (RisField f : fields) {
            switch (f.tag) {
                case "M3", "UR", "L2", "L3", "LK", "N1", "M1", "ID" -> {
                    String v = f.value;
                    boolean hinted = v.regionMatches(true, 0, "doi", 0, 3) || v.contains("doi.org/");
                    if (hinted) {
                        String doi = FieldValues.doi(v);
                        if (doi != null) {
                            b.doi(doi);
                            return;
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private static boolean isPubMed(String database) {
        if (database == null) {
            return false;
        }
        String d = database.toLowerCase(Locale.ROOT);
        return d.contains("pubmed") || d.contains("medline") || d.equals("nlm");
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String joinDistinct(String current, String v) {
        if (current == null) {
            return v;
        }
        return current.equals(v) || current.contains(v) ? current : current + "\n" + v;
    }
}
