package dev.winnow.ingest.endnotexml;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.XmlRecords;
import dev.winnow.ingest.XmlRecords.Element;
import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Doi;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EndNote XML ({@code <xml><records><record>…}) as EndNote, Zotero and Mendeley export it. Field
 * text may be wrapped in {@code <style>} elements (one or several); their text is joined.
 */
public final class EndnoteXmlReader implements RecordReader {
    private static final Pattern YEAR = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)");
    private static final Pattern ISSN = Pattern.compile("(?<![\\dX-])\\d{4}-\\d{3}[\\dXx](?![\\dX-])");
    /** Record-level elements mapped to a slot; any other leaf element goes to extra under its name. */
    private static final Set<String> MAPPED = Set.of(
            "ref-type", "contributors", "titles", "periodical", "alt-periodical", "full-title", "pages", "volume",
            "number", "issue", "keywords", "dates", "pub-location", "publisher", "isbn", "accession-num",
            "electronic-resource-num", "abstract", "notes", "language", "urls", "remote-database-name", "foreign-keys");

    /** EndNote's reference type numbers, for files whose ref-type has no name. */
    private static final Map<String, RecordType> TYPE_NUMBERS = Map.ofEntries(
            Map.entry("17", RecordType.JOURNAL_ARTICLE), Map.entry("43", RecordType.JOURNAL_ARTICLE),
            Map.entry("19", RecordType.JOURNAL_ARTICLE), Map.entry("23", RecordType.JOURNAL_ARTICLE),
            Map.entry("6", RecordType.BOOK), Map.entry("28", RecordType.BOOK), Map.entry("44", RecordType.BOOK),
            Map.entry("5", RecordType.BOOK_SECTION), Map.entry("10", RecordType.CONFERENCE_PAPER),
            Map.entry("47", RecordType.CONFERENCE_PAPER), Map.entry("32", RecordType.THESIS),
            Map.entry("27", RecordType.REPORT), Map.entry("12", RecordType.WEB_PAGE), Map.entry("25", RecordType.PATENT),
            Map.entry("59", RecordType.DATASET), Map.entry("13", RecordType.GENERIC));

    @Override
    public Format format() {
        return Format.ENDNOTE_XML;
    }

    @Override
    public boolean sniff(String head) {
        return head.contains("<records>") && head.contains("<record>") && !head.contains("<PubmedArticle");
    }

    @Override
    public void read(Reader in, String fileName, RecordSink sink) throws IOException {
        int[] position = {0};
        String root = XmlRecords.stream(in, fileName, Set.of("record"), e -> {
            Record r = record(e);
            if (r.title() == null && r.authors().isEmpty() && r.doi() == null) {
                sink.skip(position[0] + 1, e.line(), "<record> with no title, author or DOI");
                return;
            }
            position[0]++;
            sink.accept(new ParsedRecord(r, position[0], e.line(), e.toXml()));
        });
        if (root == null || !(root.equals("xml") || root.equals("records") || root.equals("record"))) {
            throw new ParseException(fileName, 1, "expected EndNote XML (<xml><records><record>…), found "
                    + (root == null ? "no element" : "<" + root + ">"));
        }
    }

    static Record record(Element e) {
        Record.Builder b = Record.builder();
        b.type(type(e.child("ref-type")));
        Element contributors = e.child("contributors");
        if (contributors != null) {
            for (Element a : contributors.all("authors/author")) {
                b.author(AuthorNames.parse(a.text()));
            }
            for (Element a : contributors.all("secondary-authors/author")) {
                b.editor(AuthorNames.parse(a.text()));
            }
            for (String role : new String[] {"tertiary-authors", "subsidiary-authors", "translated-authors"}) {
                for (Element a : contributors.all(role + "/author")) {
                    b.extra(role, a.text());
                }
            }
        }
        Element titles = e.child("titles");
        String secondary = null;
        if (titles != null) {
            b.title(titles.text("title"));
            secondary = titles.text("secondary-title");
            b.originalTitle(titles.text("translated-title"));
            for (String t : new String[] {"tertiary-title", "alt-title", "short-title"}) {
                b.extra(t, titles.text(t));
            }
        }
        String journal = e.text("periodical/full-title");
        b.journal(secondary != null ? secondary : journal != null ? journal : e.text("full-title"));
        String abbreviation = e.text("periodical/abbr-1");
        if (abbreviation == null && titles != null) {
            abbreviation = titles.text("alt-title");
        }
        b.journalAbbreviation(abbreviation);
        b.pages(e.text("pages"));
        b.volume(e.text("volume"));
        String number = e.text("number");
        String issue = e.text("issue");
        b.issue(number != null ? number : issue);
        if (number != null && issue != null && !number.equals(issue)) {
            b.extra("issue", issue);
        }
        for (Element k : e.all("keywords/keyword")) {
            String text = k.text();
            if (text != null) {
                for (String part : text.split("\\s*[\\r\\n;]+\\s*")) {
                    b.keyword(part);
                }
            }
        }
        Element dates = e.child("dates");
        if (dates != null) {
            String year = dates.text("year");
            if (year != null) {
                Matcher m = YEAR.matcher(year);
                if (m.find()) {
                    b.year(Integer.valueOf(m.group(1)));
                }
            }
            b.date(dates.text("pub-dates/date"));
        }
        b.place(e.text("pub-location"));
        b.publisher(e.text("publisher"));
        String numbers = e.text("isbn");
        if (numbers != null) {
            Matcher m = ISSN.matcher(numbers);
            boolean issn = false;
            while (m.find()) {
                b.issn(m.group().toUpperCase(Locale.ROOT));
                issn = true;
            }
            if (!issn) {
                for (String part : numbers.split("\\s*[;,\\r\\n]\\s*|\\s+(?=\\d{9,}[\\dX])")) {
                    b.isbn(part);
                }
            }
        }
        String database = e.text("remote-database-name");
        b.database(database);
        String accession = e.text("accession-num");
        if (accession != null) {
            b.accessionNumber(database != null ? database : "accession", accession);
        }
        String resource = e.text("electronic-resource-num");
        if (resource != null) {
            if (Doi.isDoi(resource)) {
                b.doi(resource);
            } else {
                b.extra("electronic-resource-num", resource);
            }
        }
        b.abstractText(e.text("abstract"));
        b.note(e.text("notes"));
        b.language(e.text("language"));
        for (String kind : new String[] {"web-urls", "related-urls", "pdf-urls", "text-urls", "image-urls"}) {
            for (Element u : e.all("urls/" + kind + "/url")) {
                b.url(u.text());
            }
        }
        for (Element child : e.children()) {
            if (!MAPPED.contains(child.name()) && child.children().stream().allMatch(c -> c.name().equals("style"))) {
                b.extra(child.name(), child.text()); // caption, label, custom1…7, auth-address, work-type, …
            }
        }
        return b.build();
    }

    static RecordType type(Element refType) {
        if (refType == null) {
            return RecordType.GENERIC;
        }
        String name = refType.attr("name");
        if (name != null) {
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "journal article", "electronic article", "magazine article", "newspaper article" -> {
                    return RecordType.JOURNAL_ARTICLE;
                }
                case "book", "edited book", "electronic book" -> {
                    return RecordType.BOOK;
                }
                case "book section", "electronic book section" -> {
                    return RecordType.BOOK_SECTION;
                }
                case "conference proceedings", "conference paper" -> {
                    return RecordType.CONFERENCE_PAPER;
                }
                case "conference abstract" -> {
                    return RecordType.CONFERENCE_ABSTRACT;
                }
                case "thesis" -> {
                    return RecordType.THESIS;
                }
                case "report", "government document" -> {
                    return RecordType.REPORT;
                }
                case "web page" -> {
                    return RecordType.WEB_PAGE;
                }
                case "patent" -> {
                    return RecordType.PATENT;
                }
                case "dataset" -> {
                    return RecordType.DATASET;
                }
                case "preprint" -> {
                    return RecordType.PREPRINT;
                }
                default -> {
                    // fall back to the number
                }
            }
        }
        String number = refType.text();
        return number == null ? RecordType.GENERIC : TYPE_NUMBERS.getOrDefault(number, RecordType.GENERIC);
    }
}
