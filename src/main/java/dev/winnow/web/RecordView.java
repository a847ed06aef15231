package dev.winnow.web;

import dev.winnow.record.Author;
import dev.winnow.record.Record;
import java.util.List;

/** A record as pages and the API show it: the fields a reviewer reads, as plain strings. */
public record RecordView(long id, String title, List<String> authors, Integer year, String journal,
                         String abstractText, List<String> keywords, String doi, String pmid) {
    public static RecordView of(long id, Record r) {
        return new RecordView(id, r.title() == null ? "" : r.title(), r.authors().stream().map(Author::display).toList(),
                r.year(), r.journal() == null ? "" : r.journal(), r.abstractText() == null ? "" : r.abstractText(),
                r.keywords(), r.doi(), r.pmid());
    }

    public String authorLine() {
        if (authors.isEmpty()) {
            return "";
        }
        return authors.size() > 6 ? String.join("; ", authors.subList(0, 6)) + "; et al." : String.join("; ", authors);
    }
}
