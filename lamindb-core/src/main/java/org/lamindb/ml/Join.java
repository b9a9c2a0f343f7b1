package org.lamindb.ml;

/** How the variables (columns, {@code var} index) of several AnnData files are combined. */
public enum Join {
  /** only variables present in every file, in the order of the first file (LaminDB's default). */
  INNER,
  /**
   * every variable of any file: the first file's order, then new ones as they appear; absent = 0.
   */
  OUTER,
  /**
   * no alignment: every file must have the same number of variables; columns are taken as stored.
   */
  NONE
}
