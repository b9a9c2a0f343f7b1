package org.lamindb.curate;

import java.util.List;
import java.util.Map;
import org.lamindb.model.Artifact;
import org.lamindb.model.Schema;

/**
 * Validates a dataset against a schema, slot by slot, and helps fix it (LaminDB's {@code
 * DataFrameCurator}, {@code AnnDataCurator}, {@code MuDataCurator}, {@code SpatialDataCurator}, one
 * engine for all): {@code ln.curator(dataset, schema)} with a Tablesaw {@code Table}, an {@code
 * AnnData} or {@code MuData} (lamindb-formats), or a path to a {@code .csv}/{@code .parquet},
 * {@code .h5ad}, {@code .h5mu} or SpatialData/AnnData {@code .zarr} store (obs, var and tables are
 * read, never X).
 *
 * <pre>{@code
 * Curator c = ln.curator(adata, "scrna");
 * if (!c.validate()) {
 *   System.out.println(c.report().toText());
 *   c.standardize("obs", "cell_type");   // synonyms → names, in the AnnData
 *   c.addNewFrom("obs", "donor");        // create the remaining labels
 * }
 * Artifact a = c.save("datasets/scrna.h5ad");
 * }</pre>
 */
public interface Curator {
  /**
   * Validates (again, after changes); cheap to call repeatedly.
   *
   * @return true when every slot passed
   */
  boolean validate();

  /**
   * @return the report of the last validation (validates first if needed)
   */
  ValidationReport report();

  /**
   * @return {@link #report()} as JSON
   */
  String reportJson();

  /**
   * Replaces the synonyms (and other casings) of registry names in a categorical column with the
   * names, in the dataset itself.
   *
   * @param slot the slot ({@code columns} or null for a DataFrame)
   * @param column the column (or dict key)
   * @return the replacements made, value → name
   * @throws org.lamindb.InvalidArgumentException when the slot or column is not categorical
   */
  Map<String, String> standardize(String slot, String column);

  /**
   * Creates the missing records for a categorical column's non-validated values (labels, records of
   * the dtype's type, ontology terms by name; Features for {@code columns}) in one transaction,
   * linked to the current run.
   *
   * @param slot the slot ({@code columns} or null for a DataFrame)
   * @param column the column, or {@code columns} to register the non-feature column names as
   *     features (dtype from the column)
   * @return the names created
   * @throws org.lamindb.InvalidArgumentException when synonyms remain (standardize first)
   */
  List<String> addNewFrom(String slot, String column);

  /**
   * Validates, then saves the dataset as an artifact annotated with the schema (labels, inferred
   * per-slot schemas, {@code artifact.schema}).
   *
   * @param key the artifact key
   * @return the saved artifact
   * @throws org.lamindb.ValidationException when validation fails; nothing is saved
   */
  Artifact save(String key);

  /**
   * @return the schema
   */
  Schema schema();
}
