/**
 * SpatialData zarr stores: element listing and the curatable parts ({@code tables} as AnnData, root
 * {@code attrs}); lamindb-java reads but does not write SpatialData.
 */
package org.lamindb.formats.spatialdata;
