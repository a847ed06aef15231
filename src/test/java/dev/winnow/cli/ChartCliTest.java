package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.project.ProjectService;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.testing.TestDb;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCliTest {
    @TempDir
    Path dir;

    @Test
    void chartsAStudyTwiceAgreesAndExports() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        String key = CliTest.run(db, "project", "create", "Early palliative care integration").lastLine();
        long study;
        try (Database d = Database.open(db)) {
            var p = new ProjectService(d).get(key);
            study = d.inTransaction(h -> StudyStore.insert(h, p.id(),
                    Record.builder().title("Shared care").author(Author.of("Mitchell", "G")).year(2014).build()).id());
        }
        assertThat(CliTest.run(db, "chart", "templates").out()).contains("jbi-basic").contains("early-palliative-care-models");
        assertThat(CliTest.run(db, "chart", "form", "import", "--project", key, "--template",
                "early-palliative-care-models").out()).contains("version 1");

        Path ana = dir.resolve("ana.yaml");
        Files.writeString(ana, """
                answers:
                  author: Mitchell
                  year: 2014
                  country: AU
                  design: Randomised controlled trial
                  explicit_model: yes
                  components:
                    - {name: Case conference, category: Care coordination}
                locations:
                  components[Case conference]: {page: 3, quote: "GP and oncologist case conference"}
                """);
        Path ben = dir.resolve("ben.yaml");
        Files.writeString(ben, Files.readString(ana).replace("Care coordination", "Shared care planning"));
        assertThat(CliTest.run(db, "chart", "entry", "--project", key, "--study", "" + study, "--reviewer", "ana",
                ana.toString()).code()).isZero();
        assertThat(CliTest.run(db, "chart", "entry", "--project", key, "--study", "" + study, "--reviewer", "ben",
                ben.toString()).code()).isZero();
        CliTest.Run diff = CliTest.run(db, "chart", "diff", "--project", key, "--study", "" + study);
        assertThat(diff.out()).contains("components[Case conference].category");
        assertThat(CliTest.run(db, "chart", "consensus", "--project", key, "--study", "" + study, "--agreed-by",
                "ana,ben", ana.toString()).out()).contains("agreed by ana, ben");

        Path xlsx = dir.resolve("table.xlsx");
        assertThat(CliTest.run(db, "chart", "export", "--project", key, "--format", "xlsx", "-o", xlsx.toString()).code())
                .isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(new FileInputStream(xlsx.toFile()))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("Mitchell 2014");
        }
        CliTest.Run csv = CliTest.run(db, "chart", "export", "--project", key);
        assertThat(csv.out()).contains("Care coordination").contains("Australia");
        Path png = dir.resolve("map.png");
        assertThat(CliTest.run(db, "chart", "map", "--project", key, "--field", "components.category", "--format", "png",
                "-o", png.toString()).code()).isZero();
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(CliTest.run(db, "chart", "map", "--project", key, "--field", "components.category").out())
                .startsWith("<svg").contains("Care coordination");
    }

    @Test
    void badAnswersFileIsOneClearLine() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        String key = CliTest.run(db, "project", "create", "X").lastLine();
        CliTest.run(db, "chart", "form", "import", "--project", key, "--template", "jbi-basic");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "answers: [unclosed\n");
        CliTest.Run r = CliTest.run(db, "chart", "entry", "--project", key, "--study", "1", "--reviewer", "a", bad.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("bad.yaml, line").doesNotContain("\tat ");
        CliTest.Run png = CliTest.run(db, "chart", "map", "--project", key, "--field", "country", "--format", "png");
        assertThat(png.err()).contains("give -o FILE");
    }
}
