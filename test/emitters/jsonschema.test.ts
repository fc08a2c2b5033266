import { describeTargetSuite } from "./go-java-rust-csharp-suite.js";
import { SCHEMA_ID_BASE } from "../../lib/emitters/jsonschema.js";

// Valid JSON, but its $ref points at a schema nobody emitted.
describeTargetSuite("jsonschema", [
  {
    path: "jsonschema/A.schema.json",
    content: JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${SCHEMA_ID_BASE}jsonschema/A.schema.json`, $ref: "./Missing.schema.json" }),
  },
]);
