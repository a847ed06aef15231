package dev.winnow.ingest.pubmedxml;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.XmlRecords;
import dev.winnow.ingest.XmlRecords.Element;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PubMed XML ({@code PubmedArticleSet} of {@code PubmedArticle} and {@code PubmedBookArticle}), as
 * PubMed's "Save → XML" and E-utilities efetch write it. Streamed with StAX; the DTD is never fetched.
 */
public final class PubmedXmlReader implements RecordReader {
    private static final Set<String> RECORDS = Set.of("PubmedArticle", "PubmedBookArticle");
    private static final Pattern YEAR = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)");

    @Override
    public Format format() {
        return Format.PUBMED_XML;
    }

    @Override
    public boolean sniff(String head) {
        return head.contains("<PubmedArticleSet") || head.contains("<PubmedArticle>") || head.contains("<PubmedArticle ")
                || head.contains("<PubmedBookArticle");
    }

    @Override
    public void read(Reader in, String fileName, RecordSink sink) throws IOException {
        int[] position = {0};
        String root = XmlRecords.stream(in, fileName, RECORDS, e -> {
            Record r = e.name().equals("PubmedArticle") ? article(e) : book(e);
            if (r.title() == null && r.pmid() == null && r.authors().isEmpty()) {
                sink.skip(position[0] + 1, e.line(), "<" + e.name() + "> with no PMID, title or author");
                return;
            }
            position[0]++;
            sink.accept(new ParsedRecord(r, position[0], e.line(), e.toXml()));
        });
        if (root == null || !root.startsWith("Pubmed")) {
            throw new ParseException(fileName, 1, "expected PubMed XML (<PubmedArticleSet>), found "
                    + (root == null ? "no element" : "<" + root + ">"));
        }
    }

    static Record article(Element e) {
        Record.Builder b = Record.builder().type(RecordType.JOURNAL_ARTICLE);
        Element citation = e.child("MedlineCitation");
        Element data = e.child("PubmedData");
        if (citation == null) {
            citation = e;
        }
        Element article = citation.child("Article");
        String pmid = citation.text("PMID");
        String abbreviation = null;
        if (article != null) {
            Element journal = article.child("Journal");
            if (journal != null) {
                b.journal(journal.text("Title"));
                abbreviation = journal.text("ISOAbbreviation");
                b.issn(journal.text("ISSN"));
                b.volume(journal.text("JournalIssue/Volume"));
                b.issue(journal.text("JournalIssue/Issue"));
                date(b, journal.at("JournalIssue/PubDate"));
            }
            String title = styled(article, "ArticleTitle");
            String vernacular = styled(article, "VernacularTitle");
            b.title(title != null ? title : vernacular);
            if (title != null) {
                b.originalTitle(vernacular);
            }
            b.pages(pages(article.child("Pagination")));
            for (Element loc : article.children("ELocationID")) {
                if ("doi".equalsIgnoreCase(loc.attr("EIdType")) && b.doi() == null) {
                    b.doi(loc.text());
                } else if ("pii".equalsIgnoreCase(loc.attr("EIdType"))) {
                    b.extra("pii", loc.text());
                }
            }
            abstractText(b, article.child("Abstract"));
            authors(article.child("AuthorList"), b);
            b.language(article.text("Language"));
            for (Element t : article.all("PublicationTypeList/PublicationType")) {
                String type = t.text();
                b.extra("pubtype", type);
                if (type != null && type.equalsIgnoreCase("Preprint")) {
                    b.type(RecordType.PREPRINT);
                }
            }
            if (b.year() == null) {
                Element ad = article.child("ArticleDate");
                if (ad != null) {
                    date(b, ad);
                }
            }
        }
        Element info = citation.child("MedlineJournalInfo");
        if (info != null) {
            if (abbreviation == null) {
                abbreviation = info.text("MedlineTA");
            }
            b.extra("nlm-id", info.text("NlmUniqueID"));
            b.extra("issn-linking", info.text("ISSNLinking"));
        }
        b.journalAbbreviation(abbreviation);
        keywords(citation, b);
        if (data != null) {
            pmid = ids(data.child("ArticleIdList"), b, pmid);
            b.extra("pubstate", data.text("PublicationStatus"));
        }
        b.extra("status", citation.attr("Status"));
        return withPmid(b, pmid);
    }

    static Record book(Element e) {
        Record.Builder b = Record.builder();
        Element doc = e.child("BookDocument");
        if (doc == null) {
            doc = e;
        }
        Element book = doc.child("Book");
        String pmid = doc.text("PMID");
        String chapter = styled(doc, "ArticleTitle");
        String bookTitle = book == null ? null : styled(book, "BookTitle");
        b.type(chapter != null ? RecordType.BOOK_SECTION : RecordType.BOOK);
        b.title(chapter != null ? chapter : bookTitle);
        if (chapter != null) {
            b.journal(bookTitle);
        }
        if (book != null) {
            b.publisher(book.text("Publisher/PublisherName"));
            b.place(book.text("Publisher/PublisherLocation"));
            date(b, book.child("PubDate"));
            authors(book.child("AuthorList"), b);
            for (Element isbn : book.children("Isbn")) {
                b.isbn(isbn.text());
            }
            b.extra("collection", book.text("CollectionTitle"));
            for (Element loc : book.children("ELocationID")) {
                if ("doi".equalsIgnoreCase(loc.attr("EIdType")) && b.doi() == null) {
                    b.doi(loc.text());
                }
            }
            b.volume(book.text("Volume"));
        }
        authors(doc.child("AuthorList"), b);
        b.pages(pages(doc.child("Pagination")));
        abstractText(b, doc.child("Abstract"));
        b.language(doc.text("Language"));
        for (Element t : doc.children("PublicationType")) {
            b.extra("pubtype", t.text());
        }
        keywords(doc, b);
        pmid = ids(doc.child("ArticleIdList"), b, pmid);
        Element data = e.child("PubmedBookData");
        if (data != null) {
            pmid = ids(data.child("ArticleIdList"), b, pmid);
            b.extra("pubstate", data.text("PublicationStatus"));
        }
        return withPmid(b, pmid);
    }

    private static Record withPmid(Record.Builder b, String pmid) {
        if (pmid != null) {
            b.pmid(pmid).url("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/");
        }
        return b.build();
    }

    /** Authors (editors when the list says Type="editors"); collective names are corporate authors. */
    private static void authors(Element list, Record.Builder b) {
        if (list == null) {
            return;
        }
        boolean editors = "editors".equalsIgnoreCase(list.attr("Type"));
        for (Element a : list.children("Author")) {
            if ("N".equals(a.attr("ValidYN"))) {
                continue;
            }
            Author author;
            String collective = a.text("CollectiveName");
            if (collective != null) {
                author = Author.organisation(collective);
            } else {
                String last = a.text("LastName");
                String fore = a.text("ForeName");
                if (fore == null) {
                    fore = a.text("Initials");
                }
                String suffix = a.text("Suffix");
                if (last == null) {
                    continue;
                }
                // the family name stays the comparison key; "Jr", "III" go with the given names
                author = Author.of(last, suffix == null ? fore : fore == null ? suffix : fore + " " + suffix);
            }
            if (editors) {
                b.editor(author);
            } else {
                b.author(author);
            }
        }
    }

    private static void date(Record.Builder b, Element date) {
        if (date == null) {
            return;
        }
        String medline = date.text("MedlineDate");
        if (medline != null) {
            b.date(medline);
            Matcher m = YEAR.matcher(medline);
            if (m.find() && b.year() == null) {
                b.year(Integer.valueOf(m.group(1)));
            }
            return;
        }
        String year = date.text("Year");
        if (year == null) {
            return;
        }
        String month = date.text("Month");
        String day = date.text("Day");
        String season = date.text("Season");
        StringBuilder d = new StringBuilder(year);
        if (month != null) {
            d.append(' ').append(month);
            if (day != null) {
                d.append(' ').append(day);
            }
        } else if (season != null) {
            d.append(' ').append(season);
        }
        if (b.year() == null) {
            Matcher m = YEAR.matcher(year);
            if (m.find()) {
                b.year(Integer.valueOf(m.group(1)));
            }
            b.date(d.toString());
        }
    }

    private static String pages(Element pagination) {
        if (pagination == null) {
            return null;
        }
        String pgn = pagination.text("MedlinePgn");
        if (pgn != null) {
            return pgn;
        }
        String start = pagination.text("StartPage");
        String end = pagination.text("EndPage");
        return start == null ? null : end == null ? start : start + "-" + end;
    }

    /**
     * PubMed XML marks super- and subscripts ({@code <sup>}, {@code <sub>}) inside titles and
     * abstracts; PubMed's own MEDLINE text export writes them in parentheses ("g m(-2) year(-1)",
     * "SpO(2)", "[(18)F]"). Reading them the same way makes a record exported as XML and as
     * .nbib read alike, which deduplication relies on.
     */
    static final Set<String> SUPERSCRIPTS_AND_SUBSCRIPTS = Set.of("sup", "sub");

    /** The text at a path with super- and subscripts as PubMed's text export writes them; null when absent. */
    private static String styled(Element parent, String path) {
        Element e = parent.at(path);
        return e == null ? null : e.text(SUPERSCRIPTS_AND_SUBSCRIPTS);
    }

    /** Labelled parts as "LABEL: text", separated by blank lines; copyright kept apart. */
    private static void abstractText(Record.Builder b, Element abs) {
        if (abs == null) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Element t : abs.children("AbstractText")) {
            String text = t.text(SUPERSCRIPTS_AND_SUBSCRIPTS);
            if (text == null) {
                continue;
            }
            String label = t.attr("Label");
            boolean show = label != null && !label.isBlank()
                    && !Set.of("UNLABELLED", "UNASSIGNED").contains(label.toUpperCase(Locale.ROOT));
            parts.add(show ? label + ": " + text : text);
        }
        if (!parts.isEmpty()) {
            b.abstractText(String.join("\n\n", parts));
        }
        b.extra("copyright", abs.text("CopyrightInformation"));
    }

    /** MeSH headings as "Descriptor/Qualifier" with '*' on major topics, then author keywords. */
    private static void keywords(Element citation, Record.Builder b) {
        for (Element h : citation.all("MeshHeadingList/MeshHeading")) {
            Element d = h.child("DescriptorName");
            if (d == null || d.text() == null) {
                continue;
            }
            List<Element> qualifiers = h.children("QualifierName");
            if (qualifiers.isEmpty()) {
                b.keyword(d.text() + ("Y".equals(d.attr("MajorTopicYN")) ? "*" : ""));
            }
            for (Element q : qualifiers) {
                b.keyword(d.text() + "/" + q.text() + ("Y".equals(q.attr("MajorTopicYN")) ? "*" : ""));
            }
        }
        for (Element k : citation.all("KeywordList/Keyword")) {
            b.keyword(k.text());
        }
    }

    /** Takes DOI, PMCID and bookshelf ids from an ArticleIdList; returns the PMID (the one given, else the list's). */
    private static String ids(Element list, Record.Builder b, String pmid) {
        if (list == null) {
            return pmid;
        }
        for (Element id : list.children("ArticleId")) {
            String type = id.attr("IdType");
            String v = id.text();
            if (type == null || v == null) {
                continue;
            }
            switch (type.toLowerCase(Locale.ROOT)) {
                case "doi" -> {
                    if (b.doi() == null) {
                        b.doi(v);
                    }
                }
                case "pmc" -> b.pmcid(v);
                case "pubmed" -> {
                    if (pmid == null) {
                        pmid = v;
                    }
                }
                case "bookaccession" -> b.accessionNumber("NCBI Bookshelf", v);
                default -> {
                    // pii, mid, url …: the record has no slot for them
                }
            }
        }
        return pmid;
    }
}
