package dev.winnow.ingest.csljson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.ingest.Formats;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record as a CSL-JSON item and back. Standard CSL variables carry what they can; what CSL has
 * no variable for (several URLs, accession numbers, notes, format-specific extras) goes under
 * {@code custom}, so that a record written and read again keeps every field.
 */
public final class CslJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final String KEY = Formats.CITE_KEY;

    private CslJson() {
    }

    static RecordType type(String cslType, String genre) {
        if (cslType == null) {
            return RecordType.GENERIC;
        }
        return switch (cslType) {
            case "article-journal", "article-magazine", "article-newspaper", "review", "review-book" -> RecordType.JOURNAL_ARTICLE;
            case "paper-conference" -> "conference abstract".equalsIgnoreCase(genre)
                    ? RecordType.CONFERENCE_ABSTRACT : RecordType.CONFERENCE_PAPER;
            case "book" -> RecordType.BOOK;
            case "chapter", "entry", "entry-dictionary", "entry-encyclopedia" -> RecordType.BOOK_SECTION;
            case "thesis" -> RecordType.THESIS;
            case "report" -> RecordType.REPORT;
            case "article" -> RecordType.PREPRINT;
            case "dataset" -> RecordType.DATASET;
            case "webpage", "post-weblog", "post" -> RecordType.WEB_PAGE;
            case "patent" -> RecordType.PATENT;
            default -> RecordType.GENERIC;
        };
    }

    static String cslType(RecordType t) {
        return switch (t) {
            case JOURNAL_ARTICLE -> "article-journal";
            case CONFERENCE_PAPER, CONFERENCE_ABSTRACT -> "paper-conference";
            case BOOK -> "book";
            case BOOK_SECTION -> "chapter";
            case THESIS -> "thesis";
            case REPORT -> "report";
            case PREPRINT -> "article";
            case DATASET -> "dataset";
            case WEB_PAGE -> "webpage";
            case PATENT -> "patent";
            case GENERIC -> "document";
        };
    }

    /** A CSL item as a record. */
    public static Record toRecord(JsonNode item) {
        Record.Builder b = Record.builder();
        b.type(type(text(item, "type"), text(item, "genre")));
        b.extra(KEY, text(item, "id"));
        b.title(text(item, "title"));
        b.originalTitle(text(item, "original-title"));
        names(item.get("author")).forEach(b::author);
        names(item.get("editor")).forEach(b::editor);
        date(item.get("issued"), b);
        b.journal(text(item, "container-title"));
        String abbr = text(item, "container-title-short");
        b.journalAbbreviation(abbr != null ? abbr : text(item, "journalAbbreviation"));
        b.volume(text(item, "volume"));
        b.issue(text(item, "issue"));
        b.pages(text(item, "page"));
        b.articleNumber(text(item, "number"));
        b.doi(text(item, "DOI"));
        b.pmid(text(item, "PMID"));
        b.pmcid(text(item, "PMCID"));
        strings(item.get("ISSN"), "\\s*[,;]\\s*").forEach(b::issn);
        strings(item.get("ISBN"), "\\s*[,;]\\s*").forEach(b::isbn);
        b.abstractText(text(item, "abstract"));
        String keywords = text(item, "keyword");
        if (keywords != null) {
            for (String k : keywords.split(keywords.contains(";") ? "\\s*;\\s*" : "\\s*,\\s*")) {
                b.keyword(k);
            }
        }
        b.language(text(item, "language"));
        b.url(text(item, "URL"));
        b.database(text(item, "source"));
        b.publisher(text(item, "publisher"));
        b.place(text(item, "publisher-place"));
        JsonNode custom = item.get("custom");
        if (custom != null && custom.isObject()) {
            strings(custom.get("urls"), null).forEach(b::url);
            JsonNode acc = custom.get("accessionNumbers");
            if (acc != null && acc.isObject()) {
                acc.fields().forEachRemaining(f -> b.accessionNumber(f.getKey(), f.getValue().asText()));
            }
            b.institution(text(custom, "institution"));
            strings(custom.get("notes"), null).forEach(b::note);
            JsonNode extra = custom.get("extra");
            if (extra != null && extra.isObject()) {
                extra.fields().forEachRemaining(f -> strings(f.getValue(), null).forEach(v -> b.extra(f.getKey(), v)));
            }
        }
        if (custom == null || custom.get("notes") == null) {
            b.note(text(item, "note"));
        }
        return b.build();
    }

    /** A record as a CSL item; {@code fallbackId} is used when the record has no key of its own. */
    public static ObjectNode toItem(Record r, String fallbackId) {
        ObjectNode o = NODES.objectNode();
        List<String> keys = r.extra().getOrDefault(KEY, List.of());
        o.put("id", keys.isEmpty() ? fallbackId : keys.get(0));
        o.put("type", cslType(r.type()));
        if (r.type() == RecordType.CONFERENCE_ABSTRACT) {
            o.put("genre", "conference abstract");
        }
        put(o, "title", r.title());
        put(o, "original-title", r.originalTitle());
        names(o, "author", r.authors());
        names(o, "editor", r.editors());
        if (r.year() != null || r.date() != null) {
            ObjectNode issued = o.putObject("issued");
            Matcher m = r.date() == null ? null : ISO_DATE.matcher(r.date());
            if (m != null && m.matches() && r.year() != null && Integer.parseInt(m.group(1)) == r.year()) {
                ArrayNode parts = issued.putArray("date-parts").addArray();
                for (int g = 1; g <= 3 && m.group(g) != null; g++) {
                    parts.add(Integer.parseInt(m.group(g)));
                }
                if (m.group(2) == null) {
                    put(issued, "raw", r.date()); // a date that is the year alone: [[2019]] reads back as no date
                }
            } else {
                if (r.year() != null) {
                    issued.putArray("date-parts").addArray().add(r.year());
                }
                put(issued, "raw", r.date());
            }
        }
        put(o, "container-title", r.journal());
        put(o, "container-title-short", r.journalAbbreviation());
        put(o, "volume", r.volume());
        put(o, "issue", r.issue());
        put(o, "page", r.pages());
        put(o, "number", r.articleNumber());
        put(o, "DOI", r.doi());
        put(o, "PMID", r.pmid());
        put(o, "PMCID", r.pmcid());
        put(o, "ISSN", r.issns().isEmpty() ? null : String.join(", ", r.issns()));
        put(o, "ISBN", r.isbns().isEmpty() ? null : String.join(", ", r.isbns()));
        put(o, "abstract", r.abstractText());
        put(o, "keyword", r.keywords().isEmpty() ? null : String.join("; ", r.keywords()));
        put(o, "language", r.language());
        put(o, "URL", r.urls().isEmpty() ? null : r.urls().get(0));
        put(o, "source", r.database());
        put(o, "publisher", r.publisher());
        put(o, "publisher-place", r.place());
        put(o, "note", r.notes().isEmpty() ? null : String.join("\n\n", r.notes()));
        ObjectNode custom = NODES.objectNode();
        if (r.urls().size() > 1) {
            ArrayNode urls = custom.putArray("urls");
            r.urls().subList(1, r.urls().size()).forEach(urls::add);
        }
        if (!r.accessionNumbers().isEmpty()) {
            ObjectNode acc = custom.putObject("accessionNumbers");
            r.accessionNumbers().forEach(acc::put);
        }
        put(custom, "institution", r.institution());
        if (!r.notes().isEmpty()) {
            ArrayNode notes = custom.putArray("notes");
            r.notes().forEach(notes::add);
        }
        ObjectNode extra = NODES.objectNode();
        for (Map.Entry<String, List<String>> e : r.extra().entrySet()) {
            if (!e.getKey().equals(KEY)) {
                ArrayNode vs = extra.putArray(e.getKey());
                e.getValue().forEach(vs::add);
            }
        }
        if (!extra.isEmpty()) {
            custom.set("extra", extra);
        }
        if (!custom.isEmpty()) {
            o.set("custom", custom);
        }
        return o;
    }

    private static void date(JsonNode issued, Record.Builder b) {
        if (issued == null || issued.isNull()) {
            return;
        }
        if (issued.isTextual()) {
            b.date(issued.asText());
            b.year(year(issued.asText()));
            return;
        }
        JsonNode parts = issued.path("date-parts").path(0);
        String raw = text(issued, "raw");
        if (raw == null) {
            raw = text(issued, "literal");
        }
        if (parts.isArray() && !parts.isEmpty()) {
            Integer y = parts.get(0).canConvertToInt() || parts.get(0).isTextual() ? year(parts.get(0).asText()) : null;
            b.year(y);
            if (raw == null && y != null && parts.size() > 1) {
                StringBuilder d = new StringBuilder(String.valueOf(y));
                for (int i = 1; i < Math.min(3, parts.size()); i++) {
                    d.append('-').append(String.format("%02d", parts.get(i).asInt()));
                }
                b.date(d.toString());
            }
        } else if (raw != null) {
            b.year(year(raw));
        }
        if (raw != null) {
            b.date(raw);
        }
    }

    private static Integer year(String s) {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)").matcher(s == null ? "" : s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static List<Author> names(JsonNode list) {
        List<Author> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode n : list) {
            String literal = text(n, "literal");
            if (literal != null) {
                out.add(Author.organisation(literal));
                continue;
            }
            String family = text(n, "family");
            String particle = text(n, "non-dropping-particle");
            if (family != null && particle != null) {
                family = particle + " " + family;
            }
            String given = text(n, "given");
            String suffix = text(n, "suffix");
            if (given != null && suffix != null) {
                given = given + " " + suffix;
            }
            if (family != null || given != null) {
                out.add(Author.of(family, given));
            }
        }
        return out;
    }

    private static void names(ObjectNode o, String field, List<Author> authors) {
        if (authors.isEmpty()) {
            return;
        }
        ArrayNode list = o.putArray(field);
        for (Author a : authors) {
            ObjectNode n = list.addObject();
            if (a.corporate()) {
                n.put("literal", a.family());
            } else {
                n.put("family", a.family());
                put(n, "given", a.given());
            }
        }
    }

    private static List<String> strings(JsonNode node, String splitRegex) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode v = it.next();
                if (v.isValueNode()) {
                    out.add(v.asText());
                }
            }
        } else if (node.isValueNode()) {
            String s = node.asText();
            if (splitRegex == null) {
                out.add(s);
            } else {
                out.addAll(List.of(s.split(splitRegex)));
            }
        }
        return out;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
