package dev.winnow.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bibliographic record as a database export describes it: the fields reviewers need to screen,
 * deduplicate and cite. Immutable; build one with {@link #builder()}. Text is kept as given
 * (trimmed); the normalisers in this package derive comparison keys from it.
 *
 * <p>Fields a format carries that have no slot here are kept in {@link #extra()} under the
 * format's own tag, so that a record read, written and read again loses nothing.
 */
public final class Record {
    private final RecordType type;
    private final String title;
    private final String originalTitle;
    private final List<Author> authors;
    private final List<Author> editors;
    private final Integer year;
    private final String date;
    private final String journal;
    private final String journalAbbreviation;
    private final String volume;
    private final String issue;
    private final String pages;
    private final String articleNumber;
    private final String doi;
    private final String pmid;
    private final String pmcid;
    private final List<String> issns;
    private final List<String> isbns;
    private final String abstractText;
    private final List<String> keywords;
    private final String language;
    private final List<String> urls;
    private final Map<String, String> accessionNumbers;
    private final String database;
    private final String publisher;
    private final String place;
    private final String institution;
    private final List<String> notes;
    private final Map<String, List<String>> extra;

    private Record(Builder b) {
        type = b.type == null ? RecordType.GENERIC : b.type;
        title = clean(b.title);
        originalTitle = clean(b.originalTitle);
        authors = List.copyOf(b.authors);
        editors = List.copyOf(b.editors);
        year = b.year;
        date = clean(b.date);
        journal = clean(b.journal);
        journalAbbreviation = clean(b.journalAbbreviation);
        volume = clean(b.volume);
        issue = clean(b.issue);
        pages = clean(b.pages);
        articleNumber = clean(b.articleNumber);
        doi = clean(b.doi);
        pmid = clean(b.pmid);
        pmcid = clean(b.pmcid);
        issns = List.copyOf(b.issns);
        isbns = List.copyOf(b.isbns);
        abstractText = clean(b.abstractText);
        keywords = List.copyOf(b.keywords);
        language = clean(b.language);
        urls = List.copyOf(b.urls);
        accessionNumbers = Collections.unmodifiableMap(new LinkedHashMap<>(b.accessionNumbers));
        database = clean(b.database);
        publisher = clean(b.publisher);
        place = clean(b.place);
        institution = clean(b.institution);
        notes = List.copyOf(b.notes);
        Map<String, List<String>> ex = new LinkedHashMap<>();
        b.extra.forEach((k, v) -> ex.put(k, List.copyOf(v)));
        extra = Collections.unmodifiableMap(ex);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = PlainText.withoutControlCharacters(s).strip();
        return t.isEmpty() ? null : t;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.title = title;
        b.originalTitle = originalTitle;
        b.authors.addAll(authors);
        b.editors.addAll(editors);
        b.year = year;
        b.date = date;
        b.journal = journal;
        b.journalAbbreviation = journalAbbreviation;
        b.volume = volume;
        b.issue = issue;
        b.pages = pages;
        b.articleNumber = articleNumber;
        b.doi = doi;
        b.pmid = pmid;
        b.pmcid = pmcid;
        b.issns.addAll(issns);
        b.isbns.addAll(isbns);
        b.abstractText = abstractText;
        b.keywords.addAll(keywords);
        b.language = language;
        b.urls.addAll(urls);
        b.accessionNumbers.putAll(accessionNumbers);
        b.database = database;
        b.publisher = publisher;
        b.place = place;
        b.institution = institution;
        b.notes.addAll(notes);
        extra.forEach((k, v) -> b.extra.put(k, new ArrayList<>(v)));
        return b;
    }

    public RecordType type() { return type; }
    /** The title in the language indexed (usually English). */
    public String title() { return title; }
    /** The title in the original language, when the database gives it separately. */
    public String originalTitle() { return originalTitle; }
    public List<Author> authors() { return authors; }
    public List<Author> editors() { return editors; }
    public Integer year() { return year; }
    /** The publication date as given (e.g. "2021 Mar 4", "2021/03/04/"). */
    public String date() { return date; }
    /** Journal, proceedings or book title: the container of this record. */
    public String journal() { return journal; }
    public String journalAbbreviation() { return journalAbbreviation; }
    public String volume() { return volume; }
    public String issue() { return issue; }
    /** Page range as given ("590-5", "e1234"); {@link Pages} normalises it. */
    public String pages() { return pages; }
    public String articleNumber() { return articleNumber; }
    /** DOI as given; {@link Doi#normalise(String)} gives the comparison form. */
    public String doi() { return doi; }
    public String pmid() { return pmid; }
    public String pmcid() { return pmcid; }
    public List<String> issns() { return issns; }
    public List<String> isbns() { return isbns; }
    public String abstractText() { return abstractText; }
    public List<String> keywords() { return keywords; }
    public String language() { return language; }
    public List<String> urls() { return urls; }
    /** Accession numbers by database ("WOS" → "000301234500001", "Embase" → "2012345678"). */
    public Map<String, String> accessionNumbers() { return accessionNumbers; }
    /** The database or provider the record itself names (RIS DB/DP), not the project's source. */
    public String database() { return database; }
    public String publisher() { return publisher; }
    public String place() { return place; }
    /** Awarding institution of a thesis, or issuing organisation of a report. */
    public String institution() { return institution; }
    public List<String> notes() { return notes; }
    /** Fields with no slot above, under the format's own tag, in file order. */
    public Map<String, List<String>> extra() { return extra; }

    /** The first author's family name, or null. */
    public String firstAuthorFamily() {
        return authors.isEmpty() ? null : authors.get(0).family();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Record r)) {
            return false;
        }
        return type == r.type && Objects.equals(title, r.title) && Objects.equals(originalTitle, r.originalTitle)
                && authors.equals(r.authors) && editors.equals(r.editors) && Objects.equals(year, r.year)
                && Objects.equals(date, r.date) && Objects.equals(journal, r.journal)
                && Objects.equals(journalAbbreviation, r.journalAbbreviation) && Objects.equals(volume, r.volume)
                && Objects.equals(issue, r.issue) && Objects.equals(pages, r.pages)
                && Objects.equals(articleNumber, r.articleNumber) && Objects.equals(doi, r.doi)
                && Objects.equals(pmid, r.pmid) && Objects.equals(pmcid, r.pmcid) && issns.equals(r.issns)
                && isbns.equals(r.isbns) && Objects.equals(abstractText, r.abstractText)
                && keywords.equals(r.keywords) && Objects.equals(language, r.language) && urls.equals(r.urls)
                && accessionNumbers.equals(r.accessionNumbers) && Objects.equals(database, r.database)
                && Objects.equals(publisher, r.publisher) && Objects.equals(place, r.place)
                && Objects.equals(institution, r.institution) && notes.equals(r.notes) && extra.equals(r.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, title, authors, year, journal, volume, issue, pages, doi, pmid, abstractText);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(authors.isEmpty() ? "[no author]" : authors.get(0).family() + (authors.size() > 1 ? " et al." : ""));
        sb.append(" (").append(year == null ? "n.d." : year).append(") ");
        sb.append(title == null ? "[no title]" : title);
        if (journal != null) {
            sb.append(". ").append(journal);
        }
        return sb.toString();
    }

    /** Mutable builder; setters ignore nothing, lists accumulate. */
    public static final class Builder {
        private RecordType type;
        private String title;
        private String originalTitle;
        private final List<Author> authors = new ArrayList<>();
        private final List<Author> editors = new ArrayList<>();
        private Integer year;
        private String date;
        private String journal;
        private String journalAbbreviation;
        private String volume;
        private String issue;
        private String pages;
        private String articleNumber;
        private String doi;
        private String pmid;
        private String pmcid;
        private final List<String> issns = new ArrayList<>();
        private final List<String> isbns = new ArrayList<>();
        private String abstractText;
        private final List<String> keywords = new ArrayList<>();
        private String language;
        private final List<String> urls = new ArrayList<>();
        private final Map<String, String> accessionNumbers = new LinkedHashMap<>();
        private String database;
        private String publisher;
        private String place;
        private String institution;
        private final List<String> notes = new ArrayList<>();
        private final Map<String, List<String>> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder type(RecordType v) { type = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder originalTitle(String v) { originalTitle = v; return this; }
        public Builder author(Author v) { if (v != null && !v.family().isEmpty()) { authors.add(v); } return this; }
        public Builder authors(List<Author> v) { authors.clear(); v.forEach(this::author); return this; }
        public Builder editor(Author v) { if (v != null && !v.family().isEmpty()) { editors.add(v); } return this; }
        public Builder editors(List<Author> v) { editors.clear(); v.forEach(this::editor); return this; }
        public Builder year(Integer v) { year = v; return this; }
        public Builder date(String v) { date = v; return this; }
        public Builder journal(String v) { journal = v; return this; }
        public Builder journalAbbreviation(String v) { journalAbbreviation = v; return this; }
        public Builder volume(String v) { volume = v; return this; }
        public Builder issue(String v) { issue = v; return this; }
        public Builder pages(String v) { pages = v; return this; }
        public Builder articleNumber(String v) { articleNumber = v; return this; }
        public Builder doi(String v) { doi = v; return this; }
        public Builder pmid(String v) { pmid = v; return this; }
        public Builder pmcid(String v) { pmcid = v; return this; }
        public Builder issn(String v) { addDistinct(issns, v); return this; }
        public Builder issns(List<String> v) { issns.clear(); v.forEach(this::issn); return this; }
        public Builder isbn(String v) { addDistinct(isbns, v); return this; }
        public Builder isbns(List<String> v) { isbns.clear(); v.forEach(this::isbn); return this; }
        public Builder abstractText(String v) { abstractText = v; return this; }
        public Builder keyword(String v) { addDistinct(keywords, v); return this; }
        public Builder keywords(List<String> v) { keywords.clear(); v.forEach(this::keyword); return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder url(String v) { addDistinct(urls, v); return this; }
        public Builder urls(List<String> v) { urls.clear(); v.forEach(this::url); return this; }
        public Builder accessionNumber(String database, String number) {
            String n = number == null ? "" : PlainText.withoutControlCharacters(number).strip();
            if (database != null && !n.isEmpty()) {
                accessionNumbers.put(database.strip(), n);
            }
            return this;
        }
        public Builder accessionNumbers(Map<String, String> v) { accessionNumbers.clear(); v.forEach(this::accessionNumber); return this; }
        public Builder database(String v) { database = v; return this; }
        public Builder publisher(String v) { publisher = v; return this; }
        public Builder place(String v) { place = v; return this; }
        public Builder institution(String v) { institution = v; return this; }
        public Builder note(String v) { addText(notes, v, false); return this; }
        public Builder notes(List<String> v) { notes.clear(); v.forEach(this::note); return this; }
        public Builder extra(String tag, String value) {
            String t = value == null ? "" : PlainText.withoutControlCharacters(value).strip();
            if (tag != null && !t.isEmpty()) {
                extra.computeIfAbsent(tag, k -> new ArrayList<>()).add(t);
            }
            return this;
        }
        public Builder extras(Map<String, List<String>> v) {
            extra.clear();
            v.forEach((k, vs) -> vs.forEach(x -> extra(k, x)));
            return this;
        }

        /** The title currently set (parsers use it to append continuation lines). */
        public String title() { return title; }
        public String abstractText() { return abstractText; }
        public Integer year() { return year; }
        public String doi() { return doi; }
        public String journal() { return journal; }
        public String volume() { return volume; }
        public String issue() { return issue; }
        public String pages() { return pages; }
        public List<Author> authors() { return Collections.unmodifiableList(authors); }

        public Record build() {
            return new Record(this);
        }

        private static void addDistinct(List<String> list, String v) {
            addText(list, v, true);
        }

        /** Adds {@code v} stripped and without control characters, unless blank (or, when distinct, present). */
        private static void addText(List<String> list, String v, boolean distinct) {
            String t = v == null ? "" : PlainText.withoutControlCharacters(v).strip();
            if (!t.isEmpty() && !(distinct && list.contains(t))) {
                list.add(t);
            }
        }
    }
}
