package dev.winnow.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.ingest.ParseException;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.screen.StageName;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.StageStore;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtocolTest {

    @Test
    void theShippedExampleIsTheRunningExamplesProtocol() {
        Protocol p = ProtocolYaml.example();
        assertThat(p.criteria()).extracting(Criterion::element)
                .contains(Element.POPULATION, Element.CONCEPT, Element.CONTEXT, Element.STUDY_TYPE);
        assertThat(p.criterion("population").orElseThrow().include()).contains("18").contains("cancer");
        assertThat(p.criterion("context").orElseThrow().include()).contains("primary care").contains("oncology");
        assertThat(p.criterion("concept").orElseThrow().keywords()).contains("palliative");
        assertThat(p.rules(StageName.FULL_TEXT).exclusionReasons()).containsExactly("wrong population",
                "no model of care", "not early palliative care", "single sector only", "wrong publication type");
        assertThat(p.rules(StageName.TITLE_ABSTRACT).reviewersPerRecord()).isEqualTo(2);
        assertThat(p.rules(StageName.TITLE_ABSTRACT).blinded()).isTrue();
        assertThat(p.stoppingRule().targetRecall()).isEqualTo(0.95);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void writingAndReadingBackGivesTheSameProtocol() {
        Protocol p = ProtocolYaml.example();
        assertThat(ProtocolYaml.read(ProtocolYaml.write(p), "again.yaml")).isEqualTo(p);
    }

    @Test
    void badYamlNamesTheFileAndLine() {
        String broken = "title: T\ncriteria:\n  - id: population\n    element: population\n    include: [unclosed\n";
        assertThatThrownBy(() -> ProtocolYaml.read(broken, "protocol.yaml")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("protocol.yaml, line ");
        String typo = "title: T\nstages:\n  - name: full-text\n    reviewers: 2\n";
        assertThatThrownBy(() -> ProtocolYaml.read(typo, "protocol.yaml"))
                .hasMessageStartingWith("protocol.yaml, line 4: stages[1].reviewers: unknown key 'reviewers'")
                .hasMessageContaining("reviewersPerRecord");
        String badElement = "criteria:\n  - id: x\n    element: populace\n    include: y\n";
        assertThatThrownBy(() -> ProtocolYaml.read(badElement, "p.yaml"))
                .hasMessageStartingWith("p.yaml, line 3: criteria[1].element: 'populace' is not a criterion element");
        String badRecall = "stoppingRule:\n  name: buscar\n  targetRecall: 95\n  confidence: 0.95\n";
        assertThatThrownBy(() -> ProtocolYaml.read(badRecall, "p.yaml")).isInstanceOf(UserError.class)
                .hasMessageContaining("stoppingRule.targetRecall: expected a number in (0, 1]");
        assertThatThrownBy(() -> ProtocolYaml.read("", "p.yaml")).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void everySaveIsANewAuditedVersionAndSetsTheStageRules(TestDb kind, @TempDir Path dir) throws Exception {
        try (Database db = kind.fresh()) {
            Project project = db.inTransaction(h -> ProjectStore.insert(h, "p", "P", ProjectKind.SCOPING, null));
            ProtocolService service = new ProtocolService(db);
            assertThat(service.current(project).version()).isZero();
            Path file = dir.resolve("protocol.yaml");
            Files.writeString(file, ProtocolYaml.exampleText());
            assertThat(service.importFile(project, file, "lead").version()).isEqualTo(1);
            Protocol changed = new Protocol("T", "Q", List.of(), List.of(new StageRules(StageName.TITLE_ABSTRACT, 3, false,
                    "pool", null, null)), null);
            assertThat(service.save(project, changed, "lead").version()).isEqualTo(2);
            assertThat(service.current(project).protocol()).isEqualTo(changed);
            assertThat(service.history(project)).extracting(ProtocolService.Versioned::version).containsExactly(1, 2);
            assertThat(service.history(project).get(0).protocol()).isEqualTo(ProtocolYaml.example());
            StageStore.StageRow ta = db.withHandle(h -> StageStore.find(h, project.id(), "title-abstract")).orElseThrow();
            assertThat(ta.reviewersPerRecord()).isEqualTo(3);
            assertThat(ta.blinded()).isFalse();
            assertThat(ta.assignment()).isEqualTo("pool");
            assertThat(db.<List<AuditStore.AuditEvent>>withHandle(h -> AuditStore.forProject(h, project.id()))).extracting(AuditStore.AuditEvent::action)
                    .containsExactly("protocol.save", "protocol.save");
            assertThat(ProtocolYaml.read(service.exportYaml(project), "export.yaml")).isEqualTo(changed);
        }
    }
}
