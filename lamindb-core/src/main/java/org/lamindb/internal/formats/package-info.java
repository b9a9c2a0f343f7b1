/**
 * Core {@link org.lamindb.spi.FormatProvider}s: text, JSON, and DataFrames (Parquet through DuckDB,
 * CSV/TSV through Tablesaw). Registered in {@code
 * META-INF/services/org.lamindb.spi.FormatProvider}; not public API.
 */
package org.lamindb.internal.formats;
