package org.lamindb.internal.db;

import static org.lamindb.spi.SchemaBuilder.OnDelete.CASCADE;
import static org.lamindb.spi.SchemaBuilder.OnDelete.PROTECT;

import java.util.List;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.Migration;
import org.lamindb.spi.SchemaBuilder;

/**
 * V5: markdown notes, LaminDB's {@code Block} models. {@code lamindb_block} holds standalone blocks
 * (key, anchor, projects via {@code lamindb_blockproject}); each attached-block table ({@code
 * lamindb_artifactblock}, {@code lamindb_transformblock} + {@code line_number}, ...) has the base
 * block columns (uid of 16 + 4 characters, content, hash, kind {@code readme}|{@code comment},
 * {@code version_tag}, {@code is_latest}, {@code created_at}, {@code created_by_id}, {@code _aux})
 * plus the host's FK (CASCADE) and, except on branches, {@code branch_id} and {@code
 * created_on_id}. Full-text search: an FTS5 table fed by triggers on SQLite, GIN indexes on {@code
 * to_tsvector('simple', content)} on PostgreSQL.
 */
public final class NotesV5 {
  private NotesV5() {}

  /**
   * A host registry with attached blocks.
   *
   * @param host registry short name, e.g. {@code artifact}
   * @param table the block table, e.g. {@code lamindb_artifactblock}
   * @param hostTable the host's table
   */
  public record Host(String host, String table, String hostTable) {}

  /** Every attached-block table, as LaminDB has them. */
  public static final List<Host> HOSTS =
      List.of(
          host("artifact"),
          host("collection"),
          host("transform"),
          host("run"),
          host("record"),
          host("project"),
          host("schema"),
          host("feature"),
          host("ulabel"),
          host("space"),
          host("branch"));

  /** The SQLite full-text table (content, host, block_id). */
  public static final String FTS = "lamindb_block_fts";

  private static Host host(String name) {
    return new Host(name, "lamindb_" + name + "block", "lamindb_" + name);
  }

  static Migration migration() {
    return Migration.of(5, "markdown notes (blocks)", NotesV5::define);
  }

  private static SchemaBuilder.Table base(SchemaBuilder.Table t) {
    return t.id()
        .str("uid", 20)
        .notNull()
        .unique()
        .text("content")
        .notNull()
        .str("hash", 22)
        .index()
        .str("kind", 22)
        .notNull()
        .def("'readme'")
        .index()
        .str("version_tag", 30)
        .index()
        .bool("is_latest")
        .notNull()
        .def("TRUE")
        .index()
        .timestampNow("created_at")
        .index()
        .fk("created_by_id", "lamindb_user", PROTECT)
        .notNull()
        .json("_aux");
  }

  private static void define(SchemaBuilder b) {
    base(b.table("lamindb_block"))
        .str("key", 1024)
        .index()
        .fk("anchor_id", "lamindb_block", PROTECT)
        .integer("_status_code")
        .notNull()
        .def("0")
        .fk("branch_id", "lamindb_branch", PROTECT)
        .notNull()
        .def("1")
        .fk("created_on_id", "lamindb_branch", PROTECT)
        .notNull()
        .def("1")
        .fk("space_id", "lamindb_space", PROTECT)
        .notNull()
        .def("1")
        .bool("is_locked")
        .notNull()
        .def("FALSE");
    b.table("lamindb_blockproject")
        .id()
        .fk("block_id", "lamindb_block", CASCADE)
        .notNull()
        .fk("project_id", "lamindb_project", PROTECT)
        .notNull()
        .timestampNow("created_at")
        .fk("created_by_id", "lamindb_user", PROTECT)
        .notNull()
        .fk("run_id", "lamindb_run", PROTECT)
        .unique("lamindb_blockproject_unique", "block_id", "project_id");
    for (Host h : HOSTS) {
      SchemaBuilder.Table t =
          base(b.table(h.table())).fk(h.host() + "_id", h.hostTable(), CASCADE).notNull();
      if (h.host().equals("transform")) {
        t.integer("line_number");
      }
      if (!h.host().equals("branch")) {
        t.fk("branch_id", "lamindb_branch", PROTECT)
            .notNull()
            .def("1")
            .fk("created_on_id", "lamindb_branch", PROTECT)
            .notNull()
            .def("1");
      }
      b.index(h.table(), h.host() + "_id", "kind", "is_latest");
    }
    if (b.dialect() == Dialect.SQLITE) {
      b.sql(
          "CREATE VIRTUAL TABLE "
              + FTS
              + " USING fts5(content, host UNINDEXED, block_id UNINDEXED)");
      for (Host h : HOSTS) {
        String tbl = h.table();
        String host = "'" + h.host() + "'";
        b.sql(
            "CREATE TRIGGER "
                + tbl
                + "_fts_ai AFTER INSERT ON "
                + tbl
                + " BEGIN INSERT INTO "
                + FTS
                + "(content, host, block_id) VALUES (new.content, "
                + host
                + ", new.id); END");
        b.sql(
            "CREATE TRIGGER "
                + tbl
                + "_fts_ad AFTER DELETE ON "
                + tbl
                + " BEGIN DELETE FROM "
                + FTS
                + " WHERE host = "
                + host
                + " AND block_id = old.id; END");
        b.sql(
            "CREATE TRIGGER "
                + tbl
                + "_fts_au AFTER UPDATE OF content ON "
                + tbl
                + " BEGIN UPDATE "
                + FTS
                + " SET content = new.content WHERE host = "
                + host
                + " AND block_id = old.id; END");
      }
    } else {
      for (Host h : HOSTS) {
        b.sql(
            "CREATE INDEX "
                + h.table()
                + "_fts ON "
                + h.table()
                + " USING gin (to_tsvector('simple', content))");
      }
    }
  }
}
