/**
 * A type hint from a field's words, for the model builder: "created at" -> datetime, "quantity"
 * -> integer, "is active" -> boolean, "user id" -> uuid, "email" -> string. Undefined when the
 * words say nothing.
 */
export function guessFieldType(field: string): string | undefined {
  const words = field.toLowerCase().split(/[\s_-]+/).filter(Boolean);
  const last = words.at(-1) ?? "";
  const first = words[0] ?? "";
  if (["is", "has", "can", "should", "allow", "allows"].includes(first) || /^(?:flag|enabled|disabled|active|verified|complete|completed|archived|deleted|visible|public|published|required|approved|default)$/.test(last)) return "boolean";
  if (last === "id" || last === "uuid" || last === "guid") return "uuid";
  if (/^(?:date|birthday|dob|deadline|day)$/.test(last)) return "date";
  if (/^(?:at|time|timestamp|datetime|when)$/.test(last) || /(?:timestamp|datetime)$/.test(last)) return "datetime";
  if (/^(?:duration|timeout|interval|period)$/.test(last)) return "duration";
  if (/^(?:count|quantity|qty|number|age|capacity|position|rank|order|index|level|stock|attempts|size|limit|threshold|depth|year|version)$/.test(last)) return "integer";
  if (/^(?:amount|price|cost|total|balance|rate|score|rating|fee|percentage|percent|latitude|longitude|weight|height|width|tax|discount|salary|budget|subtotal)$/.test(last)) return "number";
  if (/^(?:email|url|uri|link|name|title|description|notes?|address|phone|text|message|comment|summary|sku|code|slug|username|password|label|content|body|city|country|street|state|status|type|role|currency|language|locale|bio|caption|reason|key|token|hash|path|filename|color|colour)$/.test(last)) return "string";
  if (/^(?:image|photo|picture|avatar|file|attachment|document|logo|thumbnail)$/.test(last)) return "binary";
  return undefined;
}
