package org.lamindb.formats.anndata.internal;

import java.lang.reflect.Array;
import org.lamindb.formats.anndata.DType;

/** Operations on the flat Java arrays that hold AnnData elements (see {@link DType}). */
public final class ArrayOps {
  private ArrayOps() {}

  /**
   * @return a new zeroed array of {@code n} elements of {@code dtype}'s Java type
   */
  public static Object allocate(DType dtype, int n) {
    return Array.newInstance(dtype.arrayType().getComponentType(), n);
  }

  /**
   * @return the length of a Java array
   */
  public static int length(Object array) {
    return Array.getLength(array);
  }

  /**
   * @return element {@code i} as a double (uint64 read as unsigned; booleans as 0/1; strings
   *     parsed)
   */
  public static double getDouble(Object array, DType dtype, int i) {
    switch (dtype) {
      case BOOL:
        return ((boolean[]) array)[i] ? 1 : 0;
      case INT8:
        return ((byte[]) array)[i];
      case UINT8:
      case INT16:
        return ((short[]) array)[i];
      case UINT16:
      case INT32:
        return ((int[]) array)[i];
      case UINT32:
      case INT64:
        return ((long[]) array)[i];
      case UINT64:
        long v = ((long[]) array)[i];
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
      case FLOAT32:
        return ((float[]) array)[i];
      case FLOAT64:
        return ((double[]) array)[i];
      default:
        return Double.parseDouble(((String[]) array)[i]);
    }
  }

  /**
   * @return element {@code i} as a long (for integer index arrays)
   */
  public static long getLong(Object array, int i) {
    if (array instanceof long[]) {
      return ((long[]) array)[i];
    } else if (array instanceof int[]) {
      return ((int[]) array)[i];
    } else if (array instanceof short[]) {
      return ((short[]) array)[i];
    } else if (array instanceof byte[]) {
      return ((byte[]) array)[i];
    } else if (array instanceof double[]) {
      return (long) ((double[]) array)[i];
    } else if (array instanceof float[]) {
      return (long) ((float[]) array)[i];
    }
    throw new IllegalArgumentException("not an integer array: " + array.getClass().getSimpleName());
  }

  /**
   * @return a copy of {@code array[from, to)}
   */
  public static Object slice(Object array, int from, int to) {
    Object out = Array.newInstance(array.getClass().getComponentType(), to - from);
    System.arraycopy(array, from, out, 0, to - from);
    return out;
  }

  /**
   * @return the array converted to {@code long[]}
   */
  public static long[] toLongs(Object array) {
    if (array instanceof long[]) {
      return (long[]) array;
    }
    int n = length(array);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = getLong(array, i);
    }
    return out;
  }

  /**
   * @return the array converted to {@code int[]}, failing on values outside the int range
   */
  public static int[] toInts(Object array) {
    if (array instanceof int[]) {
      return (int[]) array;
    }
    int n = length(array);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.toIntExact(getLong(array, i));
    }
    return out;
  }

  /**
   * @return a boxed element for display and uns values
   */
  public static Object get(Object array, int i) {
    return Array.get(array, i);
  }
}
