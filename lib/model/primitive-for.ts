import type { PrimitiveName } from "./types.js";

/**
 * The primitive type a field or parameter name suggests (docs/model.md "Types"): `createdAt` ->
 * datetime, `price` -> number, `isActive` -> boolean, `email` -> string. Depends on the words alone.
 */
export function primitiveFor(words: readonly string[]): PrimitiveName {
  const last = words[words.length - 1] ?? "";
  const first = words[0] ?? "";
  if (["is", "has", "can", "should", "allow", "enable", "whether"].includes(first) && words.length > 1) return "boolean";
  if (["id", "uuid", "guid"].includes(last)) return "uuid";
  if (["at", "datetime", "timestamp", "time", "modified", "updated", "created"].includes(last)) return "datetime";
  if (["date", "day", "birthday", "deadline", "dob", "expiry", "expiration"].includes(last)) return "date";
  if (["count", "quantity", "age", "capacity", "position", "rank", "limit", "size", "index", "year", "hours", "minutes", "seconds", "days", "number", "level", "points", "stock", "retries", "attempts"].includes(last)) return "integer";
  if (["amount", "price", "cost", "total", "subtotal", "balance", "rate", "score", "rating", "latitude", "longitude", "percentage", "percent", "fee", "weight", "height", "width", "distance", "ratio", "tax", "discount", "margin", "salary", "income", "budget", "threshold", "value", "sum"].includes(last)) return "number";
  if (["duration", "period", "interval", "timeout", "ttl"].includes(last)) return "duration";
  if (["enabled", "disabled", "flag", "visible", "active", "verified", "external", "public", "private", "deleted", "archived", "sensitive", "required", "included", "completed", "approved", "paid"].includes(last)) return "boolean";
  if (["image", "photo", "picture", "attachment", "avatar", "binary", "blob", "video", "audio", "file"].includes(last)) return "binary";
  return "string";
}

/** A type word the extractor or an author wrote ("int", "decimal", "timestamp") as a primitive. */
export function primitiveOf(type: string): PrimitiveName {
  const t = type.toLowerCase();
  const known: PrimitiveName[] = ["string", "integer", "number", "boolean", "date", "datetime", "duration", "uuid", "binary"];
  if ((known as string[]).includes(t)) return t as PrimitiveName;
  if (/int|count|long|short/.test(t)) return "integer";
  if (/float|double|decimal|money|currency|number|numeric|real/.test(t)) return "number";
  if (/bool/.test(t)) return "boolean";
  if (/time/.test(t)) return "datetime";
  if (/date/.test(t)) return "date";
  if (/byte|blob|binary/.test(t)) return "binary";
  return "string";
}
