package dev.winnow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.bench.TeamLoad;
import dev.winnow.testing.TestDb;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The short form of {@code winnow bench load}: concurrent reviewers through the web application,
 * one or two instances on one database; nothing acknowledged is lost, nothing is stored twice.
 */
class TeamLoadTest {
    @ParameterizedTest(name = "{0}, {1} instance(s)")
    @CsvSource({"SQLITE, 1", "POSTGRESQL, 1", "POSTGRESQL, 2"})
    void storedEqualsAcknowledged(TestDb kind, int instances) throws Exception {
        TeamLoad.Result r = TeamLoad.run(kind.freshUrl(), instances, 8, 12, Duration.ofSeconds(120), 7);
        System.out.println(r.line());
        assertThat(r.failures()).isEmpty();
        assertThat(r.acknowledged()).isEqualTo(8 * 12);
        assertThat(r.stored()).isEqualTo(r.acknowledged());
        assertThat(r.duplicates()).isZero();
    }
}
