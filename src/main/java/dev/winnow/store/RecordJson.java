package dev.winnow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link Record} as the JSON kept in {@code source_record.fields} and {@code study.fields}. */
public final class RecordJson {
    private RecordJson() {
    }

    /** The stored shape: plain fields, nulls and empty lists left out. */
    public record Fields(
            String type, String title, String originalTitle, List<AuthorFields> authors, List<AuthorFields> editors,
            Integer year, String date, String journal, String journalAbbreviation, String volume, String issue,
            String pages, String articleNumber, String doi, String pmid, String pmcid, List<String> issns,
            List<String> isbns, String abstractText, List<String> keywords, String language, List<String> urls,
            Map<String, String> accessionNumbers, String database, String publisher, String place,
            String institution, List<String> notes, Map<String, List<String>> extra) {
    }

    public record AuthorFields(String family, String given, Boolean corporate) {
    }

    public static String write(Record r) {
        return Json.write(new Fields(
                r.type().name(), r.title(), r.originalTitle(), authors(r.authors()), authors(r.editors()), r.year(),
                r.date(), r.journal(), r.journalAbbreviation(), r.volume(), r.issue(), r.pages(), r.articleNumber(),
                r.doi(), r.pmid(), r.pmcid(), emptyToNull(r.issns()), emptyToNull(r.isbns()), r.abstractText(),
                emptyToNull(r.keywords()), r.language(), emptyToNull(r.urls()),
                r.accessionNumbers().isEmpty() ? null : r.accessionNumbers(), r.database(), r.publisher(), r.place(),
                r.institution(), emptyToNull(r.notes()), r.extra().isEmpty() ? null : r.extra()));
    }

    public static Record read(String json) {
        Fields f = Json.read(json, new TypeReference<Fields>() { });
        Record.Builder b = Record.builder()
                .type(f.type() == null ? RecordType.GENERIC : RecordType.valueOf(f.type()))
                .title(f.title()).originalTitle(f.originalTitle()).year(f.year()).date(f.date())
                .journal(f.journal()).journalAbbreviation(f.journalAbbreviation()).volume(f.volume())
                .issue(f.issue()).pages(f.pages()).articleNumber(f.articleNumber()).doi(f.doi()).pmid(f.pmid())
                .pmcid(f.pmcid()).abstractText(f.abstractText()).language(f.language()).database(f.database())
                .publisher(f.publisher()).place(f.place()).institution(f.institution());
        toAuthors(f.authors()).forEach(b::author);
        toAuthors(f.editors()).forEach(b::editor);
        nonNull(f.issns()).forEach(b::issn);
        nonNull(f.isbns()).forEach(b::isbn);
        nonNull(f.keywords()).forEach(b::keyword);
        nonNull(f.urls()).forEach(b::url);
        nonNull(f.notes()).forEach(b::note);
        if (f.accessionNumbers() != null) {
            f.accessionNumbers().forEach(b::accessionNumber);
        }
        if (f.extra() != null) {
            f.extra().forEach((k, vs) -> vs.forEach(v -> b.extra(k, v)));
        }
        return b.build();
    }

    private static List<AuthorFields> authors(List<Author> as) {
        if (as.isEmpty()) {
            return null;
        }
        List<AuthorFields> out = new ArrayList<>();
        for (Author a : as) {
            out.add(new AuthorFields(a.family(), a.given(), a.corporate() ? Boolean.TRUE : null));
        }
        return out;
    }

    private static List<Author> toAuthors(List<AuthorFields> fs) {
        List<Author> out = new ArrayList<>();
        for (AuthorFields f : nonNull(fs)) {
            out.add(new Author(f.family(), f.given(), Boolean.TRUE.equals(f.corporate())));
        }
        return out;
    }

    private static <T> List<T> emptyToNull(List<T> l) {
        return l.isEmpty() ? null : l;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
