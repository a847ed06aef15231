package dev.winnow.web;

import dev.winnow.record.AbstractMarkup;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import java.util.List;

/**
 * A record as pages and the API show it: the fields a reviewer reads, as plain strings. Known
 * markup in the title and abstract (JATS, PubMed's labelled sections, HTML, entities) is shown as
 * text with its section labels ({@link AbstractMarkup}); {@code abstractRaw} is the stored abstract
 * when that changed it, else null.
 */
public record RecordView(long id, String title, List<String> authors, Integer year, String journal,
                         String abstractText, List<String> keywords, String doi, String pmid, String abstractRaw) {
    public static RecordView of(long id, Record r) {
        String abs = r.abstractText() == null ? "" : AbstractMarkup.toText(r.abstractText());
        return new RecordView(id, r.title() == null ? "" : AbstractMarkup.toText(r.title()),
                r.authors().stream().map(Author::display).toList(), r.year(), r.journal() == null ? "" : r.journal(),
                abs, r.keywords(), r.doi(), r.pmid(),
                r.abstractText() != null && !abs.equals(r.abstractText()) ? r.abstractText() : null);
    }

    public String authorLine() {
        if (authors.isEmpty()) {
            return "";
        }
        return authors.size() > 6 ? String.join("; ", authors.subList(0, 6)) + "; et al." : String.join("; ", authors);
    }
}
