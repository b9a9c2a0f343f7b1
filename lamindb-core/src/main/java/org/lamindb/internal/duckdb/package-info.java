/**
 * Embedded DuckDB connections and path/SQL quoting shared by the format readers and the table
 * engine.
 */
package org.lamindb.internal.duckdb;
