package dev.winnow.ingest;

import dev.winnow.record.Record;

/**
 * One record read from a file: the parsed record, its 1-based position among the file's records,
 * the line it starts on, and its raw text exactly as the file had it (kept for provenance).
 */
public record ParsedRecord(Record record, int position, long line, String raw) {
}
