package dev.winnow.report.render;

import dev.winnow.report.flow.FlowDiagram;
import java.util.List;
import java.util.Map;

/**
 * The flow diagram as the PRISMA2020 R package's CSV template: columns
 * {@code data,node,box,description,boxtext,tooltips,url,n}, one row per data key, in the template's
 * order (repository prisma-flowdiagram/PRISMA2020, {@code inst/extdata/PRISMA.csv}). Read it in R with
 * {@code PRISMA_data(read.csv("prisma.csv"))} and draw with {@code PRISMA_flowdiagram(...)}.
 */
public final class PrismaCsv {
    private PrismaCsv() {
    }

    /** key, node, box, description, box text; a null key is a title box that carries no number. */
    private record Row(String key, String node, String box, String description, String boxtext) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(null, "node4", "prevstud", "Grey title box; Previous studies", "Previous studies"),
            new Row("previous_studies", "node5", "box1", "Studies included in previous version of review",
                    "Studies included in previous version of review"),
            new Row("previous_reports", null, "box1", "Reports of studies included in previous version of review",
                    "Reports of studies included in previous version of review"),
            new Row(null, "node6", "newstud", "Yellow title box; Identification of new studies via databases and registers",
                    "Identification of new studies via databases and registers"),
            new Row("database_results", "node7", "box2", "Records identified from: Databases", "Databases"),
            new Row("database_specific_results", null, "box2", "Records identified from: specific databases",
                    "Specific Databases"),
            new Row("register_results", null, "box2", "Records identified from: Registers", "Registers"),
            new Row("register_specific_results", null, "box2", "Records identified from: specific registers",
                    "Specific Registers"),
            new Row(null, "node16", "othstud", "Grey title box; Identification of new studies via other methods",
                    "Identification of new studies via other methods"),
            new Row("website_results", "node17", "box11", "Records identified from: Websites", "Websites"),
            new Row("organisation_results", null, "box11", "Records identified from: Organisations", "Organisations"),
            new Row("citations_results", null, "box11", "Records identified from: Citation searching",
                    "Citation searching"),
            new Row("duplicates", "node8", "box3", "Duplicate records", "Duplicate records"),
            new Row("excluded_automatic", null, "box3", "Records marked as ineligible by automation tools",
                    "Records marked as ineligible by automation tools"),
            new Row("excluded_other", null, "box3", "Records removed for other reasons",
                    "Records removed for other reasons"),
            new Row("records_screened", "node9", "box4", "Records screened (databases and registers)",
                    "Records screened"),
            new Row("records_excluded", "node10", "box5", "Records excluded (databases and registers)",
                    "Records excluded"),
            new Row("dbr_sought_reports", "node11", "box6", "Reports sought for retrieval (databases and registers)",
                    "Reports sought for retrieval"),
            new Row("dbr_notretrieved_reports", "node12", "box7", "Reports not retrieved (databases and registers)",
                    "Reports not retrieved"),
            new Row("other_sought_reports", "node18", "box12", "Reports sought for retrieval (other)",
                    "Reports sought for retrieval"),
            new Row("other_notretrieved_reports", "node19", "box13", "Reports not retrieved (other)",
                    "Reports not retrieved"),
            new Row("dbr_assessed", "node13", "box8", "Reports assessed for eligibility (databases and registers)",
                    "Reports assessed for eligibility"),
            new Row("dbr_excluded", "node14", "box9", "Reports excluded (databases and registers)", "Reports excluded"),
            new Row("other_assessed", "node20", "box14", "Reports assessed for eligibility (other)",
                    "Reports assessed for eligibility"),
            new Row("other_excluded", "node21", "box15", "Reports excluded (other)", "Reports excluded"),
            new Row("new_studies", "node15", "box10", "New studies included in review", "New studies included in review"),
            new Row("new_reports", null, "box10", "Reports of new included studies", "Reports of new included studies"),
            new Row("total_studies", "node22", "box16", "Total studies included in review",
                    "Total studies included in review"),
            new Row("total_reports", null, "box16", "Reports of total included studies",
                    "Reports of total included studies"),
            new Row("identification", "node1", "identification", "Blue identification box", "Identification"),
            new Row("screening", "node2", "screening", "Blue screening box", "Screening"),
            new Row("included", "node3", "included", "Blue included box", "Included"));

    public static String write(FlowDiagram d) {
        Map<String, Object> values = PrismaData.values(d);
        StringBuilder b = new StringBuilder("data,node,box,description,boxtext,tooltips,url,n\n");
        for (Row r : ROWS) {
            Object n = r.key() == null ? null : values.get(r.key());
            b.append(r.key() == null ? "NA" : r.key()).append(',')
                    .append(r.node() == null ? "NA" : r.node()).append(',')
                    .append(r.box()).append(',')
                    .append(cell(r.description())).append(',')
                    .append(cell(r.boxtext())).append(',')
                    .append(r.node() == null ? "NA" : cell(r.description())).append(',')
                    .append("NA").append(',')
                    .append(n == null ? "0" : cell(String.valueOf(n))).append('\n');
        }
        return b.toString();
    }

    /** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
    public static String cell(String s) {
        String v = s.matches("-?\\d+") ? s : dev.winnow.ingest.tabular.RecordColumns.neutralise(s);
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
