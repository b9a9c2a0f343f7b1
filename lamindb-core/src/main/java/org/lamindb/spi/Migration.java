package org.lamindb.spi;

/**
 * One schema version of a module. Migrations are never edited once released: a change is a new
 * migration with the next version number. They run through Flyway, one history table per module
 * ({@code <module>_migrations}).
 */
public interface Migration {

  /**
   * @return 1, 2, 3, ... in the order they apply
   */
  int version();

  /**
   * @return a short description, e.g. {@code initial schema}
   */
  String description();

  /** Adds this migration's statements for {@code builder.dialect()}. */
  void define(SchemaBuilder builder);

  /**
   * @return a migration from a version, description and body
   */
  static Migration of(
      int version, String description, java.util.function.Consumer<SchemaBuilder> body) {
    return new Migration() {
      @Override
      public int version() {
        return version;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public void define(SchemaBuilder builder) {
        body.accept(builder);
      }
    };
  }
}
