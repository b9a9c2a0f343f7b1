package org.lamindb.formats.anndata;

/**
 * Element types of AnnData arrays, with the Java array type that holds them. Unsigned types are
 * held in the next wider signed Java type (e.g. {@code uint8} in a {@code short[]}); {@code uint64}
 * is held as raw bits in a {@code long[]}.
 */
public enum DType {
  /** boolean, held in {@code boolean[]}. */
  BOOL(1, boolean[].class, "|b1", "bool"),
  /** int8, held in {@code byte[]}. */
  INT8(1, byte[].class, "|i1", "int8"),
  /** uint8, held in {@code short[]}. */
  UINT8(1, short[].class, "|u1", "uint8"),
  /** int16, held in {@code short[]}. */
  INT16(2, short[].class, "<i2", "int16"),
  /** uint16, held in {@code int[]}. */
  UINT16(2, int[].class, "<u2", "uint16"),
  /** int32, held in {@code int[]}. */
  INT32(4, int[].class, "<i4", "int32"),
  /** uint32, held in {@code long[]}. */
  UINT32(4, long[].class, "<u4", "uint32"),
  /** int64, held in {@code long[]}. */
  INT64(8, long[].class, "<i8", "int64"),
  /** uint64, raw bits held in {@code long[]}. */
  UINT64(8, long[].class, "<u8", "uint64"),
  /** float32, held in {@code float[]}. */
  FLOAT32(4, float[].class, "<f4", "float32"),
  /** float64, held in {@code double[]}. */
  FLOAT64(8, double[].class, "<f8", "float64"),
  /** UTF-8 strings, held in {@code String[]} (null for missing). */
  STRING(0, String[].class, "|O", "string");

  private final int size;
  private final Class<?> arrayType;
  private final String zarrV2;
  private final String zarrV3;

  DType(int size, Class<?> arrayType, String zarrV2, String zarrV3) {
    this.size = size;
    this.arrayType = arrayType;
    this.zarrV2 = zarrV2;
    this.zarrV3 = zarrV3;
  }

  /**
   * @return bytes per element on disk (0 for variable-length strings)
   */
  public int size() {
    return size;
  }

  /**
   * @return the Java array class holding elements of this type
   */
  public Class<?> arrayType() {
    return arrayType;
  }

  /**
   * @return the zarr v2 / numpy dtype string, e.g. {@code <f4}
   */
  public String zarrV2() {
    return zarrV2;
  }

  /**
   * @return the zarr v3 data type name, e.g. {@code float32}
   */
  public String zarrV3() {
    return zarrV3;
  }

  /**
   * @return true for the integer types (signed or unsigned)
   */
  public boolean isInteger() {
    return this != BOOL && this != FLOAT32 && this != FLOAT64 && this != STRING;
  }

  /**
   * @return true for numeric types and bool
   */
  public boolean isNumeric() {
    return this != STRING;
  }

  /**
   * @param array a Java array of one of the supported types
   * @return the natural type of that array ({@code short[]} maps to {@link #INT16})
   */
  public static DType ofArray(Object array) {
    if (array instanceof boolean[]) {
      return BOOL;
    } else if (array instanceof byte[]) {
      return INT8;
    } else if (array instanceof short[]) {
      return INT16;
    } else if (array instanceof int[]) {
      return INT32;
    } else if (array instanceof long[]) {
      return INT64;
    } else if (array instanceof float[]) {
      return FLOAT32;
    } else if (array instanceof double[]) {
      return FLOAT64;
    } else if (array instanceof String[]) {
      return STRING;
    }
    throw new IllegalArgumentException(
        "unsupported array type " + (array == null ? "null" : array.getClass().getSimpleName()));
  }
}
