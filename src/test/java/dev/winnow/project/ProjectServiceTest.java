package dev.winnow.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.store.Database;
import dev.winnow.store.MembershipStore;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.UserStore;
import dev.winnow.store.UserStore.User;
import dev.winnow.testing.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProjectServiceTest {
    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aProjectCreatedFromTheWebHasItsCreatorAsOwnerFromTheStart(TestDb kind) {
        try (Database db = kind.fresh()) {
            User ada = db.inTransaction(h -> UserStore.insert(h, "ada", "Ada", "x", true));
            Project p = new ProjectService(db).createOwnedBy("Early palliative care", ProjectKind.SCOPING, null, ada);
            java.util.List<MembershipStore.Member> members = db.withHandle(h -> MembershipStore.members(h, p.id()));
            assertThat(members).extracting(MembershipStore.Member::role).containsExactly("owner");
            assertThat(db.<Long>withHandle(h -> h.createQuery(
                    "select count(*) from audit_event where project_id = :p and action = 'team.add'")
                    .bind("p", p.id()).mapTo(Long.class).one())).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aProjectWhoseOwnerCannotBeAddedIsNotCreated(TestDb kind) {
        try (Database db = kind.fresh()) {
            User ghost = new User(9_999, "ghost", "Ghost", true, false); // no such account row
            assertThatThrownBy(() -> new ProjectService(db).createOwnedBy("Orphan", ProjectKind.SCOPING, null, ghost))
                    .isNotNull();
            java.util.List<Project> projects = db.withHandle(ProjectStore::list);
            assertThat(projects).as("no project without an owner").isEmpty();
        }
    }
}
