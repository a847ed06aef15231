package dev.winnow.report;

import dev.winnow.UserError;
import dev.winnow.export.ExportService;
import dev.winnow.project.Project;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.report.flow.StudyTrail;
import dev.winnow.report.render.PrismaCsv;
import dev.winnow.report.render.Xml;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.ResolutionStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.StudyStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lists a report needs besides the diagram: the included studies (as RIS, CSV or XLSX through
 * the ingest writers) and the full texts excluded with their reasons (the table journals ask for).
 */
public final class ReportExports {
    private final Database db;

    public ReportExports(Database db) {
        this.db = db;
    }

    /** An excluded full text: the study, its citation parts and every reason given (primary first). */
    public record ExcludedReport(long studyId, String authors, Integer year, String title, String doi,
                                 List<String> reasons) {
    }

    /** The included study records (reports), in id order. */
    public List<Record> includedRecords(Project p) {
        return db.withHandle(h -> {
            List<Record> out = new ArrayList<>();
            for (StudyTrail t : ReportService.facts(h, p.id()).studies()) {
                if (t.eligibility() == StudyTrail.Eligibility.INCLUDED && t.previousRecords() == 0) {
                    StudyStore.find(h, t.studyId()).ifPresent(s -> out.add(s.record()));
                }
            }
            return out;
        });
    }

    /** The included studies in any format Winnow writes (see {@link ExportService#writableList()}). */
    public byte[] included(Project p, String format) {
        return ExportService.write(includedRecords(p), ExportService.writable(format));
    }

    /** Full texts assessed and excluded, in id order, with the reasons the outcome carries. */
    public List<ExcludedReport> excluded(Project p) {
        return db.withHandle(h -> {
            var stage = StageStore.find(h, p.id(), "full-text");
            if (stage.isEmpty()) {
                return List.of();
            }
            Map<Long, StageOutcomes.Result> outcomes = StageOutcomes.derive(DecisionStore.history(h, stage.get().id()),
                    ResolutionStore.history(h, stage.get().id()), stage.get().reviewersPerRecord());
            List<ExcludedReport> out = new ArrayList<>();
            for (StudyTrail t : ReportService.facts(h, p.id()).studies()) {
                StageOutcomes.Result r = outcomes.get(t.studyId());
                if (t.eligibility() != StudyTrail.Eligibility.EXCLUDED || r == null) {
                    continue;
                }
                Record rec = StudyStore.find(h, t.studyId()).map(StudyStore.Study::record).orElse(null);
                if (rec == null) {
                    continue;
                }
                out.add(new ExcludedReport(t.studyId(), authors(rec), rec.year(), rec.title(), rec.doi(),
                        r.outcome().reasons()));
            }
            return out;
        });
    }

    public byte[] excludedTable(Project p, String format) {
        List<ExcludedReport> rows = excluded(p);
        String t = format == null ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        String text = switch (t) {
            case "csv" -> csv(rows);
            case "md", "markdown" -> markdown(rows);
            case "html" -> html(p.title(), rows);
            default -> throw new UserError("unknown format '" + format + "': expected csv, md or html");
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String csv(List<ExcludedReport> rows) {
        StringBuilder b = new StringBuilder("study_id,authors,year,title,doi,reason,other_reasons\r\n");
        for (ExcludedReport r : rows) {
            b.append(r.studyId()).append(',').append(PrismaCsv.cell(r.authors())).append(',')
                    .append(r.year() == null ? "" : r.year()).append(',').append(PrismaCsv.cell(nz(r.title())))
                    .append(',').append(PrismaCsv.cell(nz(r.doi()))).append(',')
                    .append(PrismaCsv.cell(primary(r))).append(',')
                    .append(PrismaCsv.cell(String.join("; ", r.reasons().stream().skip(1).toList()))).append("\r\n");
        }
        return b.toString();
    }

    static String markdown(List<ExcludedReport> rows) {
        StringBuilder b = new StringBuilder("| Study | Reason for exclusion |\n|---|---|\n");
        for (ExcludedReport r : rows) {
            b.append("| ").append(Markdown.text(citation(r))).append(" | ")
                    .append(Markdown.text(String.join("; ", reasons(r)))).append(" |\n");
        }
        return b.toString();
    }

    static String html(String title, List<ExcludedReport> rows) {
        String cell = " style=\"border: 1px solid #000; padding: 4px; vertical-align: top;\"";
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append("Excluded full texts: ").append(Xml.escape(title)).append("</title></head>\n")
                .append("<body style=\"font-family: Calibri, Arial, sans-serif; font-size: 11pt;\">\n<h1 style=\"")
                .append("font-size: 14pt;\">Full texts excluded, with reasons</h1>\n")
                .append("<table style=\"border-collapse: collapse;\">\n<tr><th").append(cell).append(">Study</th><th")
                .append(cell).append(">Reason for exclusion</th></tr>\n");
        for (ExcludedReport r : rows) {
            b.append("<tr><td").append(cell).append('>').append(Xml.escape(citation(r))).append("</td><td").append(cell)
                    .append('>').append(Xml.escape(String.join("; ", reasons(r)))).append("</td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static List<String> reasons(ExcludedReport r) {
        return r.reasons().isEmpty() ? List.of(dev.winnow.report.flow.FlowCalculator.NO_REASON) : r.reasons();
    }

    private static String primary(ExcludedReport r) {
        return reasons(r).getFirst();
    }

    private static String citation(ExcludedReport r) {
        return (r.authors().isEmpty() ? "" : r.authors() + " ") + (r.year() == null ? "" : "(" + r.year() + ") ")
                + nz(r.title()) + (r.doi() == null ? "" : " doi:" + r.doi());
    }

    private static String authors(Record r) {
        List<Author> as = r.authors();
        if (as.isEmpty()) {
            return "";
        }
        String first = as.getFirst().family() == null ? "" : as.getFirst().family();
        return as.size() == 1 ? first : as.size() == 2 ? first + " & " + nz(as.get(1).family()) : first + " et al.";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
