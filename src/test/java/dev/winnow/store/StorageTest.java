package dev.winnow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.screen.Decision;
import dev.winnow.screen.Verdict;
import dev.winnow.testing.TestDb;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The storage contract, on SQLite and PostgreSQL alike. */
class StorageTest {

    private static long study(Handle h, long projectId) {
        return h.createQuery("insert into study (project_id, fields, title, created_at, updated_at) "
                        + "values (:p, '{}', 't', :now, :now) returning id")
                .bind("p", projectId).bind("now", Clock.now()).mapTo(Long.class).one();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void migratesAnEmptyDatabaseAndReopensIt(TestDb kind) {
        String url = kind.freshUrl();
        try (Database db = Database.open(url)) {
            assertThat(db.dialect().name()).isEqualTo(kind.name());
            db.useTransaction(h -> ProjectStore.insert(h, "p", "P", ProjectKind.SCOPING, null));
        }
        try (Database again = Database.open(url)) {
            assertThat(again.withHandle(ProjectStore::list)).extracting(Project::key).containsExactly("p");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anAbortedTransactionLeavesNothing(TestDb kind) {
        try (Database db = kind.fresh()) {
            assertThatThrownBy(() -> db.useTransaction(h -> {
                Project p = ProjectStore.insert(h, "half", "Half done", ProjectKind.SCOPING, null);
                study(h, p.id());
                throw new IllegalStateException("failure in the middle of the work");
            })).hasMessageContaining("middle");
            assertThat(db.withHandle(ProjectStore::list)).isEmpty();
            assertThat(db.<Long>withHandle(h -> h.createQuery("select count(*) from study").mapTo(Long.class).one()))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void foreignKeysAreEnforced(TestDb kind) {
        try (Database db = kind.fresh()) {
            assertThatThrownBy(() -> db.useTransaction(h -> study(h, 987_654)))
                    .hasMessageContaining("oreign key");
            assertThatThrownBy(() -> db.useTransaction(h -> StageStore.ensure(h, 42, "title-abstract")))
                    .hasMessageContaining("oreign key");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void decisionsAreAppendOnly(TestDb kind) {
        try (Database db = kind.fresh()) {
            long[] ids = db.inTransaction(h -> {
                Project p = ProjectStore.insert(h, "p", "P", ProjectKind.SCOPING, null);
                long s = study(h, p.id());
                long stage = StageStore.ensure(h, p.id(), "title-abstract").id();
                long user = UserStore.insert(h, "ana", "Ana", null, false).id();
                return new long[] {stage, s, user};
            });
            Decision first = db.inTransaction(h -> DecisionStore.append(h, new DecisionStore.NewDecision(
                    ids[0], ids[1], ids[2], Verdict.INCLUDE, List.of(), Map.of("population", "yes"), "looks right",
                    12, "screen", null, null)));
            Decision second = db.inTransaction(h -> DecisionStore.append(h, new DecisionStore.NewDecision(
                    ids[0], ids[1], ids[2], Verdict.EXCLUDE, List.of("wrong population"), Map.of(), null, 4,
                    "screen", null, null)));
            assertThat(db.<List<Decision>>withHandle(h -> DecisionStore.forStudy(h, ids[0], ids[1])))
                    .extracting(Decision::verdict).containsExactly(Verdict.INCLUDE, Verdict.EXCLUDE);
            assertThat(second.reasons()).containsExactly("wrong population");
            assertThat(first.criteria()).containsEntry("population", "yes");

            assertThatThrownBy(() -> db.useTransaction(h ->
                    h.createUpdate("update decision set verdict = 'exclude' where id = :id").bind("id", first.id()).execute()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.useTransaction(h ->
                    h.createUpdate("delete from decision where id = :id").bind("id", first.id()).execute()))
                    .hasMessageContaining("append-only");
            assertThat(db.<List<Decision>>withHandle(h -> DecisionStore.history(h, ids[0]))).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aDecisionPostedTwiceWithOneKeyIsStoredOnce(TestDb kind) {
        try (Database db = kind.fresh()) {
            long[] ids = db.inTransaction(h -> {
                Project p = ProjectStore.insert(h, "p", "P", ProjectKind.SCOPING, null);
                return new long[] {StageStore.ensure(h, p.id(), "title-abstract").id(), study(h, p.id()),
                        UserStore.insert(h, "ana", "Ana", null, false).id()};
            });
            var d = new DecisionStore.NewDecision(ids[0], ids[1], ids[2], Verdict.MAYBE, null, null, null, null,
                    null, null, "click-1");
            Decision a = db.inTransaction(h -> DecisionStore.append(h, d));
            Decision b = db.inTransaction(h -> DecisionStore.append(h, d));
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(db.<List<Decision>>withHandle(h -> DecisionStore.history(h, ids[0]))).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void auditAndSourceRecordsCannotBeRewritten(TestDb kind) {
        try (Database db = kind.fresh()) {
            db.useTransaction(h -> h.createUpdate("insert into audit_event (actor, action, at) values ('cli', 'x', :now)")
                    .bind("now", Clock.now()).execute());
            assertThatThrownBy(() -> db.useTransaction(h -> h.createUpdate("delete from audit_event").execute()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.useTransaction(h -> h.createUpdate("update audit_event set action = 'y'").execute()))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void theDecisionStoreOffersNoWayToChangeOrRemoveADecision() {
        List<String> names = Arrays.stream(DecisionStore.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).toList();
        assertThat(names).isNotEmpty().noneMatch(n -> n.matches("(?i).*(update|delete|remove|set|edit|change).*"));
    }

    @Test
    void plainPathsAndShortPostgresUrlsBecomeJdbcUrls() {
        assertThat(Database.jdbcUrl(null)).isEqualTo("jdbc:sqlite:winnow-data/winnow.db");
        assertThat(Database.jdbcUrl("/tmp/x.db")).isEqualTo("jdbc:sqlite:/tmp/x.db");
        assertThat(Database.jdbcUrl("postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
        assertThatThrownBy(() -> Database.open("jdbc:mysql://h/db")).hasMessageContaining("unsupported database URL");
        assertThat(Database.redact("jdbc:postgresql://h/db?user=a&password=secret")).doesNotContain("secret");
    }
}
