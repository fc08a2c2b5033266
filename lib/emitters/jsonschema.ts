import { cmp } from "../diagnostics.js";
import type { Element, Entity, EnumType, Event, Field, QualityConstraint, Subsystem, TypeRef } from "../model/types.js";
import { describeElement, describeHeader } from "./describe-element.js";
import { escapeJsonHazards } from "../escape-json-hazards.js";
import { makeIdentifier, NameScope, sanitizeLine, WINDOWS_RESERVED_NAMES } from "./identifiers.js";
import { collectStatementFiles, planSubsystemFolders, relativePath } from "./model-index.js";
import { TYPESCRIPT_NAMING } from "./typescript.js";
import type { EmitContext, Emitter, OutputFile } from "./types.js";
import { rendersSubsystem } from "./emit-selection.js";

/**
 * Base of every `$id`. `.invalid` is reserved (RFC 2606) so the ids never resolve on the network:
 * they only name the schemas, and relative `$ref`s between them follow the folder layout.
 */
export const SCHEMA_ID_BASE = "https://penult.invalid/contracts/";

type Schema = Record<string, unknown>;

function description(ctx: EmitContext, element: Element, constraints?: readonly QualityConstraint[], tags?: readonly string[]): string {
  return describeElement({ index: ctx.index, element, constraints, tags }).map(sanitizeLine).join("\n");
}

/**
 * JSON Schema 2020-12: one schema file per entity, enum and event
 * (`jsonschema/<subsystem folders>/<Name>.schema.json`), `$ref`s between files by relative path.
 * Property names are the same camelCase names as the TypeScript interfaces. No templates: a schema
 * is data, built as an object and serialised, so no text can ever escape its JSON string.
 */
export const jsonschemaEmitter: Emitter = {
  name: "jsonschema",
  description: "JSON Schema 2020-12, one schema per entity, enum and event, linked by $ref",
  emit(ctx) {
    const folders = planSubsystemFolders({ index: ctx.index, naming: TYPESCRIPT_NAMING, style: "kebab" });
    // element id -> path segments of its schema file (under jsonschema/)
    const fileOf = new Map<string, string[]>();
    for (const s of ctx.index.subsystems) {
      const scope = new NameScope({ caseInsensitive: true, blocked: WINDOWS_RESERVED_NAMES });
      const els = [...s.entities, ...s.enums, ...s.events].sort((a, b) => cmp(a.id, b.id));
      for (const el of els) {
        const name = scope.claim(makeIdentifier(el.name, { naming: TYPESCRIPT_NAMING, style: "pascal", kind: "type" }), el.id);
        fileOf.set(el.id, [...(folders.get(s.id) ?? []), `${name}.schema.json`]);
      }
    }

    const typeSchema = (ref: TypeRef, at: Element, here: string[]): Schema => {
      switch (ref.kind) {
        case "primitive":
          switch (ref.name) {
            case "string":
              return { type: "string" };
            case "integer":
              return { type: "integer" };
            case "number":
              return { type: "number" };
            case "boolean":
              return { type: "boolean" };
            case "date":
              return { type: "string", format: "date" };
            case "datetime":
              return { type: "string", format: "date-time" };
            case "duration":
              return { type: "string", format: "duration" };
            case "uuid":
              return { type: "string", format: "uuid" };
            case "binary":
              return { type: "string", contentEncoding: "base64" };
            case "void":
              return { type: "null" };
            default:
              return {};
          }
        case "list":
          return { type: "array", items: typeSchema(ref.of, at, here) };
        case "ref": {
          const target = fileOf.get(ref.target);
          if (!target) {
            ctx.report({
              code: "EMIT_UNRESOLVED_TYPE",
              severity: "warning",
              message: `${at.id} refers to unknown type ${JSON.stringify(ref.target)}; emitted as unknown`,
              statement: at.sources[0],
            });
            return {};
          }
          return { $ref: relativePath(here.slice(0, -1), target) };
        }
      }
    };

    const files: OutputFile[] = [];
    const write = (s: Subsystem, el: Element, kind: string, body: Schema): void => {
      const segs = fileOf.get(el.id) ?? [];
      const schema: Schema = {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: SCHEMA_ID_BASE + ["jsonschema", ...segs].join("/"),
        $comment: describeHeader({ statementFiles: collectStatementFiles(ctx.index, el.sources) })
          .map((l) => sanitizeLine(l.trim()))
          .join(" "),
        title: sanitizeLine(el.name),
        description: `${kind} ${sanitizeLine(el.id)} of subsystem ${sanitizeLine(s.path.join("/") || "(root)")}\n${description(ctx, el)}`,
        ...body,
      };
      files.push({ path: ["jsonschema", ...segs].join("/"), content: escapeJsonHazards(JSON.stringify(schema, null, 2)) + "\n", subsystem: s.id });
    };
    const objectBody = (el: Entity | Event, here: string[]): Schema => {
      const members = new NameScope();
      const properties: Schema = {};
      const required: string[] = [];
      const add = (f: Field | { id: string; name: string; sources: string[]; optional: boolean; type: TypeRef }, extra: Schema = {}): void => {
        const name = members.claim(makeIdentifier(f.name, { naming: TYPESCRIPT_NAMING, style: "camel", kind: "member" }), f.id);
        properties[name] = { ...typeSchema(f.type, f as Element, here), description: description(ctx, f as Element), ...extra };
        if (!f.optional) required.push(name);
      };
      el.fields.forEach((f) => add(f));
      if ("relations" in el)
        for (const r of el.relations) {
          const one: TypeRef = { kind: "ref", target: r.target };
          add({ id: r.id, name: r.name, sources: r.sources, optional: false, type: r.cardinality === "many" ? { kind: "list", of: one } : one });
        }
      return { type: "object", properties, required, additionalProperties: false };
    };
    const enumBody = (e: EnumType): Schema => {
      const values = [...new Set(e.values)];
      // ajv rejects an empty `enum`; `not: {}` says the same thing: no value is valid.
      return values.length ? { type: "string", enum: values } : { not: {} };
    };
    for (const s of ctx.index.subsystems) {
      if (!rendersSubsystem(ctx, s.id)) continue;
      for (const e of s.entities) write(s, e, "Entity", objectBody(e, fileOf.get(e.id) ?? []));
      for (const e of s.enums) write(s, e, "Enum", enumBody(e));
      for (const e of s.events) write(s, e, "Event", objectBody(e, fileOf.get(e.id) ?? []));
    }
    return files;
  },
};
