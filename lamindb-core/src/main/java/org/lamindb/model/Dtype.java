package org.lamindb.model;

import java.util.Objects;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.features.DtypeParser;
import org.lamindb.internal.features.ParsedDtype;

/**
 * The data type of a {@link Feature} (spec §6.1), serialized as LaminDB does: {@code float}, {@code
 * date}, {@code list[str]}, {@code cat[ULabel]}, {@code cat[Record[<type uid>]]}, {@code
 * cat[bionty.CellType]}.
 *
 * <pre>{@code
 * ln.feature("gc_content", Dtype.FLOAT).save();
 * ln.feature("design_sample", Dtype.of(sampleType)).save();
 * ln.feature("cell_type", Dtype.cat("bionty.CellType")).save();
 * ln.feature("tags", Dtype.list(Dtype.STR)).save();
 * }</pre>
 */
public final class Dtype {
  /** Text. */
  public static final Dtype STR = new Dtype("str");

  /** Integers. */
  public static final Dtype INT = new Dtype("int");

  /** Floating-point numbers. */
  public static final Dtype FLOAT = new Dtype("float");

  /** Any number (int or float). */
  public static final Dtype NUM = new Dtype("num");

  /** Booleans. */
  public static final Dtype BOOL = new Dtype("bool");

  /** Calendar dates ({@link java.time.LocalDate}; ISO strings with {@code coerce}). */
  public static final Dtype DATE = new Dtype("date");

  /** Date-times without zone ({@link java.time.LocalDateTime}). */
  public static final Dtype DATETIME = new Dtype("datetime");

  /** JSON objects ({@link java.util.Map}). */
  public static final Dtype DICT = new Dtype("dict");

  /** File paths (stored as POSIX strings). */
  public static final Dtype PATH = new Dtype("path");

  /** URLs (stored as strings). */
  public static final Dtype URL = new Dtype("url");

  /** Universal labels, {@code cat[ULabel]}. */
  public static final Dtype ULABEL = new Dtype("cat[ULabel]");

  /** Any record, {@code cat[Record]}. */
  public static final Dtype RECORD = new Dtype("cat[Record]");

  /** Projects, {@code cat[Project]}. */
  public static final Dtype PROJECT = new Dtype("cat[Project]");

  /** References, {@code cat[Reference]}. */
  public static final Dtype REFERENCE = new Dtype("cat[Reference]");

  private final String text;
  private final ParsedDtype parsed;

  private Dtype(String text) {
    this.parsed = DtypeParser.parse(text);
    this.text = parsed.serialize();
  }

  /**
   * @param dtype a dtype string of LaminDB's grammar, e.g. {@code
   *     list[cat[bionty.CellType.ontology_id]]}
   * @return the dtype (registries are checked when a feature with it is saved)
   */
  public static Dtype parse(String dtype) {
    return new Dtype(dtype);
  }

  /**
   * @return {@code list[<inner>]}, e.g. {@code list(Dtype.STR)}
   */
  public static Dtype list(Dtype inner) {
    if (inner.parsed.list()) {
      throw new InvalidArgumentException("nested lists are not a dtype: list[" + inner + "]");
    }
    return new Dtype("list[" + inner.text + "]");
  }

  /**
   * @return {@code cat[<registry>]}, e.g. {@code cat("bionty.CellType")} or {@code
   *     cat("bionty.CellType.ontology_id")}
   */
  public static Dtype cat(String registry) {
    return new Dtype("cat[" + registry + "]");
  }

  /**
   * @param type a saved record type ({@code isType(true)})
   * @return {@code cat[Record[<uid>]]}: values must be records of that type or its sub-types
   */
  public static Dtype of(Record type) {
    return new Dtype("cat[Record[" + typeUid(type) + "]]");
  }

  /**
   * @param type a saved label type ({@code isType(true)})
   * @return {@code cat[ULabel[<uid>]]}: values must be labels of that type or its sub-types
   */
  public static Dtype of(ULabel type) {
    return new Dtype("cat[ULabel[" + typeUid(type) + "]]");
  }

  private static String typeUid(SQLRecord<?> type) {
    Objects.requireNonNull(type, "type");
    if (!type.isSaved() || !Boolean.TRUE.equals(type.get("is_type"))) {
      throw new InvalidArgumentException(
          type.registry().name()
              + " "
              + type.get("name")
              + " must be saved and have isType(true) to be a dtype");
    }
    return type.uid();
  }

  /**
   * @return the parsed parts (internal use)
   */
  public ParsedDtype parsed() {
    return parsed;
  }

  /**
   * @return true for categorical dtypes ({@code cat[...]}, {@code list[cat[...]]})
   */
  public boolean isCategorical() {
    return parsed.isCategorical();
  }

  /**
   * @return true for {@code list[...]} dtypes
   */
  public boolean isList() {
    return parsed.list();
  }

  /**
   * @return the serialized dtype, as stored in {@code lamindb_feature._dtype_str}
   */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dtype d && d.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
