package org.lamindb.bionty.internal.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.SqlDatabase;

/**
 * The tracking values every written row gets (LaminDB's SQLRecord/TracksRun columns), bound in the
 * order {@code created_at, updated_at, created_by_id, run_id, branch_id, created_on_id, space_id,
 * is_locked}.
 *
 * @param db the database (for the dialect's timestamp representation)
 * @param userId the current user
 * @param runId the current run, or null
 * @param branchId the current branch
 * @param spaceId the current space
 */
public record Tracking(SqlDatabase db, long userId, Long runId, long branchId, long spaceId) {

  /** Column list matching {@link #bindTracking}. */
  public static final String COLUMNS =
      "created_at, updated_at, created_by_id, run_id, branch_id, created_on_id, space_id, is_locked";

  /** Placeholders matching {@link #COLUMNS}. */
  public static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?";

  /**
   * @return the current time in the backend's bind representation
   */
  public Object now() {
    return db.toSql(
        FieldType.DATETIME, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * @return the eight tracking values in {@link #COLUMNS} order (one timestamp for both times)
   */
  public Object[] values() {
    Object now = now();
    return new Object[] {now, now, userId, runId, branchId, branchId, spaceId, Boolean.FALSE};
  }

  /**
   * @return {@link #COLUMNS} as a list
   */
  public static java.util.List<String> columns() {
    return java.util.Arrays.stream(COLUMNS.split(",")).map(String::strip).toList();
  }

  /**
   * Binds the eight tracking values starting at parameter {@code first}.
   *
   * @return the next free parameter index
   */
  public int bindTracking(PreparedStatement ps, int first) throws SQLException {
    Object now = now();
    int i = first;
    ps.setObject(i++, now);
    ps.setObject(i++, now);
    ps.setLong(i++, userId);
    if (runId == null) {
      ps.setNull(i++, Types.BIGINT);
    } else {
      ps.setLong(i++, runId);
    }
    ps.setLong(i++, branchId);
    ps.setLong(i++, branchId);
    ps.setLong(i++, spaceId);
    ps.setBoolean(i++, false);
    return i;
  }
}
