package org.lamindb.spi;

/**
 * Column types of registry fields, with the Java type a field's values have in lamindb-java and the
 * SQL type per backend (see {@link SchemaBuilder}).
 */
public enum FieldType {
  /** Bounded text ({@code varchar(n)}); Java {@link String}. */
  STRING(String.class),
  /** Unbounded text; Java {@link String}. */
  TEXT(String.class),
  /** Any integer column (smallint/int/bigint in SQL); Java {@link Long}. */
  INTEGER(Long.class),
  /** Double precision float; Java {@link Double}. */
  FLOAT(Double.class),
  /** Boolean; Java {@link Boolean}. */
  BOOLEAN(Boolean.class),
  /** Calendar date; Java {@link java.time.LocalDate}. */
  DATE(java.time.LocalDate.class),
  /** Timestamp with time zone, stored in UTC; Java {@link java.time.OffsetDateTime}. */
  DATETIME(java.time.OffsetDateTime.class),
  /** JSON document; Java {@link com.fasterxml.jackson.databind.JsonNode}. */
  JSON(com.fasterxml.jackson.databind.JsonNode.class);

  private final Class<?> javaType;

  FieldType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /**
   * @return the Java type of values of this field type
   */
  public Class<?> javaType() {
    return javaType;
  }

  /**
   * @return true for STRING and TEXT
   */
  public boolean isText() {
    return this == STRING || this == TEXT;
  }
}
