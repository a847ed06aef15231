package dev.winnow.ingest.csljson;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.record.Record;
import dev.winnow.store.Json;
import java.io.IOException;
import java.io.Writer;

/** Writes a CSL-JSON array, one item per record, streamed. */
public final class CslJsonWriter implements RecordWriter {
    @Override
    public Format format() {
        return Format.CSL_JSON;
    }

    @Override
    public void write(Iterable<Record> records, Writer out) throws IOException {
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        int n = 0;
        for (Record r : records) {
            n++;
            g.writeTree(CslJson.toItem(r, "r" + n));
        }
        g.writeEndArray();
        g.flush();
        out.write('\n');
        out.flush();
    }
}
