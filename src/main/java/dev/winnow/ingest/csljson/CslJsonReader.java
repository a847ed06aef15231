package dev.winnow.ingest.csljson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.record.Record;
import dev.winnow.store.Json;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * CSL-JSON: an array of items (as Zotero, Pandoc and citeproc use them), streamed one item at a
 * time with Jackson's {@link JsonParser}; a single item object is read too when asked for by name.
 */
public final class CslJsonReader implements RecordReader {
    private static final Pattern ITEM_KEY = Pattern.compile("\"(type|title|author|issued|container-title|DOI)\"\\s*:");

    @Override
    public Format format() {
        return Format.CSL_JSON;
    }

    @Override
    public boolean sniff(String head) {
        return head.stripLeading().startsWith("[") && ITEM_KEY.matcher(head).find();
    }

    @Override
    public void read(Reader in, String fileName, RecordSink sink) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ParseException(fileName, 0, "the file is empty");
            }
            if (first == JsonToken.START_OBJECT) {
                item(p, fileName, sink, 1);
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new ParseException(fileName, p.currentLocation().getLineNr(), "expected a CSL-JSON array of items ('[')");
            }
            int position = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new ParseException(fileName, p.currentLocation().getLineNr(), "the array never closes (expected ']')");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new ParseException(fileName, p.currentLocation().getLineNr(), "expected an item ('{') in the array, found "
                            + p.getText());
                }
                int next = position + 1;
                if (item(p, fileName, sink, next)) {
                    position = next;
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ParseException(fileName, line, "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean item(JsonParser p, String fileName, RecordSink sink, int position) throws IOException {
        long line = p.currentLocation().getLineNr();
        JsonNode node = Json.MAPPER.readTree(p);
        Record r = CslJson.toRecord(node);
        if (r.title() == null && r.authors().isEmpty() && r.doi() == null) {
            sink.skip(position, line, "item with no title, author or DOI");
            return false;
        }
        sink.accept(new ParsedRecord(r, position, line, node.toString()));
        return true;
    }
}
