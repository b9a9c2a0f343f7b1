package org.lamindb.internal.db;

import static org.lamindb.spi.SchemaBuilder.OnDelete.CASCADE;
import static org.lamindb.spi.SchemaBuilder.OnDelete.PROTECT;

import org.lamindb.spi.Dialect;
import org.lamindb.spi.Migration;
import org.lamindb.spi.SchemaBuilder;
import org.lamindb.spi.SchemaBuilder.Table;

/**
 * Version 1 of the core schema: LaminDB's data model (spec §1) with its table and column names,
 * constraints, indexes and on-delete rules, plus the built-in rows (space {@code all}, branches
 * trash/archive/main). Frozen: later changes go into new migrations.
 */
final class CoreSchemaV1 implements Migration {

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "core schema";
  }

  @Override
  public void define(SchemaBuilder b) {
    b.table("lamindb_user")
        .id()
        .str("uid", 8)
        .notNull()
        .unique()
        .str("handle", 30)
        .notNull()
        .unique()
        .str("name", 150)
        .index()
        .timestampNow("created_at")
        .timestampNow("updated_at");
    b.table("lamindb_space")
        .id()
        .str("name", 100)
        .notNull()
        .index()
        .str("uid", 12)
        .notNull()
        .unique()
        .text("description")
        .timestampNow("created_at")
        .fk("created_by_id", "lamindb_user", CASCADE)
        .uniqueExpression("unique_space_name_lower", "lower(name)");
    b.table("lamindb_branch")
        .id()
        .str("name", 100)
        .notNull()
        .index()
        .str("uid", 12)
        .notNull()
        .unique()
        .fk("space_id", "lamindb_space", PROTECT)
        .notNull()
        .def("1")
        .text("description")
        .timestampNow("created_at")
        .fk("created_by_id", "lamindb_user", PROTECT)
        .integer("_status_code")
        .notNull()
        .def("0")
        .index()
        .json("_aux")
        .uniqueExpression("unique_branch_name_lower", "lower(name)");
    b.table("lamindb_branchuser")
        .id()
        .fk("branch_id", "lamindb_branch", CASCADE)
        .notNull()
        .fk("user_id", "lamindb_user", CASCADE)
        .notNull()
        .str("role", 32)
        .notNull()
        .index()
        .unique("lamindb_branchuser_unique", "branch_id", "user_id", "role");

    Table storage = sqlRecord(b.table("lamindb_storage").id().str("uid", 12).notNull().unique());
    tracksUpdates(tracksRun(storage))
        .str("root", 255)
        .notNull()
        .unique()
        .text("description")
        .str("type", 30)
        .notNull()
        .index()
        .str("region", 64)
        .str("instance_uid", 12)
        .index();

    Table transform =
        versioned(sqlRecord(b.table("lamindb_transform").id().str("uid", 16).notNull().unique()));
    tracksUpdates(tracksRun(transform))
        .str("key", 1024)
        .notNull()
        .index()
        .text("description")
        .index()
        .str("kind", 20)
        .notNull()
        .def("'pipeline'")
        .index()
        .text("source_code")
        .str("hash", 22)
        .index()
        .str("reference", 255)
        .index()
        .str("reference_type", 25)
        .index()
        .fk("environment_id", "lamindb_artifact", CASCADE)
        .fk("plan_id", "lamindb_artifact", CASCADE)
        .unique("lamindb_transform_key_hash_unique", "key", "hash");

    Table run = sqlRecord(b.table("lamindb_run").id().str("uid", 20).notNull().unique());
    tracksUpdates(run)
        .str("name", 150)
        .index()
        .text("description")
        .fk("transform_id", "lamindb_transform", CASCADE)
        .notNull()
        .str("entrypoint", 255)
        .index()
        .timestampNow("started_at")
        .timestamp("finished_at")
        .index()
        .fk("report_id", "lamindb_artifact", PROTECT)
        .fk("environment_id", "lamindb_artifact", PROTECT)
        .fk("plan_id", "lamindb_artifact", PROTECT)
        .json("params")
        .json("extra_data")
        .str("reference", 255)
        .index()
        .str("reference_type", 25)
        .index()
        .str("cli_args", 1024)
        .timestampNow("created_at")
        .fk("created_by_id", "lamindb_user", CASCADE)
        .notNull()
        .fk("initiated_by_run_id", "lamindb_run", CASCADE)
        .bool("_is_consecutive")
        .integer("_status_code")
        .notNull()
        .def("-3")
        .index();

    Table artifact =
        versioned(sqlRecord(b.table("lamindb_artifact").id().str("uid", 20).notNull().unique()));
    tracksUpdates(tracksRun(artifact))
        .str("key", 1024)
        .index()
        .str("_real_key", 1024)
        .index()
        .text("description")
        .index()
        .fk("storage_id", "lamindb_storage", PROTECT)
        .notNull()
        .str("suffix", 30)
        .notNull()
        .index()
        .str("kind", 20)
        .index()
        .str("otype", 64)
        .index()
        .integer("size")
        .index()
        .str("hash", 22)
        .index()
        .integer("n_files")
        .index()
        .integer("n_observations")
        .index()
        .str("_hash_type", 30)
        .index()
        .fk("schema_id", "lamindb_schema", PROTECT)
        .json("extra_data")
        .bool("_key_is_virtual")
        .notNull()
        .bool("_overwrite_versions")
        .notNull()
        .uniqueWhere(
            "unique_artifact_storage_key_hash_not_null",
            "key IS NOT NULL",
            "storage_id",
            "key",
            "hash")
        .uniqueWhere("unique_artifact_storage_hash_null_key", "key IS NULL", "storage_id", "hash");
    autoLink(
        b,
        "lamindb_artifact_input_of_runs",
        "artifact_id",
        "lamindb_artifact",
        "run_id",
        "lamindb_run");
    autoLink(
        b,
        "lamindb_artifact_recreating_runs",
        "artifact_id",
        "lamindb_artifact",
        "run_id",
        "lamindb_run");

    Table collection =
        versioned(sqlRecord(b.table("lamindb_collection").id().str("uid", 20).notNull().unique()));
    tracksUpdates(tracksRun(collection))
        .str("key", 255)
        .notNull()
        .index()
        .text("description")
        .index()
        .str("hash", 22)
        .index()
        .str("reference", 255)
        .index()
        .str("reference_type", 25)
        .index()
        .fk("schema_id", "lamindb_schema", PROTECT)
        .fk("meta_artifact_id", "lamindb_artifact", PROTECT)
        .unique()
        .unique("unique_collection_key_hash_not_null", "key", "hash");
    tracksRun(
            b.table("lamindb_collectionartifact")
                .id()
                .fk("collection_id", "lamindb_collection", CASCADE)
                .notNull()
                .fk("artifact_id", "lamindb_artifact", PROTECT)
                .notNull())
        .unique("lamindb_collectionartifact_unique", "collection_id", "artifact_id");
    autoLink(
        b,
        "lamindb_collection_input_of_runs",
        "collection_id",
        "lamindb_collection",
        "run_id",
        "lamindb_run");
    autoLink(
        b,
        "lamindb_collection_recreating_runs",
        "collection_id",
        "lamindb_collection",
        "run_id",
        "lamindb_run");

    Table feature =
        hasType(
            sqlRecord(b.table("lamindb_feature").id().str("uid", 12).notNull().unique()),
            "lamindb_feature");
    tracksUpdates(tracksRun(feature))
        .str("name", 150)
        .notNull()
        .index()
        .str("_dtype_str", 255)
        .index()
        .str("_ounit_str", 255)
        .index()
        .str("unit", 30)
        .index()
        .text("description")
        .index()
        .integer("array_rank")
        .notNull()
        .def("0")
        .index()
        .integer("array_size")
        .notNull()
        .def("0")
        .index()
        .json("array_shape")
        .text("synonyms")
        .json("default_value")
        .bool("nullable")
        .bool("coerce")
        .check(
            "feature_dtype_str_not_null_when_is_type_false", "is_type OR _dtype_str IS NOT NULL");

    tracksRun(sqlRecord(b.table("lamindb_jsonvalue").id()))
        .fk("feature_id", "lamindb_feature", CASCADE)
        .json("value")
        .notNull()
        .str("hash", 22)
        .index()
        .unique("lamindb_jsonvalue_feature_hash_unique", "feature_id", "hash");

    Table schema =
        hasType(
            sqlRecord(b.table("lamindb_schema").id().str("uid", 16).notNull().unique()),
            "lamindb_schema");
    tracksUpdates(tracksRun(schema))
        .str("name", 150)
        .index()
        .text("description")
        .index()
        .integer("n_members")
        .index()
        .bool("coerce")
        .bool("flexible")
        .str("itype", 120)
        .index()
        .str("otype", 64)
        .index()
        .str("suffix", 30)
        .index()
        .str("_dtype_str", 64)
        .str("hash", 22)
        .index()
        .bool("minimal_set")
        .notNull()
        .def("TRUE")
        .index()
        .bool("ordered_set")
        .notNull()
        .def("FALSE")
        .index()
        .bool("maximal_set")
        .notNull()
        .def("FALSE")
        .index();
    b.table("lamindb_schemafeature")
        .id()
        .fk("schema_id", "lamindb_schema", CASCADE)
        .notNull()
        .fk("feature_id", "lamindb_feature", PROTECT)
        .notNull()
        .unique("lamindb_schemafeature_unique", "schema_id", "feature_id");
    tracksRun(
            b.table("lamindb_schemacomponent")
                .id()
                .fk("composite_id", "lamindb_schema", CASCADE)
                .notNull()
                .fk("component_id", "lamindb_schema", PROTECT)
                .notNull()
                .str("slot", 100)
                .index())
        .unique("lamindb_schemacomponent_slot_unique", "composite_id", "slot")
        .unique(
            "lamindb_schemacomponent_slot_component_unique",
            "composite_id",
            "slot",
            "component_id");
    tracksRun(
            b.table("lamindb_artifactschema")
                .id()
                .fk("artifact_id", "lamindb_artifact", CASCADE)
                .notNull()
                .fk("schema_id", "lamindb_schema", PROTECT)
                .notNull()
                .str("slot", 100)
                .index()
                .bool("feature_ref_is_semantic"))
        .unique("lamindb_artifactschema_slot_unique", "artifact_id", "slot")
        .unique("lamindb_artifactschema_slot_schema_unique", "artifact_id", "slot", "schema_id");

    Table ulabel =
        hasType(
            sqlRecord(b.table("lamindb_ulabel").id().str("uid", 8).notNull().unique()),
            "lamindb_ulabel");
    tracksUpdates(tracksRun(ulabel))
        .str("name", 150)
        .notNull()
        .index()
        .text("description")
        .index()
        .str("reference", 255)
        .index()
        .str("reference_type", 25)
        .index();
    selfLink(b, "lamindb_ulabel_parents", "ulabel", "lamindb_ulabel");

    Table record =
        hasType(
            sqlRecord(b.table("lamindb_record").id().str("uid", 16).notNull().unique()),
            "lamindb_record");
    tracksUpdates(tracksRun(record))
        .str("name", 150)
        .index()
        .text("description")
        .index()
        .str("reference", 255)
        .index()
        .str("reference_type", 25)
        .index()
        .json("extra_data")
        .fk("schema_id", "lamindb_schema", CASCADE);
    selfLink(b, "lamindb_record_parents", "record", "lamindb_record");
    autoLink(
        b, "lamindb_record_input_of_runs", "record_id", "lamindb_record", "run_id", "lamindb_run");

    Table project =
        hasType(
            sqlRecord(b.table("lamindb_project").id().str("uid", 12).notNull().unique()),
            "lamindb_project");
    tracksUpdates(tracksRun(project))
        .str("name", 255)
        .notNull()
        .index()
        .text("description")
        .index()
        .str("abbr", 32)
        .index()
        .str("url", 255)
        .date("start_date")
        .date("end_date")
        .integer("_status_code")
        .notNull()
        .def("0")
        .index();
    selfLink(b, "lamindb_project_parents", "project", "lamindb_project");
    selfLink(b, "lamindb_project_predecessors", "project", "lamindb_project");

    Table reference =
        hasType(
            sqlRecord(b.table("lamindb_reference").id().str("uid", 12).notNull().unique()),
            "lamindb_reference");
    tracksUpdates(tracksRun(reference))
        .str("name", 255)
        .notNull()
        .index()
        .text("description")
        .index()
        .str("abbr", 32)
        .index()
        .str("url", 255)
        .index()
        .integer("pubmed_id")
        .index()
        .str("doi", 255)
        .index()
        .text("text")
        .date("date");
    autoLink(
        b,
        "lamindb_project_references",
        "project_id",
        "lamindb_project",
        "reference_id",
        "lamindb_reference");

    // record values: one JSON value per record and feature; relational values in Record<X> tables
    b.table("lamindb_recordjson")
        .id()
        .fk("record_id", "lamindb_record", CASCADE)
        .notNull()
        .fk("feature_id", "lamindb_feature", PROTECT)
        .notNull()
        .json("value")
        .unique("lamindb_recordjson_unique", "record_id", "feature_id");
    String[][] recordValues = {
      {"record", "lamindb_record"},
      {"ulabel", "lamindb_ulabel"},
      {"user", "lamindb_user"},
      {"run", "lamindb_run"},
      {"artifact", "lamindb_artifact"},
      {"collection", "lamindb_collection"},
      {"transform", "lamindb_transform"},
      {"reference", "lamindb_reference"},
      {"project", "lamindb_project"}
    };
    for (String[] v : recordValues) {
      String t = "lamindb_record" + v[0];
      b.table(t)
          .id()
          .fk("record_id", "lamindb_record", CASCADE)
          .notNull()
          .fk("feature_id", "lamindb_feature", PROTECT)
          .notNull()
          .fk("value_id", v[1], PROTECT)
          .notNull()
          .unique(t + "_unique", "record_id", "feature_id", "value_id");
    }

    // artifact annotations: feature-aware link tables with two partial uniques each
    String[][] artifactLinks = {
      {"lamindb_artifactulabel", "ulabel_id", "lamindb_ulabel"},
      {"lamindb_artifactrecord", "record_id", "lamindb_record"},
      {"lamindb_artifactproject", "project_id", "lamindb_project"},
      {"lamindb_artifactreference", "reference_id", "lamindb_reference"},
      {"lamindb_artifactuser", "user_id", "lamindb_user"},
      {"lamindb_artifactartifact", "value_id", "lamindb_artifact"},
    };
    for (String[] l : artifactLinks) {
      featureLink(b, l[0], "artifact_id", "lamindb_artifact", l[1], l[2]);
    }
    featureLink(
        b, "lamindb_artifactrun", "artifact_id", "lamindb_artifact", "run_id", "lamindb_run");
    b.table("lamindb_artifactjsonvalue")
        .id()
        .fk("artifact_id", "lamindb_artifact", CASCADE)
        .notNull()
        .fk("jsonvalue_id", "lamindb_jsonvalue", PROTECT)
        .notNull()
        .unique("lamindb_artifactjsonvalue_unique", "artifact_id", "jsonvalue_id");

    // run annotations
    b.table("lamindb_runjsonvalue")
        .id()
        .fk("run_id", "lamindb_run", CASCADE)
        .notNull()
        .fk("jsonvalue_id", "lamindb_jsonvalue", PROTECT)
        .notNull()
        .timestampNow("created_at")
        .fk("created_by_id", "lamindb_user", PROTECT)
        .notNull()
        .unique("lamindb_runjsonvalue_unique", "run_id", "jsonvalue_id");
    plainLink(b, "lamindb_runulabel", "run_id", "lamindb_run", "ulabel_id", "lamindb_ulabel");
    plainLink(b, "lamindb_runproject", "run_id", "lamindb_run", "project_id", "lamindb_project");
    featureLink(b, "lamindb_runrecord", "run_id", "lamindb_run", "record_id", "lamindb_record");
    featureLink(
        b, "lamindb_runartifact", "run_id", "lamindb_run", "artifact_id", "lamindb_artifact");

    // transform links
    plainLink(
        b,
        "lamindb_transformulabel",
        "transform_id",
        "lamindb_transform",
        "ulabel_id",
        "lamindb_ulabel");
    plainLink(
        b,
        "lamindb_transformproject",
        "transform_id",
        "lamindb_transform",
        "project_id",
        "lamindb_project");
    plainLink(
        b,
        "lamindb_transformreference",
        "transform_id",
        "lamindb_transform",
        "reference_id",
        "lamindb_reference");
    featureLink(
        b,
        "lamindb_transformrecord",
        "transform_id",
        "lamindb_transform",
        "record_id",
        "lamindb_record");
    tracksRun(
            b.table("lamindb_transformtransform")
                .id()
                .fk("successor_id", "lamindb_transform", CASCADE)
                .notNull()
                .fk("predecessor_id", "lamindb_transform", PROTECT)
                .notNull()
                .json("config"))
        .unique("lamindb_transformtransform_unique", "successor_id", "predecessor_id");

    // collection links
    tracksRun(
            b.table("lamindb_collectionulabel")
                .id()
                .fk("collection_id", "lamindb_collection", CASCADE)
                .notNull()
                .fk("ulabel_id", "lamindb_ulabel", PROTECT)
                .notNull()
                .fk("feature_id", "lamindb_feature", PROTECT))
        .unique("lamindb_collectionulabel_unique", "collection_id", "ulabel_id");
    plainLink(
        b,
        "lamindb_collectionproject",
        "collection_id",
        "lamindb_collection",
        "project_id",
        "lamindb_project");
    plainLink(
        b,
        "lamindb_collectionreference",
        "collection_id",
        "lamindb_collection",
        "reference_id",
        "lamindb_reference");
    featureLink(
        b,
        "lamindb_collectionrecord",
        "collection_id",
        "lamindb_collection",
        "record_id",
        "lamindb_record");

    // project links of other registries
    plainLink(
        b, "lamindb_ulabelproject", "ulabel_id", "lamindb_ulabel", "project_id", "lamindb_project");
    plainLink(
        b,
        "lamindb_featureproject",
        "feature_id",
        "lamindb_feature",
        "project_id",
        "lamindb_project");
    plainLink(
        b, "lamindb_schemaproject", "schema_id", "lamindb_schema", "project_id", "lamindb_project");
    featureLink(
        b, "lamindb_projectrecord", "project_id", "lamindb_project", "record_id", "lamindb_record");
    featureLink(
        b,
        "lamindb_referencerecord",
        "reference_id",
        "lamindb_reference",
        "record_id",
        "lamindb_record");
    tracksRun(
            b.table("lamindb_projectuser")
                .id()
                .fk("project_id", "lamindb_project", CASCADE)
                .notNull()
                .fk("user_id", "lamindb_user", PROTECT)
                .notNull()
                .str("role", 32)
                .notNull()
                .index())
        .unique("lamindb_projectuser_unique", "project_id", "user_id", "role");
    plainLink(
        b, "lamindb_branchulabel", "branch_id", "lamindb_branch", "ulabel_id", "lamindb_ulabel");
    plainLink(
        b, "lamindb_branchproject", "branch_id", "lamindb_branch", "project_id", "lamindb_project");

    // built-in rows (spec §1.1, §1.2)
    b.sql("INSERT INTO lamindb_space (id, name, uid) VALUES (1, 'all', 'aaaaaaaaaaaa')");
    b.sql(
        "INSERT INTO lamindb_branch (id, name, uid, space_id, _status_code) VALUES "
            + "(-1, 'trash', 'tttttttttttt', 1, 0), (0, 'archive', 'aaaaaaaaaaaa', 1, 0), "
            + "(1, 'main', 'mmmmmmmmmmmm', 1, 0)");
    if (b.dialect() == Dialect.POSTGRES) {
      b.sql("SELECT setval(pg_get_serial_sequence('lamindb_space', 'id'), 1)");
      b.sql("SELECT setval(pg_get_serial_sequence('lamindb_branch', 'id'), 1)");
    }
  }

  private static Table sqlRecord(Table t) {
    return t.fk("branch_id", "lamindb_branch", PROTECT)
        .notNull()
        .def("1")
        .fk("created_on_id", "lamindb_branch", PROTECT)
        .notNull()
        .def("1")
        .fk("space_id", "lamindb_space", PROTECT)
        .notNull()
        .def("1")
        .bool("is_locked")
        .notNull()
        .def("FALSE")
        .json("_aux");
  }

  private static Table tracksRun(Table t) {
    return t.timestampNow("created_at")
        .fk("created_by_id", "lamindb_user", PROTECT)
        .notNull()
        .fk("run_id", "lamindb_run", PROTECT);
  }

  private static Table tracksUpdates(Table t) {
    return t.timestampNow("updated_at");
  }

  private static Table versioned(Table t) {
    return t.str("version_tag", 30).index().bool("is_latest").notNull().def("TRUE").index();
  }

  private static Table hasType(Table t, String self) {
    return t.bool("is_type").notNull().def("FALSE").index().fk("type_id", self, PROTECT);
  }

  /** Django's auto-created M2M table: id + two FKs, unique pair. */
  private static void autoLink(
      SchemaBuilder b, String table, String a, String aTable, String c, String cTable) {
    b.table(table)
        .id()
        .fk(a, aTable, CASCADE)
        .notNull()
        .fk(c, cTable, CASCADE)
        .notNull()
        .unique(table + "_unique", a, c);
  }

  private static void selfLink(SchemaBuilder b, String table, String model, String modelTable) {
    autoLink(b, table, "from_" + model + "_id", modelTable, "to_" + model + "_id", modelTable);
  }

  /** Explicit link table with TracksRun columns, unique pair. */
  private static void plainLink(
      SchemaBuilder b,
      String table,
      String host,
      String hostTable,
      String value,
      String valueTable) {
    Table t =
        b.table(table)
            .id()
            .fk(host, hostTable, CASCADE)
            .notNull()
            .fk(value, valueTable, PROTECT)
            .notNull();
    tracking(t, host, value).unique(table + "_unique", host, value);
  }

  /** TracksRun columns, except that a table with a run as host or value has no separate run_id. */
  private static Table tracking(Table t, String host, String value) {
    if (host.equals("run_id") || value.equals("run_id")) {
      return t.timestampNow("created_at").fk("created_by_id", "lamindb_user", PROTECT).notNull();
    }
    return tracksRun(t);
  }

  /**
   * Feature-aware link table: (host, value, feature null) with two partial uniques, TracksRun
   * columns.
   */
  private static void featureLink(
      SchemaBuilder b,
      String table,
      String host,
      String hostTable,
      String value,
      String valueTable) {
    Table t =
        b.table(table)
            .id()
            .fk(host, hostTable, CASCADE)
            .notNull()
            .fk(value, valueTable, PROTECT)
            .notNull()
            .fk("feature_id", "lamindb_feature", PROTECT);
    tracking(t, host, value)
        .uniqueWhere(table + "_unique_feature", "feature_id IS NOT NULL", host, value, "feature_id")
        .uniqueWhere(table + "_unique_no_feature", "feature_id IS NULL", host, value);
  }
}
