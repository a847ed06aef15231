package dev.winnow.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading nullable number columns the same way on SQLite and PostgreSQL. */
final class Columns {
    private Columns() {
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
