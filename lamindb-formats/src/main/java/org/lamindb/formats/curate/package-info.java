/**
 * The curatable slots of AnnData, MuData and SpatialData objects and stores (LaminDB's slot
 * grammar), read without X, for {@code ln.curator(..)}.
 */
package org.lamindb.formats.curate;
