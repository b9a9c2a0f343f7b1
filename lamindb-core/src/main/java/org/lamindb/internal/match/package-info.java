/**
 * Storage-independent matching of values against a field of a collection of records (validate,
 * inspect, standardize) and LaminDB's report wording; used by query sets and by module registries
 * such as bionty's. Not public API.
 */
package org.lamindb.internal.match;
