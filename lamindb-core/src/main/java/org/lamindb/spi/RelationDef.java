package org.lamindb.spi;

/**
 * A relation from one registry to another, used for lookups that traverse it ({@code
 * run__transform__key}), for entities given as filter values and for includes in DataFrames.
 *
 * @param name relation name in lookups, e.g. {@code storage}, {@code ulabels}, {@code
 *     input_of_runs}
 * @param kind how the rows are linked
 * @param target registry name of the other side, e.g. {@code Storage}, {@code bionty.CellType}
 * @param column for FORWARD: FK column on this table; for REVERSE: FK column on the target table
 * @param linkTable for MANY: the link table
 * @param linkSource for MANY: link-table column pointing to this registry
 * @param linkTarget for MANY: link-table column pointing to the target registry
 */
public record RelationDef(
    String name,
    Kind kind,
    String target,
    String column,
    String linkTable,
    String linkSource,
    String linkTarget) {

  /** How two registries are linked. */
  public enum Kind {
    /** This table has a foreign key to the target (to-one). */
    FORWARD,
    /** The target table has a foreign key to this table (to-many). */
    REVERSE,
    /** A link table connects both (to-many). */
    MANY
  }

  /**
   * @return a to-one relation through FK column {@code column} of this table
   */
  public static RelationDef forward(String name, String target, String column) {
    return new RelationDef(name, Kind.FORWARD, target, column, null, null, null);
  }

  /**
   * @return a to-many relation: rows of {@code target} whose {@code column} points here
   */
  public static RelationDef reverse(String name, String target, String column) {
    return new RelationDef(name, Kind.REVERSE, target, column, null, null, null);
  }

  /**
   * @return a many-to-many relation through {@code linkTable}
   */
  public static RelationDef many(
      String name, String target, String linkTable, String linkSource, String linkTarget) {
    return new RelationDef(name, Kind.MANY, target, null, linkTable, linkSource, linkTarget);
  }

  /**
   * @return true when one row of this registry can have many related rows
   */
  public boolean isToMany() {
    return kind != Kind.FORWARD;
  }
}
