package org.lamindb.query.support;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.SchemaBuilder;

/**
 * A test-only registry with a column of every field type (core registries have no float column),
 * created on the fly in a test instance: {@code test_measurement(uid, name, note, amount, value,
 * flag, day, at, meta)}.
 */
public final class Measurement extends SQLRecord<Measurement> {
  /** The registry definition. */
  public static final RegistryDef REGISTRY =
      RegistryDef.builder("Measurement", "test_measurement")
          .module("test")
          .uid(12)
          .field("name", FieldType.STRING)
          .field("note", FieldType.TEXT)
          .field("amount", FieldType.INTEGER)
          .field("value", FieldType.FLOAT)
          .field("flag", FieldType.BOOLEAN)
          .field("day", FieldType.DATE)
          .field("at", FieldType.DATETIME)
          .field("meta", FieldType.JSON)
          .entity(Measurement::new)
          .build();

  /**
   * @param ln the instance
   */
  public Measurement(LaminDB ln) {
    super(ln, REGISTRY);
  }

  /**
   * @return the name
   */
  public String name() {
    return str("name");
  }

  /** Creates the table in the instance behind {@code ln}. */
  public static void createTable(LaminDB ln) {
    Instance inst = Access.instance(ln);
    SchemaBuilder b = new SchemaBuilder(inst.db().dialect());
    b.table("test_measurement")
        .id()
        .str("uid", 12)
        .notNull()
        .unique()
        .str("name", 100)
        .text("note")
        .integer("amount")
        .real("value")
        .bool("flag")
        .date("day")
        .timestamp("at")
        .json("meta");
    for (String s : b.statements()) {
      inst.db().dsl().execute(s);
    }
  }
}
