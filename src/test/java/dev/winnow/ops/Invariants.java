package dev.winnow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.store.Database;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What must hold in a Winnow database after any crash. */
final class Invariants {
    private Invariants() {
    }

    /**
     * @param acknowledged "ACK key study reviewer" lines the killed process printed after committing
     */
    static void check(Database db, List<String> acknowledged) {
        if (db.dialect() == Database.Dialect.SQLITE) {
            String integrity = db.withHandle(h -> h.createQuery("pragma integrity_check").mapTo(String.class).one());
            assertThat(integrity).isEqualTo("ok");
        }
        Set<String> stored = db.withHandle(h -> Set.copyOf(h.createQuery(
                "select idempotency_key from decision where idempotency_key is not null").mapTo(String.class).list()));
        Set<String> acked = acknowledged.stream().filter(a -> a.startsWith("ACK kill-")).map(a -> a.split(" ")[1])
                .collect(Collectors.toSet());
        assertThat(stored).as("every acknowledged decision is stored").containsAll(acked);
        // at most one unacknowledged decision per kill can be committed-but-not-printed
        long duplicates = db.withHandle(h -> h.createQuery("select count(*) from (select idempotency_key from decision "
                + "where idempotency_key is not null group by idempotency_key having count(*) > 1) d")
                .mapTo(Long.class).one());
        assertThat(duplicates).isZero();
        long orphans = db.withHandle(h -> h.createQuery("select count(*) from decision d left join study s "
                + "on s.id = d.study_id where s.id is null").mapTo(Long.class).one());
        assertThat(orphans).isZero();
        // no record is held (decided or reserved) by more reviewers than the stage needs
        long overfull = db.withHandle(h -> h.createQuery("select count(*) from (select stage_id, study_id from "
                + "(select stage_id, study_id, user_id from assignment union select stage_id, study_id, user_id "
                + "from decision where origin <> 'pilot') x group by stage_id, study_id having count(*) > 2) y")
                .mapTo(Long.class).one());
        assertThat(overfull).isZero();
        // a decided record is no longer reserved by its reviewer (the decision holds the place)
        long spent = db.withHandle(h -> h.createQuery("select count(*) from assignment a where exists (select 1 "
                + "from decision d where d.stage_id = a.stage_id and d.study_id = a.study_id and d.user_id = a.user_id "
                + "and d.origin <> 'pilot')").mapTo(Long.class).one());
        assertThat(spent).isZero();
        // every import file holds exactly the records it says it imported
        long partial = db.withHandle(h -> h.createQuery("select count(*) from import_file f where f.record_count <> "
                + "(select count(*) from source_record r where r.import_file_id = f.id)").mapTo(Long.class).one());
        assertThat(partial).as("import files with a partial set of records").isZero();
    }
}
