#!/usr/bin/env node
// ---- penult: vendored copy; these header lines are the only difference from the original ----
// Source: the penult team's n-1 scorer (tools/score-n1.mjs in the team's workspace next to the
// repository), copied so that `npm run bench` (bench/n1.bench.ts) runs from
// the repository alone. Everything below this header MUST stay byte-identical to the team's tool,
// so that the bench's scores agree with the external scorer: to update, copy the tool again and put
// this header back with its new sha256. bench/n1.bench.ts refuses to run if the bytes differ.
// sha256 of the team's tool (this file without these header lines): 0d0fbddd51b97500217d8d01d1bbe70e255170c57ba6af1d674998777e1d29c8
// ---- end of penult header ----
// score-n1.mjs -- architecture-level scorer for penult on spec-kit feature folders (dev set).
//
// Each feature folder of the public dev set (../corpora/speckit-n1-dev/<owner>__<repo>__<feature>/,
// sources and licences in its SOURCE.txt) holds spec.md (the statements penult reads) and the
// "n-1 layer" a person or an LLM wrote from it: data-model.md (entities, fields) and contracts/
// (OpenAPI, GraphQL, TS interfaces, markdown endpoint lists). penult is run on spec.md ALONE; its
// contracts/model.json is compared with the gold extracted here. A trivial baseline (the spec's own
// "Key Entities" list, CRUD operations over it) is scored the same way for calibration.
//
// Plain Node.js >= 20, no dependencies.  Usage: node score-n1.mjs --help

import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `
score-n1.mjs -- penult vs. spec-kit data-model.md + contracts/ (dev set)

  node score-n1.mjs [options]

Options:
  --features DIR     feature folders, one per <owner>__<repo>__<feature>/ holding spec.md,
                     data-model.md, contracts/ (default: <this dir>/../corpora/speckit-n1-dev)
  --models DIR       penult outputs: DIR/<feature>/contracts/model.json
                     (default: <os temp dir>/score-n1-dev/runs)
  --generate JS      first run penult (node JS generate) on each feature's spec.md alone, in a fresh
                     git repo DIR/<feature>/ (statements/spec.md), then score
  --feature SUBSTR   only features whose folder name contains SUBSTR (repeatable)
  --dump             print the parsed gold (entities, fields, operations, skipped items), the baseline
                     and penult's entities/operations, per feature, for checking by eye
  --detail           print matched / missed items per feature
  --json             machine-readable result (per feature + macro) on stdout
  --selftest         score the gold against itself in the "penult" rows (must print 100.0 everywhere)
  --help

Matching rules (applied identically to penult and the baseline):
  names -> lower-case word tokens (camelCase, snake_case, kebab, dotted and spaced names split; a
  dotted schema prefix such as inv.site dropped; each word singularised).
  entity  exact   : same token sequence                       (UserProfile = user_profiles)
          partial : the longer name has exactly ONE extra (modifier) word, the same head (last) word, and
                    the shorter name's words in order (Profile ~ UserProfile, Session ~ AuthSession,
                    RecurringExpense ~ Recurring Monthly Expense; Session !~ StockTakeSession)
          "strict" scores count exact only; the headline scores count exact + partial.
          one-to-one: exact pairs first, then partial pairs, greedily in gold order.
  field   within a matched entity pair: same rule on field names, plus: a trailing "id" word and a
          leading is/has word are ignored (site_id = site, is_active = active); penult relation
          names and relation targets count as fields. Bookkeeping gold fields (id, uuid, created_at,
          updated_at, deleted_at, tenant_id, version) are left out of field recall.
  operation : verb + object. Verb = first word found in a verb lexicon (GraphQL Query fields and
          HTTP GET imply "read"; REST paths give the verb from the method or a verb-like last path
          segment); verbs are compared by synonym class (get/list/fetch/view/search.. = read;
          create/add/submit/register.. = create; update/edit/set.. = update; delete/remove.. =
          delete; others only with themselves). Object = remaining words before the first
          preposition; head = its last word. A gold op matches a penult op when the verb classes are
          equal and the heads are equal (or each head is among the other's object words). Many gold ops may match
          one penult op (recall only). A gold op may carry aliases (operationId, METHOD+path
          reading, OpenAPI summary); any alias may match. Gold ops with no object word (generic
          get(endpoint), clear()) are skipped and logged.
`;

// ---------------------------------------------------------------- words
const IRREG = { people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', criteria: 'criterion', indices: 'index' };
const NO_SING = new Set(['status', 'address', 'class', 'process', 'access', 'business', 'analysis', 'basis', 'bus', 'campus', 'series', 'news', 'alias', 'canvas', 'gas', 'plus', 'bonus', 'virus', 'consensus', 'corpus', 'census', 'radius', 'axis', 'thesis', 'success', 'progress', 'express', 'loss', 'gross', 'less', 'pass', 'boss', 'glass', 'analytics', 'settings', 'details', 'sms', 'ios', 'is', 'has', 'was', 'this', 'its', 'us', 'yes', 'dos', 'kpis']);
export function singular(w) {
  if (IRREG[w]) return IRREG[w];
  if (w.length <= 3 || NO_SING.has(w)) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(sses|xes|zes|ches|shes|uses)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}
export function words(name) {
  let s = String(name || '');
  s = s.replace(/`/g, '').replace(/\*\*/g, '');
  s = s.replace(/\(.*?\)/g, ' ');
  s = s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map(singular);
}
function entityWords(name) { // drop a schema prefix: inv.site -> site, public.user_profiles -> user_profiles
  const n = String(name).replace(/`/g, '').trim();
  const m = /^[a-z_][a-z0-9_]*\.([A-Za-z_][\w]*)$/.exec(n);
  return words(m ? m[1] : n);
}
function entityAlts(name) { // extra readings: consent.event -> "consent event" as well as "event"
  const n = String(name).replace(/`/g, '').trim();
  const m = /^([a-z_][a-z0-9_]*)\.([A-Za-z_][\w]*)$/.exec(n);
  if (!m || /^(public|dbo|main|auth|app)$/.test(m[1])) return [];
  const w = words(m[1] + ' ' + m[2]);
  return w.length > 1 && w[0] !== w[1] ? [w] : [];
}
const keyOf = (ws) => ws.join(' ');

// ---------------------------------------------------------------- name matching
function seqEq(a, b) { return a.length === b.length && a.every((x, i) => x === b[i]); }
function isSuffix(short, long) { return short.length >= 1 && long.length > short.length && seqEq(short, long.slice(long.length - short.length)); }
// 'exact' | 'partial' | null
function isSubseq(short, long) { let j = 0; for (const w of long) if (j < short.length && w === short[j]) j++; return j === short.length; }
export function nameMatch(a, b) {
  if (!a.length || !b.length) return null;
  if (seqEq(a, b)) return 'exact';
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  // one extra modifier word, same head noun: Profile ~ UserProfile, RecurringExpense ~ RecurringMonthlyExpense
  if (l.length - s.length === 1 && s[s.length - 1] === l[l.length - 1] && isSubseq(s, l)) return 'partial';
  return null;
}
function fieldNorm(ws) {
  let w = ws.slice();
  if (w.length > 1 && (w[w.length - 1] === 'id' || w[w.length - 1] === 'ids')) w = w.slice(0, -1);
  if (w.length > 1 && (w[0] === 'is' || w[0] === 'has')) w = w.slice(1);
  return w;
}
export function fieldMatch(a, b) { return nameMatch(fieldNorm(a), fieldNorm(b)); }

// ---------------------------------------------------------------- markdown helpers
function splitLines(t) { return t.replace(/\r\n?/g, '\n').split('\n'); }
function stripMd(s) { return String(s).replace(/`/g, '').replace(/\*\*|__/g, '').replace(/\*/g, '').trim(); }
function tableCells(line) {
  const t = line.trim();
  if (!t.startsWith('|')) return null;
  return t.replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
}
const isSepRow = (line) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
const IDENT = /^[A-Za-z_$][\w$]*$/;

// ---------------------------------------------------------------- data-model.md -> gold entities
// Section words that make a heading a non-entity section (matched as whole words of the heading's
// prose, never inside an identifier such as InventoryOperation).
const STOP_WORDS = new Set(['overview', 'summary', 'purpose', 'introduction', 'conventions', 'diagram', 'diagrams', 'erd',
  'relationship', 'relationships', 'relation', 'relations', 'validation', 'validations', 'rules', 'constraints', 'invariants',
  'lifecycle', 'transitions', 'indexes', 'indices', 'indexing', 'performance', 'migration', 'migrations', 'security',
  'considerations', 'strategy', 'notes', 'assumptions', 'patterns', 'queries', 'example', 'examples', 'seed', 'seeded',
  'testing', 'tests', 'future', 'enhancements', 'mapping', 'traceability', 'glossary', 'ubiquitous', 'boundaries',
  'handling', 'api', 'endpoint', 'endpoints', 'caching', 'retention', 'privacy', 'analytics', 'reporting', 'metrics',
  'calculation', 'logic', 'coverage', 'atomicity', 'consistency', 'denormalization', 'repository', 'repositories',
  'enum', 'enums', 'enumeration', 'enumerations', 'workflow', 'checklist', 'scope', 'design', 'decisions', 'requirements',
  'scaling', 'optimization', 'typescript', 'types', 'dto', 'dtos', 'props', 'component', 'components', 'hooks', 'changes',
  'impact', 'existing', 'extension', 'extensions', 'unchanged', 'recovery', 'behavior', 'behaviour', 'implementation',
  'zod', 'ui', 'integration', 'projections', 'cross', 'cutting', 'service', 'services']);
const STOP_PHRASES = /\b(state machines?|state transitions?|data access|access patterns?|error handling|out of scope|open questions|next steps|sample data|boundary map|entity[- ]relationships?|data flows?|transaction boundaries|field mapping|data volumes?|(?:volume|size|storage|capacity) estimates?)\b/;
// stop words whose section may still hold entities below it (they do not propagate to sub-headings)
const WEAK_STOP = new Set(['service', 'services', 'reporting', 'overview', 'summary', 'purpose', 'introduction', 'conventions',
  'integration', 'cross', 'cutting', 'projections', 'unchanged', 'recovery', 'coverage', 'atomicity', 'consistency',
  'boundaries', 'scope']);
// words that only name a container of entities ("Core Entities", "Table Schemas", "Prisma Schema")
const CONTAINER_WORDS = new Set(['entity', 'entities', 'definition', 'definitions', 'data', 'model', 'models', 'table',
  'tables', 'schema', 'schemas', 'core', 'domain', 'database', 'db', 'object', 'objects', 'value', 'prisma', 'sql',
  'drizzle', 'orm', 'convex', 'mongodb', 'postgresql', 'postgres', 'sqlite', 'supabase', 'collection', 'collections',
  'new', 'key', 'main', 'primary', 'secondary', 'supporting', 'aggregate', 'aggregates', 'root', 'the', 'and', 'of',
  'specification', 'specifications', 'for', 'with', 'feature', 'attributes']);
const FIELD_SUBHEAD = /^(fields?|attributes?|columns?|properties|field (descriptions?|specifications?|definitions?)|(required|optional|computed|stored|core|key|additional|new) fields|schema|prisma schema|sql schema|table schema|structure|shape|definition|typescript( (interface|definitions?|types?))?|(type|interface) definitions?|interface|model|drizzle( schema)?|convex schema)$/i;
const SCHEMA_CTX = /\b(schema|schemas|prisma|sql|drizzle|database|tables?|models?|entities|entity|convex|orm|ddl|collections?)\b/i;
const ENTITY_MARK = /\b(entity|table|model|aggregate|value object|collection|record type)\b/i;
const DTO_SUFFIX = /(Create|Update|Filters?|Request|Response|Dto|DTO|Props|Input|Params|Payload|Options|Config|Result|Query|Args|Schema)$/;

function headingProseWords(text) {
  // words of the heading outside backticks / parentheses / identifiers with inner capitals or underscores
  const t = text.replace(/`[^`]*`/g, ' ').replace(/\([^)]*\)/g, ' ');
  return t.split(/\s+/).map((w) => w.replace(/[^A-Za-z-]/g, '')).filter(Boolean)
    .filter((w) => !/[a-z][A-Z]/.test(w) && !/_/.test(w)).map((w) => w.toLowerCase());
}
// 0 = not a stop heading, 1 = stop (sub-headings still examined), 2 = stop with its whole subtree
function stopKind(text) {
  const ws = headingProseWords(text);
  if (STOP_PHRASES.test(ws.join(' '))) return 2;
  const hits = ws.filter((w) => STOP_WORDS.has(w));
  if (!hits.length) return 0;
  return hits.every((w) => WEAK_STOP.has(w)) ? 1 : 2;
}
// heading text -> candidate entity names ([] when none)
function headingEntityNames(text) {
  let t = text.trim();
  t = t.replace(/^\d+(\.\d+)*[.)]?\s+/, '');
  t = t.replace(/^(new |existing |domain )?(entity|aggregate root|aggregate|value object|table|model|collection|projection)\s*\d*\s*(\([^)]*\))?\s*[:—–-]+\s*/i, '');
  t = t.replace(/^\d+(\.\d+)*[.)]?\s+/, '');
  const tick = [...t.matchAll(/`([^`]+)`/g)].map((m) => m[1].trim());
  if (tick.length && IDENT.test(tick[0].split('.').pop()) && t.trim().startsWith('`')) {
    return [tick[0]];
  }
  t = t.replace(/\([^)]*\)/g, ' ');
  t = t.replace(/\s+[-—–:]\s+.*$/, '');              // "Name - description", "Name — note"
  t = t.replace(/`/g, '');
  t = t.replace(/\b(entity|table|model|collection|aggregate root|aggregate|value object|schema|record type)\b\s*$/i, '');
  t = t.replace(/\s+/g, ' ').trim();
  if (!t) return [];
  // "RouteLoad and RouteLoadLine", "CashClose, CashCloseLine, and CashCloseSale"
  const parts = t.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((x) => x.trim()).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => IDENT.test(p) && /^[A-Z]/.test(p))) return parts;
  if (IDENT.test(t) || /^[a-z_][a-z0-9_]*\.[A-Za-z_]\w*$/.test(t)) return [t];
  const ws = t.split(' ');
  if (ws.length <= 4 && ws.every((w) => /^[A-Z][A-Za-z0-9]*$/.test(w) || /^(of|and|on|in)$/.test(w))) {
    if (ws.every((w) => CONTAINER_WORDS.has(w.toLowerCase()))) return [];
    return [t];
  }
  return [];
}
function isContainerHeading(text) {
  const ws = text.replace(/[`()]/g, ' ').replace(/^\d+(\.\d+)*[.)]?\s+/, '').toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return ws.length > 0 && ws.every((w) => CONTAINER_WORDS.has(w));
}

// ---- code blocks -> models {name, fields[], kind}
function braceBody(src, openIdx) { // src[openIdx] === '{' -> [body, endIdx]
  let depth = 0;
  for (let i = openIdx; i < src.length; i++) {
    const c = src[i];
    if (c === '{') depth++;
    else if (c === '}') { depth--; if (depth === 0) return [src.slice(openIdx + 1, i), i]; }
  }
  return [src.slice(openIdx + 1), src.length];
}
function depth1Lines(body) {
  const out = []; let depth = 0; let cur = '';
  for (const ch of body) {
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    if (ch === '}' || ch === ')' || ch === ']') depth--;
    if (ch === '\n') { out.push([cur, depth]); cur = ''; continue; }
    cur += ch;
  }
  out.push([cur, depth]);
  return out;
}
function keysAtDepth1(body, style) {
  const keys = [];
  // track depth at the START of each line
  let depth = 0;
  for (const line of body.split('\n')) {
    const startDepth = depth;
    for (const ch of line.replace(/\/\/.*$/, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')) {
      if ('{(['.includes(ch)) depth++;
      if ('})]'.includes(ch)) depth--;
    }
    if (startDepth !== 0) continue;
    const l = line.replace(/\/\/.*$/, '').replace(/#.*$/, '');
    let m;
    if (style === 'prisma') {
      if ((m = /^\s*([A-Za-z_]\w*)\s+[A-Za-z]/.exec(l)) && !/^\s*@@/.test(l)) keys.push(m[1]);
    } else if (style === 'csharp') {
      if ((m = /^\s*public\s+[\w<>\[\]?,. ]+?\s+(\w+)\s*\{/.exec(l))) keys.push(m[1]);
    } else if (style === 'graphql') {
      if ((m = /^\s*([A-Za-z_]\w*)\s*(\(|:)/.exec(l))) keys.push(m[1]);
    } else {
      if ((m = /^\s*(?:readonly\s+|public\s+|private\s+|protected\s+)?["']?([A-Za-z_$][\w$]*)["']?\??\s*:/.exec(l))) keys.push(m[1]);
    }
  }
  return keys;
}
function parseSqlTables(src) {
  const models = [];
  const re = /create\s+table\s+(?:if\s+not\s+exists\s+)?([\w."]+)\s*\(/ig;
  let m;
  while ((m = re.exec(src))) {
    let depth = 1; let i = re.lastIndex; const start = i;
    for (; i < src.length && depth > 0; i++) { if (src[i] === '(') depth++; else if (src[i] === ')') depth--; }
    const body = src.slice(start, i - 1).replace(/--.*$/mg, '');
    const cols = []; let d = 0; let cur = '';
    for (const ch of body) { if (ch === '(') d++; if (ch === ')') d--; if (ch === ',' && d === 0) { cols.push(cur); cur = ''; } else cur += ch; }
    cols.push(cur);
    const fields = [];
    for (const c of cols) {
      const mm = /^\s*"?([A-Za-z_]\w*)"?\s+\w/.exec(c);
      if (!mm) continue;
      if (/^(primary|foreign|constraint|unique|check|index|key|exclude|like)$/i.test(mm[1])) continue;
      fields.push(mm[1]);
    }
    models.push({ name: m[1].replace(/"/g, ''), fields, kind: 'sql' });
  }
  return models;
}
function parsePythonClasses(src) {
  const models = []; const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^class\s+(\w+)\s*(\([^)]*\))?\s*:/.exec(lines[i]);
    if (!m) continue;
    const fields = [];
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (/^\S/.test(l)) break;
      const f = /^\s{4}([a-z_]\w*)\s*(:|=\s*(Column|Field|models\.|db\.|mapped_column|relationship))/.exec(l);
      if (f && !/^__/.test(f[1])) fields.push(f[1]);
    }
    models.push({ name: m[1], fields, kind: 'python' });
  }
  return models;
}
export function parseCodeModels(src, lang = '') {
  const models = []; const skipped = [];
  src = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/mg, '$1');
  let m;
  // drizzle / convex tables
  const reTable = /(?:const|let|var)\s+(\w+)\s*=\s*(?:\w+\.)?(?:sqliteTable|pgTable|mysqlTable|table)\(\s*['"](\w+)['"]\s*,\s*\{/g;
  while ((m = reTable.exec(src))) { const [body] = braceBody(src, reTable.lastIndex - 1); models.push({ name: m[2], fields: keysAtDepth1(body), kind: 'drizzle' }); }
  const reConvex = /(\w+)\s*:\s*defineTable\(\s*\{/g;
  while ((m = reConvex.exec(src))) { const [body] = braceBody(src, reConvex.lastIndex - 1); models.push({ name: m[1], fields: keysAtDepth1(body), kind: 'convex' }); }
  // prisma / ts / c# / graphql / rust
  const reDecl = /(^|\n)\s*(?:export\s+)?(?:declare\s+)?(?:public\s+|abstract\s+|partial\s+|sealed\s+)*(model|interface|class|type|struct|record|enum|input)\s+([A-Za-z_]\w*)(?:<[^>{]*>)?([^{=\n]*)(=\s*)?\{/g;
  while ((m = reDecl.exec(src))) {
    const kw = m[2]; const name = m[3];
    const openIdx = reDecl.lastIndex - 1;
    const [body] = braceBody(src, openIdx);
    if (kw === 'enum') { skipped.push(`enum ${name}`); continue; }
    if (kw === 'input') { skipped.push(`graphql input ${name}`); continue; }
    const style = /prisma/i.test(lang) || (kw === 'model' && !/:/.test(body.split('\n').find((l) => l.trim()) || ':')) ? 'prisma'
      : kw === 'class' && /\{\s*get\s*;/.test(body) ? 'csharp'
        : /graphql|gql/i.test(lang) ? 'graphql' : 'ts';
    const fields = keysAtDepth1(body, style);
    models.push({ name, fields, kind: kw === 'model' ? 'prisma' : kw });
  }
  models.push(...parseSqlTables(src));
  if (/python|py/i.test(lang) || /^class\s+\w+.*:\s*$/m.test(src)) models.push(...parsePythonClasses(src));
  // bare JSON object (document schema): { "key": ... }
  const noComments = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/mg, '');
  if (!models.length && /^\s*\{/.test(noComments) && /json|js|javascript|ts|typescript|^$/i.test(lang)) {
    const open = noComments.indexOf('{'); const [body] = braceBody(noComments, open);
    const keys = keysAtDepth1(body).filter((k) => k !== '_id');
    if (keys.length) models.push({ name: null, fields: keys, kind: 'json' });
  }
  return { models, skipped };
}

function fieldsFromTable(rows) { // rows: array of cell arrays, first = header
  const hdr = rows[0].map((c) => stripMd(c).toLowerCase());
  const idx = hdr.findIndex((h) => /^(field|fields|column|columns|attribute|attributes|property|properties|name|field name|column name|key|field \/ column)$/.test(h));
  if (idx < 0) return null;
  const out = [];
  for (const r of rows.slice(1)) {
    const cell = (r[idx] || '').replace(/\([^)]*\)/g, ' ');
    const ticks = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const cands = ticks.length ? ticks : stripMd(cell).split(/\s*[,/]\s*/);
    for (let c of cands) {
      c = c.trim().replace(/\?$/, '').replace(/\[\]$/, '').replace(/\(.*\)$/, '').trim();
      if (c.includes('.') && /^[a-z_]+\.[a-z_]+$/i.test(c)) c = c.split('.').pop();
      if (IDENT.test(c)) out.push(c);
    }
  }
  return out;
}
const LABEL_RE = /^\s*(?:[-*]\s+)?\*\*([^*]+?)\*\*\s*:?\s*(\(.*\))?\s*:?\s*$|^\s*\*\*([^*]+?):\*\*\s*$/;
const isEnumValueBullet = (line) => /^\s*[-*+]\s+`[A-Z][A-Z0-9_]*`/.test(line) || /^\s*[-*+]\s+`[A-Z][A-Za-z0-9]*`\s*$/.test(line);
function fieldBulletNames(line) {
  let m;
  if (isEnumValueBullet(line)) return []; // - `Pending` / - `ADDED`: ... (a value of an enum)
  const out = [];
  if ((m = /^\s*[-*+]\s+`\(([A-Za-z_][\w\s,]*)\)`/.exec(line))) return m[1].split(/\s*,\s*/).filter((x) => IDENT.test(x)); // `(a_id, b_id)` junction
  if ((m = /^\s*[-*+]\s+`([A-Za-z_$][\w$.]*)(?:\??\s*:[^`]*)?`\??\s*(?::|—|–|-|\(|,|\s|$)/.exec(line))) { // `name` or `name: type`
    if (m[1].includes('.') || /^[A-Z0-9_]+$/.test(m[1])) return out; // customer.first_name (a reference), CUSTOMER (an enum value)
    out.push(m[1]);
    const rest = line.slice(m[0].length - 1).split(/—|–|\s-\s|e\.g\.|\(|:|;/)[0];
    for (const piece of rest.split(/,\s*/).slice(1)) {
      const mm = /^`([A-Za-z_$][\w$]*)`/.exec(piece.trim());
      if (mm) out.push(mm[1]);
    }
    return out;
  }
  if ((m = /^\s*[-*+]\s+\*\*([A-Za-z_$][\w$]*)\*\*\s*(?::|—|–|-|\()/.exec(line))) {
    if (!/^[A-Z]+-?\d+$/.test(m[1]) && !/^[A-Z][a-z]+$/.test(m[1]) || /^[a-z]/.test(m[1])) return [m[1]];
    return [];
  }
  if ((m = /^\s*[-*+]\s+([a-z_][A-Za-z0-9_]*)\??\s*(?::|\(|—|–)\s*\S/.exec(line))) return [m[1]];
  return out;
}

export function parseDataModel(md) {
  const lines = splitLines(md);
  // 1) sections
  const heads = []; // {level, text, start, end, parent}
  let inCode = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) { inCode = !inCode; continue; }
    if (inCode) continue;
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(lines[i]);
    if (m) heads.push({ level: m[1].length, text: m[2], start: i });
  }
  for (let k = 0; k < heads.length; k++) {
    heads[k].end = k + 1 < heads.length ? heads[k + 1].start : lines.length;
    let p = k - 1; while (p >= 0 && heads[p].level >= heads[k].level) p--;
    heads[k].parent = p >= 0 ? p : null;
  }
  const preface = { level: 0, text: '', start: 0, end: heads.length ? heads[0].start : lines.length, parent: null };
  const skipped = []; const found = [];
  // status per heading
  for (let k = 0; k < heads.length; k++) {
    const h = heads[k];
    const par = h.parent == null ? null : heads[h.parent];
    let sk = h.level > 1 && !FIELD_SUBHEAD.test(stripMd(h.text)) ? stopKind(h.text) : 0;
    // "### 5. Service Offerings" under "## Entity Definitions": a weak stop word used as a modifier
    // inside a multi-word name (not its last word) does not make the heading a non-entity section
    if (sk === 1 && par && isContainerHeading(par.text)) {
      const ws = headingProseWords(h.text.replace(/^\d+(\.\d+)*[.)]?\s+/, ''));
      if (ws.length > 1 && !WEAK_STOP.has(ws[ws.length - 1])) sk = 0;
    }
    h.stopTree = (par && par.stopTree) || sk === 2;
    h.stop = h.stopTree || sk === 1;
    h.fieldSub = FIELD_SUBHEAD.test(stripMd(h.text).replace(/^\d+(\.\d+)*[.)]?\s+/, '')) && par && par.names && par.names.length > 0;
    h.names = [];
    if (h.level === 1 || h.stop || h.fieldSub) continue;
    if (/\benum\b/i.test(h.text)) { skipped.push(`enum heading: ${h.text}`); h.stop = true; continue; }
    h.names = isContainerHeading(h.text) ? [] : headingEntityNames(h.text);
  }
  // 2) per heading: collect own content + field sub-headings' content
  const blocksOf = (h) => {
    const segs = [[h.start + 1, h.end]];
    const idx = heads.indexOf(h);
    for (let k = idx + 1; k < heads.length && heads[k].level > h.level; k++) {
      if (heads[k].fieldSub && heads[k].parent != null && (heads[heads[k].parent] === h || heads[heads[k].parent].fieldSub)) segs.push([heads[k].start + 1, heads[k].end]);
    }
    return segs;
  };
  const scan = (segs) => { // -> {fields[], code:[{lang, src}]}
    const fields = []; const code = []; let proseUsed = false; let enumValues = 0;
    for (const [a, b] of segs) {
      let fieldCtx = true; let i = a;
      while (i < b) {
        const line = lines[i];
        const fence = /^\s*(```|~~~)\s*([\w+-]*)/.exec(line);
        if (fence) {
          const lang = fence[2] || ''; const buf = [];
          i++;
          while (i < b && !/^\s*(```|~~~)/.test(lines[i])) buf.push(lines[i++]);
          i++; if (fieldCtx) code.push({ lang, src: buf.join('\n') });
          continue;
        }
        const lab = LABEL_RE.exec(line);
        if (lab) {
          const label = (lab[1] || lab[3] || '').toLowerCase().replace(/\s*:\s*$/, ''); // **Fields:** = **Fields**:
          if (/^(fields?|attributes?|columns?|properties|schema|structure|shape|(key|core|new|stored|required|optional|data|additional) (fields|attributes|columns))$/.test(label.trim()) || FIELD_SUBHEAD.test(label.trim())) fieldCtx = true; // also **TypeScript Definition**:
          else fieldCtx = false;
          i++; continue;
        }
        if (/^\s*\|/.test(line) && i + 1 < b && isSepRow(lines[i + 1])) {
          const rows = [tableCells(line)]; i += 2;
          while (i < b && /^\s*\|/.test(lines[i])) rows.push(tableCells(lines[i++]));
          const fs_ = fieldsFromTable(rows);
          if (fs_) fields.push(...fs_);
          continue;
        }
        if (isEnumValueBullet(line)) enumValues++;
        if (fieldCtx && /^\s*[-*+]\s+/.test(line)) fields.push(...fieldBulletNames(line));
        i++;
      }
    }
    if (!fields.length) { // prose field lists: "`id`, unique `code`, `name`, `active`, ..."
      for (const [a2, b2] of segs.slice(0, 1)) {
        let inC = false; const prose = [];
        let started = false;
        for (let i = a2; i < b2; i++) {
          if (/^\s*(```|~~~)/.test(lines[i])) { inC = !inC; if (started) break; continue; }
          if (!lines[i].trim()) { if (started) break; continue; }
          if (inC || /^\s*([-*+]\s|\d+\.\s|\||>|#|\*\*)/.test(lines[i])) { if (started) break; continue; }
          started = true;
          prose.push(...[...lines[i].matchAll(/`([a-z_][a-z0-9_]*|[a-z]+(?:[A-Z][a-z0-9]*)+)`/g)].map((m) => m[1]));
        }
        const SQLISH = /^(tstzrange|btree_gist|gist|numeric|uuid|text|timestamptz|jsonb|json|varchar|integer|bigint|boolean|date|null|true|false)$/;
        const pr = prose.filter((x) => !SQLISH.test(x));
        if (pr.length >= 2) { fields.push(...pr); proseUsed = true; }
      }
    }
    return { fields, code, proseUsed, enumValues };
  };
  const add = (name, fields, via) => {
    const ws = entityWords(name);
    if (!ws.length) return null;
    if (DTO_SUFFIX.test(String(name)) && via.startsWith('code')) { skipped.push(`DTO-like type ${name} (${via})`); return null; }
    let e = found.find((x) => keyOf(x.words) === keyOf(ws));
    if (!e) { e = { name: String(name).replace(/`/g, ''), words: ws, alts: entityAlts(name), fields: [], via: [] }; found.push(e); }
    e.via.push(via);
    for (const f of fields) {
      const fw = words(f);
      if (fw.length && !e.fields.some((x) => keyOf(x.words) === keyOf(fw))) e.fields.push({ name: f, words: fw });
    }
    return e;
  };
  for (const h of [preface, ...heads]) {
    if (h.stop || h.fieldSub) {
      if (h.stop && h.level > 0) {
        const { code } = scan([[h.start + 1, h.end]]);
        if (code.length && !(h.parent != null && heads[h.parent].stopTree)) skipped.push(`code in non-entity section "${h.text}" (${code.length} block(s))`);
      }
      continue;
    }
    const { fields, code, enumValues } = scan(blocksOf(h));
    const codeModels = []; const codeEnums = [];
    for (const c of code) {
      const { models, skipped: sk } = parseCodeModels(c.src, c.lang);
      skipped.push(...sk.map((s) => `${s} (under "${h.text}")`));
      codeEnums.push(...sk.filter((s) => s.startsWith('enum ')).map((s) => s.slice(5)));
      codeModels.push(...models);
    }
    if (h.names && h.names.length) {
      const marked = ENTITY_MARK.test(h.text);
      let own = fields.slice();
      const others = [];
      for (const cm of codeModels) {
        const cmw = cm.name ? entityWords(cm.name) : null;
        if (!cm.name || h.names.some((n) => cmw && nameMatch(entityWords(n), cmw)) || (codeModels.length === 1 && h.names.length === 1)) own.push(...cm.fields);
        else others.push(cm);
      }
      const typeNames = h.names.every((n) => /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(n)); // ReportSnapshot, CashCloseLine
      const hasChildren = heads.some((x) => x.parent != null && heads[x.parent] === h);
      if (!own.length && enumValues >= 2) skipped.push(`enum-like value list: ${h.text}`);
      else if (!own.length && h.names.every((n) => codeEnums.some((e) => nameMatch(entityWords(e), entityWords(n)) === 'exact'))) skipped.push(`heading of a code enum: ${h.text}`);
      else if (!own.length && hasChildren && /\bmodels?\s*$/i.test(stripMd(h.text))) skipped.push(`container heading without fields: ${h.text}`); // "## Event Model" over ### WatchEvent
      else if (own.length || marked || typeNames) {
        if (h.names.length > 1) { for (const n of h.names) add(n, [], `heading(multi): ${h.text}`); if (own.length) skipped.push(`${own.length} field(s) under multi-entity heading "${h.text}" not assigned`); }
        else add(h.names[0], own, `heading: ${h.text}`);
      } else if (h.level > 1) skipped.push(`heading without fields: ${h.text}`);
      for (const cm of others) if (cm.name && cm.fields.length) add(cm.name, cm.fields, `code(${cm.kind}) under "${h.text}"`);
    } else if (codeModels.length) {
      if (SCHEMA_CTX.test(h.text) || h.level === 0) {
        for (const cm of codeModels) if (cm.name && cm.fields.length) add(cm.name, cm.fields, `code(${cm.kind}) under "${h.text}"`);
      } else if (h.level > 0) skipped.push(`code models under non-schema heading "${h.text}": ${codeModels.map((c) => c.name).join(', ')}`);
    }
  }
  return { entities: found, skipped };
}

// ---------------------------------------------------------------- operations: verbs
const VERB_CLASS = {};
const addClass = (cls, ws) => { for (const w of ws) VERB_CLASS[w] = cls; };
addClass('read', ['get', 'list', 'fetch', 'read', 'retrieve', 'view', 'show', 'query', 'search', 'find', 'browse', 'display', 'lookup', 'see', 'load', 'filter', 'count', 'index', 'obtain', 'inspect', 'access']);
addClass('create', ['create', 'add', 'new', 'insert', 'make', 'post', 'record', 'submit', 'register', 'enter', 'log', 'define', 'open', 'capture', 'upload', 'provision']);
addClass('update', ['update', 'edit', 'modify', 'change', 'set', 'patch', 'put', 'save', 'rename', 'replace', 'configure', 'toggle', 'manage', 'upsert', 'adjust']);
addClass('delete', ['delete', 'remove', 'destroy', 'erase', 'purge', 'discard', 'clear', 'drop', 'deactivate', 'archive', 'disable']);
addClass('login', ['login', 'signin', 'authenticate', 'logon']);
addClass('logout', ['logout', 'signout', 'logoff']);
addClass('cancel', ['cancel', 'void', 'abort', 'withdraw']);
addClass('approve', ['approve', 'accept', 'authorize', 'grant']);
addClass('reject', ['reject', 'decline', 'deny', 'refuse']);
addClass('validate', ['validate', 'verify', 'check', 'confirm', 'test']);
addClass('purchase', ['purchase', 'buy', 'pay', 'charge', 'order']);
addClass('signup', ['signup']);
addClass('send', ['send', 'notify', 'email', 'message', 'broadcast', 'publish', 'dispatch', 'remind', 'alert', 'forward', 'share']);
addClass('export', ['export', 'download', 'print']);
addClass('generate', ['generate', 'produce']);
addClass('import', ['import', 'sync', 'synchronize', 'ingest']);
addClass('reserve', ['reserve', 'book', 'hold', 'schedule']);
addClass('borrow', ['borrow', 'rent', 'lend', 'loan', 'lease', 'checkout']);
addClass('return', ['return', 'checkin', 'release', 'restore', 'unblock', 'reactivate', 'enable', 'activate']);
addClass('assign', ['assign', 'allocate', 'attach', 'link', 'invite', 'join', 'subscribe', 'enroll']);
addClass('unassign', ['unassign', 'detach', 'unlink', 'leave', 'unsubscribe', 'revoke', 'kick', 'ban']);
addClass('transfer', ['transfer', 'move', 'ship', 'receive', 'transmit']);
addClass('compute', ['calculate', 'compute', 'derive', 'estimate', 'aggregate', 'summarize', 'report']);
addClass('redeem', ['redeem', 'apply', 'use', 'consume', 'spend']);
addClass('reverse', ['reverse', 'refund', 'undo', 'rollback', 'revert']);
addClass('close', ['close', 'lock', 'finalize', 'complete', 'finish', 'end', 'resolve']);
addClass('merge', ['merge', 'combine', 'dedupe', 'deduplicate']);
addClass('reset', ['reset', 'refresh', 'rotate', 'renew']);
addClass('import_scan', ['scan']);
addClass('start', ['start', 'begin', 'initiate', 'launch', 'trigger', 'run', 'execute']);
addClass('stop', ['stop', 'pause', 'suspend', 'halt']);
addClass('mark', ['mark']);
addClass('flag', ['flag']);
addClass('upload', []);
const OTHER_VERBS = ['redeem', 'handle', 'process', 'track', 'monitor', 'post', 'block', 'reconcile', 'count', 'invalidate', 'expire', 'restock', 'escalate', 'request', 'respond', 'reply', 'edit', 'preview', 'render', 'sort', 'group', 'compare', 'match', 'map', 'parse', 'convert', 'translate', 'upload', 'attach', 'detect', 'audit', 'evaluate', 'review', 'rate', 'comment', 'like', 'follow', 'unfollow', 'vote', 'resend', 'recalculate', 'emit', 'accrue', 'deduct', 'credit', 'debit', 'top', 'topup', 'withdraw', 'deposit', 'settle', 'bill', 'invoice', 'quote', 'approve'];
for (const v of OTHER_VERBS) if (!VERB_CLASS[v]) VERB_CLASS[v] = v;
const PREPS = new Set(['to', 'from', 'by', 'for', 'with', 'in', 'of', 'on', 'at', 'into', 'via', 'per', 'as', 'within', 'between', 'against', 'under', 'over', 'after', 'before']);
const OBJ_STOP = new Set(['a', 'an', 'the', 'all', 'my', 'me', 'current', 'id', 'ids', 'by', 'api', 'v1', 'v2', 'v3', 'mcp', 'new', 'existing', 'single', 'one', 'detail', 'details', 'info', 'endpoint', 'handler', 'it', 'them', 'this', 'that', 'own', 'their', 's', 'and', 'or', 'e', 'g']);
function verbStem(w) {
  if (VERB_CLASS[w]) return w;
  for (const [suf, rep] of [['ies', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e']]) {
    if (w.endsWith(suf)) { const s = w.slice(0, -suf.length) + rep; if (VERB_CLASS[s]) return s; }
  }
  return null;
}
// name words -> {verb, vclass, obj[], head}
export function opShape(ws, impliedVerb = null) {
  ws = ws.flatMap((w, i) => (w === 'check' && (ws[i + 1] === 'in' || ws[i + 1] === 'out') ? ['check' + ws[i + 1]] : (i > 0 && ws[i - 1] === 'check' && (w === 'in' || w === 'out') ? [] : [w])));
  ws = ws.flatMap((w, i) => (w === 'sign' && (ws[i + 1] === 'in' || ws[i + 1] === 'out' || ws[i + 1] === 'up') ? ['sign' + ws[i + 1]] : (i > 0 && ws[i - 1] === 'sign' && ['in', 'out', 'up'].includes(w) ? [] : [w])));
  let verb = null; let rest = ws;
  if (impliedVerb) { verb = impliedVerb; }
  else {
    const i = ws.findIndex((w) => verbStem(w));
    if (i >= 0) { verb = verbStem(ws[i]); rest = [...ws.slice(0, i), ...ws.slice(i + 1)]; }
  }
  const obj = [];
  for (const w of rest) { if (PREPS.has(w) && obj.length) break; if (!OBJ_STOP.has(w) && !PREPS.has(w) && !/^\d+$/.test(w)) obj.push(w); }
  const objS = obj.map(singular);
  return { verb, vclass: verb ? (VERB_CLASS[verb] || verb) : null, obj: objS, head: objS[objS.length - 1] || null };
}
export function opMatch(g, p) {
  if (!g.vclass || !p.vclass || g.vclass !== p.vclass) return false;
  if (!g.head || !p.head) return false;
  if (g.head === p.head) return true;
  return p.obj.includes(g.head) && g.obj.includes(p.head); // e.g. [sale, report] vs [report, sale]
}

// ---------------------------------------------------------------- contracts/ -> gold operations
// a last path segment is read as an action only when it is a singular word from this list
// (so /channels/{id}/messages is a collection, /entries/{id}/post an action)
const PATH_ACTIONS = new Set(['login', 'logout', 'signin', 'signout', 'signup', 'register', 'refresh', 'cancel', 'approve', 'reject',
  'validate', 'verify', 'check', 'redeem', 'purchase', 'use', 'reverse', 'close', 'open', 'lock', 'unlock', 'submit', 'confirm',
  'complete', 'assign', 'unassign', 'transfer', 'ship', 'receive', 'merge', 'export', 'import', 'search', 'reset', 'activate',
  'deactivate', 'archive', 'unarchive', 'restore', 'send', 'resend', 'publish', 'upload', 'download', 'generate', 'calculate',
  'start', 'stop', 'pause', 'resume', 'sync', 'void', 'refund', 'post', 'adjust', 'reconcile', 'scan', 'print', 'return', 'rent',
  'borrow', 'renew', 'invite', 'join', 'leave', 'accept', 'decline', 'block', 'unblock', 'mark', 'preview', 'duplicate', 'clone',
  'retry', 'revoke', 'grant', 'enable', 'disable', 'move', 'apply', 'checkout', 'checkin', 'finalize', 'recalculate', 'pay',
  'authorize', 'capture', 'dispatch', 'deliver', 'release', 'reserve', 'book', 'withdraw', 'deposit', 'topup', 'escalate']);
export function restKey(method, p) {
  const segs = p.replace(/^https?:\/\/[^/]+/, '').split('?')[0].split('/').filter(Boolean)
    .filter((x) => !/^(api|v\d+|rest|public|internal|mcp)$/i.test(x)).map((x) => (/^[{:[<$]/.test(x) ? '{}' : x.toLowerCase()));
  return `${method.toUpperCase()} /${segs.join('/')}${p.includes('?') ? '?' + p.split('?')[1].replace(/=.*$/, '') : ''}`;
}
function restOp(method, p, summary) {
  method = method.toLowerCase();
  p = p.replace(/^https?:\/\/[^/]+/, '');
  let segs = p.split('?')[0].split('/').filter(Boolean);
  // RPC style /leaveRequests.getPendingForManager -> resource leaveRequests, action getPendingForManager
  const lastSeg = segs[segs.length - 1] || '';
  const rpc = /^([A-Za-z][\w-]*)\.([a-z][A-Za-z0-9]*)$/.exec(lastSeg);
  if (rpc) {
    const aw = words(rpc[2]); const v = aw.length ? verbStem(aw[0]) : null;
    if (v) {
      const rest = []; for (const w of aw.slice(1)) { if (PREPS.has(w)) break; if (!OBJ_STOP.has(w)) rest.push(w); }
      const obj = [...rest, ...words(rpc[1])].map(singular);
      const shape = { verb: v, vclass: VERB_CLASS[v] || v, obj, head: obj[obj.length - 1] || null };
      const aliases = [{ label: `${method.toUpperCase()} ${p}`, ...shape }];
      if (summary) { const s2 = opShape(words(summary)); if (s2.vclass && s2.head) aliases.push({ label: `summary: ${summary}`, ...s2 }); }
      return aliases;
    }
  }
  segs = segs.filter((s) => !/^(api|v\d+|rest|public|internal|admin|mcp)$/i.test(s));
  const isParam = (s) => /^[{:[<]/.test(s) || /^\$/.test(s) || /=/.test(s);
  const lastIsParam = segs.length && isParam(segs[segs.length - 1]);
  const nouns = segs.filter((s) => !isParam(s));
  const last = nouns[nouns.length - 1] || '';
  const lastWs = words(last);
  let verb = null; let objWs = [];
  const rawFirst = last.toLowerCase().split(/[^a-z]+/).filter(Boolean)[0] || '';
  const action = !lastIsParam && nouns.length >= 1 && PATH_ACTIONS.has(rawFirst) && (VERB_CLASS[rawFirst] || PATH_ACTIONS.has(rawFirst));
  if (action) {
    verb = rawFirst; if (!VERB_CLASS[verb]) VERB_CLASS[verb] = verb;
    objWs = [...nouns.slice(0, -1).flatMap(words), ...lastWs.slice(1)];
  } else {
    verb = { get: 'get', post: 'create', put: 'update', patch: 'update', delete: 'delete' }[method] || method;
    objWs = nouns.flatMap(words);
  }
  // object phrase: nouns in path order (the head = last noun)
  const shape = { verb, vclass: VERB_CLASS[verb] || verb, obj: objWs.filter((w) => !OBJ_STOP.has(w)).map(singular), head: null };
  shape.head = shape.obj[shape.obj.length - 1] || null;
  const aliases = [{ label: `${method.toUpperCase()} ${p}`, ...shape }];
  if (summary) { const s = opShape(words(summary)); if (s.vclass && s.head) aliases.push({ label: `summary: ${summary}`, ...s }); }
  return aliases;
}
function parseOpenApiYaml(text) {
  // indentation scanner: paths: / <path>: / <method>: / operationId, summary
  const lines = splitLines(text); const ops = [];
  let inPaths = false; let pathIndent = -1; let curPath = null; let methIndent = -1; let cur = null;
  const flush = () => { if (cur) ops.push(cur); cur = null; };
  for (const raw of lines) {
    if (/^\s*#/.test(raw) || !raw.trim()) continue;
    const ind = raw.length - raw.trimStart().length; const t = raw.trim();
    if (/^paths:\s*$/.test(raw)) { inPaths = true; pathIndent = -1; continue; }
    if (!inPaths) continue;
    if (ind === 0) { flush(); inPaths = false; continue; }
    if (pathIndent < 0 && /^['"]?\//.test(t)) pathIndent = ind;
    if (ind === pathIndent && /^['"]?(\/[^'"]*)['"]?\s*:/.test(t)) { flush(); curPath = /^['"]?(\/[^'"]*?)['"]?\s*:/.exec(t)[1]; methIndent = -1; continue; }
    if (curPath && ind > pathIndent && /^(get|post|put|patch|delete|head|options):\s*$/.test(t) && (methIndent < 0 || ind === methIndent)) {
      flush(); methIndent = ind; cur = { method: t.replace(':', ''), path: curPath, operationId: null, summary: null }; continue;
    }
    if (cur && ind > methIndent) {
      let m;
      if (cur.childIndent == null) cur.childIndent = ind;
      if (ind !== cur.childIndent) continue;
      if (!cur.operationId && (m = /^operationId:\s*['"]?([\w.-]+)/.exec(t))) cur.operationId = m[1];
      if (!cur.summary && (m = /^summary:\s*['"]?(.*?)['"]?\s*$/.exec(t))) cur.summary = m[1];
    }
  }
  flush();
  return ops;
}
function parseOpenApiJson(j) {
  const ops = [];
  for (const [p, item] of Object.entries(j.paths || {})) {
    for (const [m, o] of Object.entries(item || {})) {
      if (!/^(get|post|put|patch|delete)$/.test(m) || typeof o !== 'object') continue;
      ops.push({ method: m, path: p, operationId: o.operationId || null, summary: o.summary || null });
    }
  }
  return ops;
}
function graphqlOps(src) {
  const out = [];
  const re = /(?:extend\s+)?type\s+(Query|Mutation|Subscription)\s*\{/g; let m;
  while ((m = re.exec(src))) {
    const [body] = braceBody(src, re.lastIndex - 1);
    const clean = body.replace(/"""[\s\S]*?"""/g, '').replace(/"[^"\n]*"/g, '').replace(/#.*$/mg, '');
    for (const k of keysAtDepth1(clean, 'graphql')) out.push({ kind: m[1], name: k });
  }
  return out;
}
function tsInterfaceOps(src) {
  const out = [];
  src = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/mg, '$1');
  const re = /(?:export\s+)?(?:interface|abstract\s+class|class)\s+([A-Za-z_]\w*)(?:<[^>{]*>)?[^{]*\{/g; let m;
  while ((m = re.exec(src))) {
    const [body] = braceBody(src, re.lastIndex - 1);
    let depth = 0;
    for (const line of body.split('\n')) {
      const start = depth;
      for (const ch of line.replace(/\/\/.*$/, '')) { if ('{(['.includes(ch)) depth++; if ('})]'.includes(ch)) depth--; }
      if (start !== 0) continue;
      const mm = /^\s*(?:async\s+|public\s+|abstract\s+|readonly\s+)*([A-Za-z_$][\w$]*)\??\s*(?:<[^>]*>)?\s*\(\s*([A-Za-z_$][\w$]*)?/.exec(line) || /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:\s*(?:async\s*)?\(\s*([A-Za-z_$][\w$]*)?/.exec(line);
      if (mm && !/^(constructor|if|for|while|return|function)$/.test(mm[1])) out.push({ iface: m[1], name: mm[1], param: mm[2] || null });
    }
  }
  return out;
}
const METHOD_RE = '(GET|POST|PUT|PATCH|DELETE)';
function markdownEndpoints(md) {
  const out = []; const lines = splitLines(md); let inCode = false;
  const pathRe = /((?:https?:\/\/[^\s`/]+)?\/[\w\-./{}:[\]$<>]*)/;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) { inCode = !inCode; continue; }
    if (inCode) continue;
    let m;
    if ((m = new RegExp(`^#{1,6}\\s+(?:\\d+(?:\\.\\d+)*[.)]?\\s+)?[\`*]*${METHOD_RE}[\`*]*\\s+[\`]?${pathRe.source}`).exec(line))) { out.push({ method: m[1], path: m[2], src: 'heading' }); continue; }
    if ((m = new RegExp(`^\\s*(?:[-*]\\s+)?\\*\\*(?:Endpoint|Route|Request|URL)\\*\\*\\s*:?\\s*\`?${METHOD_RE}\\s+${pathRe.source}`, 'i').exec(line))) { out.push({ method: m[1].toUpperCase(), path: m[2], src: 'endpoint-line' }); continue; }
    if ((m = new RegExp(`^\\s*[-*]\\s+\`?${METHOD_RE}\\s+${pathRe.source}`).exec(line))) { out.push({ method: m[1], path: m[2], src: 'bullet' }); continue; }
    if ((m = new RegExp(`^\\s*\`?${METHOD_RE}\\s+${pathRe.source}\`?\\s*$`).exec(line))) { out.push({ method: m[1], path: m[2], src: 'line' }); continue; }
    const cells = tableCells(line);
    if (cells && cells.length >= 2) {
      const mcell = cells.findIndex((c) => new RegExp(`^[\`*\\s]*${METHOD_RE}\\b`).test(c));
      if (mcell >= 0) {
        const methods = [...cells[mcell].matchAll(new RegExp(METHOD_RE, 'g'))].map((x) => x[1]);
        let p = null;
        const inSame = new RegExp(`${METHOD_RE}\\s+\`?${pathRe.source}`).exec(cells[mcell]);
        if (inSame) p = inSame[2];
        else { const pc = cells.find((c, i) => i !== mcell && /^[`\s]*\//.test(c)); if (pc) p = pathRe.exec(pc.replace(/`/g, ''))[1]; }
        if (p) for (const mm of methods) out.push({ method: mm, path: p, src: 'table' });
      }
    }
  }
  return out;
}
export function parseContracts(dir) {
  const ops = []; const skipped = []; const files = [];
  if (!fs.existsSync(dir)) return { ops, skipped: ['no contracts/ folder'], files };
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
  for (const f of walk(dir).sort()) {
    const rel = path.relative(dir, f); const text = fs.readFileSync(f, 'utf8'); const ext = path.extname(f).toLowerCase();
    const before = ops.length;
    const pushRest = (o, origin) => {
      const aliases = restOp(o.method, o.path, o.summary);
      if (o.operationId) { const s = opShape(words(o.operationId)); aliases.unshift({ label: o.operationId, ...s }); }
      ops.push({ name: o.operationId || `${o.method.toUpperCase()} ${o.path}`, file: rel, origin, aliases, restKey: restKey(o.method, o.path) });
    };
    if (ext === '.json') {
      let j; try { j = JSON.parse(text); } catch { skipped.push(`${rel}: not JSON`); continue; }
      if (j.paths) for (const o of parseOpenApiJson(j)) pushRest(o, 'openapi-json');
      else skipped.push(`${rel}: JSON without OpenAPI paths`);
    } else if (ext === '.yaml' || ext === '.yml') {
      if (/^\s*(openapi|swagger):/m.test(text) || /^paths:/m.test(text)) for (const o of parseOpenApiYaml(text)) pushRest(o, 'openapi-yaml');
      else skipped.push(`${rel}: YAML without OpenAPI paths (e.g. AsyncAPI/events) -- not operations`);
    } else if (ext === '.graphql' || ext === '.gql') {
      for (const g of graphqlOps(text)) ops.push(gqlOp(g, rel));
    } else if (ext === '.ts' || ext === '.d.ts') {
      for (const t of tsInterfaceOps(text)) ops.push(tsOp(t, rel, 'ts-interface'));
    } else if (ext === '.md') {
      // fenced graphql / typescript inside markdown
      const fences = [...text.matchAll(/```\s*(\w*)\n([\s\S]*?)```/g)];
      for (const [, lang, src] of fences) {
        if (/graphql|gql/i.test(lang) || /type\s+(Query|Mutation)\s*\{/.test(src)) for (const g of graphqlOps(src)) ops.push(gqlOp(g, rel));
        else if (/^(ts|typescript|tsx|js|javascript|jsx)$/i.test(lang)) for (const t of tsInterfaceOps(src)) ops.push(tsOp(t, rel, 'md-ts-interface'));
      }
      for (const e of markdownEndpoints(text)) pushRest({ method: e.method, path: e.path, summary: null }, `md-${e.src}`);
    } else skipped.push(`${rel}: unhandled file type`);
    if (ops.length === before && !skipped.some((s) => s.startsWith(rel))) skipped.push(`${rel}: no operations found`);
    files.push(rel);
  }
  // de-duplicate: one REST endpoint listed twice (OpenAPI + a README), one method name on two interfaces;
  // OpenAPI entries win over markdown ones. Then drop object-less ops.
  ops.sort((x, y) => (x.origin.startsWith('openapi') ? 0 : 1) - (y.origin.startsWith('openapi') ? 0 : 1));
  const seen = new Set(); const out = [];
  for (const o of ops) {
    const kk = o.restKey || (o.origin.includes('ts-interface') ? `ts:${o.aliases[0].label}` : o.name.toUpperCase());
    if (seen.has(kk)) { skipped.push(`duplicate of an earlier op: ${o.name} (${o.file})`); continue; }
    seen.add(kk);
    if (!o.aliases.some((a) => a.vclass && a.head)) { skipped.push(`op without verb/object: ${o.name} (${o.file})`); continue; }
    out.push(o);
  }
  return { ops: out, skipped, files };
}
function tsOp(t, file, origin) { // checkOut(bookingId) -> checkout(booking): a parameter names the object when the method name does not
  let sh = opShape(words(t.name));
  if (sh.vclass && !sh.head && t.param) { const pw = words(t.param).filter((w) => !OBJ_STOP.has(w)); if (pw.length) sh = { ...sh, obj: pw, head: pw[pw.length - 1] }; }
  return { name: `${t.iface}.${t.name}`, file, origin, aliases: [{ label: t.name, ...sh }] };
}
function gqlOp(g, file) {
  const ws = words(g.name);
  const s = g.kind === 'Query' ? (verbStem(ws[0] || '') ? opShape(ws) : opShape(ws, 'get')) : opShape(ws);
  return { name: `${g.kind}.${g.name}`, file, origin: 'graphql', aliases: [{ label: g.name, ...s }] };
}

// ---------------------------------------------------------------- penult model.json
export function readPenult(modelPath) {
  const m = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
  const entities = []; const ops = []; const enums = []; const events = [];
  const walk = (s) => {
    for (const e of s.entities || []) {
      const fields = (e.fields || []).map((f) => f.name);
      const rels = (e.relations || []).flatMap((r) => [r.name, r.target && String(r.target).split(/[#.:/]/).pop()]).filter(Boolean);
      entities.push({ name: e.name, words: entityWords(e.name), fields: [...fields, ...rels].map((f) => ({ name: f, words: words(f) })), nFields: fields.length });
    }
    for (const e of s.enums || []) enums.push(e.name);
    for (const e of s.events || []) events.push(e.name);
    for (const c of s.components || []) for (const i of c.interfaces || []) for (const o of i.operations || []) ops.push({ name: o.name, iface: i.name, ...opShape(words(o.name)) });
    for (const x of s.subsystems || []) walk(x);
  };
  walk(m.system);
  return { entities, ops, enums, events, actors: (m.actors || []).map((a) => a.name) };
}

// ---------------------------------------------------------------- trivial baseline from spec.md
export function baseline(spec) {
  const lines = splitLines(spec); const ents = [];
  let inCode = false; let start = -1; let lvl = 0;
  const heads = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) { inCode = !inCode; continue; }
    if (inCode) continue;
    const m = /^(#{1,6})\s+(.*)$/.exec(lines[i]);
    if (m) heads.push({ i, level: m[1].length, text: m[2] });
    else if (/^\s*\*\*key entities\*\*/i.test(lines[i])) heads.push({ i, level: 7, text: 'Key Entities', bold: true });
  }
  let sec = heads.find((h) => /key entities/i.test(h.text));
  let how = 'Key Entities';
  if (!sec) { sec = heads.find((h) => /^(data models?|entities|domain model)\b/i.test(h.text.trim())); how = sec ? `fallback section "${sec.text}"` : 'none'; }
  if (!sec) return { entities: [], ops: [], how };
  const nextH = heads.find((h) => h.i > sec.i && h.level <= (sec.bold ? 6 : sec.level));
  const end = nextH ? nextH.i : lines.length;
  // bullets (with continuation lines)
  const bullets = [];
  for (let i = sec.i + 1; i < end; i++) {
    if (/^\s*[-*+]\s+/.test(lines[i])) bullets.push(lines[i].replace(/^\s*[-*+]\s+/, ''));
    else if (bullets.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*[-*+]\s/.test(lines[i])) bullets[bullets.length - 1] += ' ' + lines[i].trim();
  }
  for (const b of bullets) {
    let name = null; let desc = '';
    let m;
    if ((m = /^\*\*(.+?)\*\*\s*[:—–-]?\s*(.*)$/.exec(b))) { name = m[1]; desc = m[2]; }
    else if ((m = /^([A-Z][\w ]{0,40}?)\s*[:—–]\s+(.*)$/.exec(b))) { name = m[1]; desc = m[2]; }
    if (!name) continue;
    name = name.replace(/\(.*?\)/g, '').replace(/:$/, '').trim();
    const fields = baselineFields(desc);
    for (const n of name.split(/\s*\/\s*/).filter(Boolean)) ents.push({ name: n, words: entityWords(n), fields: fields.map((f) => ({ name: f, words: words(f) })) });
  }
  // fallback sections may list entities as sub-headings
  if (!ents.length) {
    for (const h of heads.filter((x) => x.i > sec.i && x.i < end && x.level > sec.level)) {
      const n = h.text.replace(/\b(entity|model|table)\b\s*$/i, '').trim();
      if (/^[A-Z][A-Za-z0-9]*$/.test(n)) ents.push({ name: n, words: entityWords(n), fields: [] });
    }
  }
  const uniq = []; for (const e of ents) if (e.words.length && !uniq.some((u) => keyOf(u.words) === keyOf(e.words))) uniq.push(e);
  const ops = [];
  for (const e of uniq) for (const v of ['create', 'get', 'list', 'update', 'delete']) ops.push({ name: `${v} ${e.name}`, ...opShape([v, ...e.words]) });
  return { entities: uniq, ops, how };
}
function baselineFields(desc) {
  // items of the first comma-separated list after "includes/contains/has/with/attributes/fields:" or in (...)
  const d = desc.replace(/`/g, '');
  let m = /(?:attributes?|fields?|includ(?:es|ing)|contains?|carr(?:y|ies)|has|holds?|captur(?:es|ing)|with|tracks?|stores?|records?)\s*:?\s+([^.;]+)/i.exec(d);
  let list = m ? m[1] : '';
  if (!list || !/,/.test(list)) { const p = /\(([^)]*,[^)]*)\)/.exec(d); if (p) list = p[1]; }
  if (!list || !/,/.test(list)) return [];
  return list.split(/\s*,\s*|\s+and\s+|\s+or\s+/).map((x) => x.replace(/^(and|or|a|an|the|its|their|optional)\s+/i, '').replace(/\(.*$/, '').trim())
    .filter((x) => x && x.split(/\s+/).length <= 3 && /^[A-Za-z]/.test(x) && !/^e\.?g\b|^etc\b|^i\.?e\b/i.test(x));
}

// ---------------------------------------------------------------- scoring
const BOOKKEEPING = new Set(['id', 'uuid', 'created at', 'updated at', 'deleted at', 'tenant', 'tenant id', 'version', 'creation time']);
function entMatch(g, p) { // best kind over the gold entity's readings
  let best = null;
  for (const w of [g.words, ...(g.alts || [])]) { const k = nameMatch(w, p.words); if (k === 'exact') return k; if (k) best = k; }
  return best;
}
function matchEntities(gold, pred) {
  const pairs = []; const gUsed = new Set(); const pUsed = new Set();
  for (const kind of ['exact', 'partial']) {
    gold.forEach((g, gi) => {
      if (gUsed.has(gi)) return;
      const pi = pred.findIndex((p, j) => !pUsed.has(j) && entMatch(g, p) === kind);
      if (pi >= 0) { pairs.push({ g: gi, p: pi, kind }); gUsed.add(gi); pUsed.add(pi); }
    });
  }
  return pairs;
}
function prf(tp, nPred, nGold) {
  const p = nPred ? tp / nPred : 0; const r = nGold ? tp / nGold : 0;
  return { p, r, f1: p + r ? 2 * p * r / (p + r) : 0 };
}
export function scoreOne(gold, pred) {
  const pairs = matchEntities(gold.entities, pred.entities);
  const exact = pairs.filter((x) => x.kind === 'exact').length;
  const ent = prf(pairs.length, pred.entities.length, gold.entities.length);
  const entStrict = prf(exact, pred.entities.length, gold.entities.length);
  let fGold = 0; let fHit = 0; let fHitStrict = 0; let fGoldAll = 0; let pFieldsOnMatched = 0; let pFieldsHit = 0;
  const fieldMisses = []; const fieldHits = [];
  for (const e of gold.entities) fGoldAll += e.fields.filter((f) => !BOOKKEEPING.has(keyOf(f.words))).length;
  for (const { g, p } of pairs) {
    const ge = gold.entities[g]; const pe = pred.entities[p];
    const gf = ge.fields.filter((f) => !BOOKKEEPING.has(keyOf(f.words)));
    fGold += gf.length;
    pFieldsOnMatched += pe.fields.filter((f) => !BOOKKEEPING.has(keyOf(f.words))).length;
    const usedP = new Set();
    for (const f of gf) {
      const hit = pe.fields.find((x) => fieldMatch(f.words, x.words) === 'exact') || pe.fields.find((x) => fieldMatch(f.words, x.words));
      if (hit) { fHit++; usedP.add(hit.name); if (fieldMatch(f.words, hit.words) === 'exact') fHitStrict++; fieldHits.push(`${ge.name}.${f.name}~${pe.name}.${hit.name}`); } else fieldMisses.push(`${ge.name}.${f.name}`);
    }
    pFieldsHit += usedP.size;
  }
  const opHits = []; const opMisses = [];
  for (const o of gold.ops) {
    let hit = null;
    for (const a of o.aliases) { hit = pred.ops.find((p) => opMatch(a, p)); if (hit) break; }
    if (hit) opHits.push(`${o.name} ~ ${hit.name}`); else opMisses.push(o.name);
  }
  return {
    counts: { goldEntities: gold.entities.length, goldFields: fGoldAll, goldOps: gold.ops.length, predEntities: pred.entities.length, predFields: pred.entities.reduce((s, e) => s + e.fields.length, 0), predOps: pred.ops.length },
    entity: { ...ent, strictP: entStrict.p, strictR: entStrict.r, strictF1: entStrict.f1, matched: pairs.length, exact },
    field: { recall: fGold ? fHit / fGold : null, recallStrict: fGold ? fHitStrict / fGold : null, recallAllGold: fGoldAll ? fHit / fGoldAll : 0, goldOnMatched: fGold, hit: fHit, precisionOnMatched: pFieldsOnMatched ? pFieldsHit / pFieldsOnMatched : null },
    op: { recall: gold.ops.length ? opHits.length / gold.ops.length : null, hit: opHits.length },
    detail: {
      entityPairs: pairs.map((x) => `${gold.entities[x.g].name} ${x.kind === 'exact' ? '=' : '~'} ${pred.entities[x.p].name}`),
      goldMissed: gold.entities.filter((_, i) => !pairs.some((x) => x.g === i)).map((e) => e.name),
      predExtra: pred.entities.filter((_, i) => !pairs.some((x) => x.p === i)).map((e) => e.name),
      fieldHits, fieldMisses, opHits, opMisses,
    },
  };
}

// ---------------------------------------------------------------- driver
function parseArgs(argv) {
  const a = { features: path.join(HERE, '..', 'corpora', 'speckit-n1-dev'), models: path.join(os.tmpdir(), 'score-n1-dev', 'runs'), feature: [], dump: false, json: false, detail: false, generate: null };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--help' || x === '-h') { console.log(USAGE); process.exit(0); }
    else if (x === '--features' || x === '--holdout') a.features = argv[++i]; // --holdout: old name, kept as an alias
    else if (x === '--models') a.models = argv[++i];
    else if (x === '--generate') a.generate = argv[++i];
    else if (x === '--feature') a.feature.push(argv[++i]);
    else if (x === '--dump') a.dump = true;
    else if (x === '--json') a.json = true;
    else if (x === '--detail') a.detail = true;
    else if (x === '--selftest') a.selftest = true;
    else { console.error(`unknown argument ${x}\n${USAGE}`); process.exit(2); }
  }
  return a;
}
function generate(penultJs, specPath, runDir) {
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(runDir, 'statements'), { recursive: true });
  fs.copyFileSync(specPath, path.join(runDir, 'statements', 'spec.md'));
  const env = { ...process.env }; delete env.OPENAI_API_KEY; delete env.OPENAI_BASE_URL;
  const git = (...args) => execFileSync('git', args, { cwd: runDir, stdio: 'pipe', env });
  git('init', '-q', '-b', 'main'); git('add', '-A'); git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
  const t0 = Date.now();
  let log = '';
  try { log = execFileSync(process.execPath, [penultJs, 'generate'], { cwd: runDir, stdio: 'pipe', env, maxBuffer: 64 << 20 }).toString(); }
  catch (e) { log = String(e.stdout || '') + String(e.stderr || ''); if (!fs.existsSync(path.join(runDir, 'contracts', 'model.json'))) throw new Error(`penult generate failed in ${runDir}: ${log.slice(-2000)}`); }
  return { ms: Date.now() - t0, summary: log.trim().split('\n').filter((l) => / statements? from /.test(l)).pop() || '' };
}
const pct = (x) => (x == null ? '  -  ' : (100 * x).toFixed(1).padStart(5));
function macro(rows, get) { const v = rows.map(get).filter((x) => x != null && !Number.isNaN(x)); return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null; }

function main() {
  const a = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(a.features)) { console.error(`no features folder ${a.features} (see --features)`); process.exit(2); }
  let feats = fs.readdirSync(a.features, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  if (a.feature.length) feats = feats.filter((f) => a.feature.some((s) => f.includes(s)));
  const results = [];
  for (const f of feats) {
    const dir = path.join(a.features, f);
    const spec = fs.readFileSync(path.join(dir, 'spec.md'), 'utf8');
    const dm = parseDataModel(fs.readFileSync(path.join(dir, 'data-model.md'), 'utf8'));
    const ct = parseContracts(path.join(dir, 'contracts'));
    const gold = { entities: dm.entities, ops: ct.ops };
    const base = baseline(spec);
    let gen = null;
    if (a.generate) { gen = generate(path.resolve(a.generate), path.join(dir, 'spec.md'), path.join(a.models, f)); if (!a.json) console.error(`generated ${f}: ${gen.summary} (${gen.ms} ms)`); }
    const mp = path.join(a.models, f, 'contracts', 'model.json');
    const pen = a.selftest
      ? { entities: gold.entities, ops: gold.ops.map((o) => o.aliases.find((x) => x.vclass && x.head)).map((x) => ({ name: x.label, ...x })), enums: [], events: [], actors: [] }
      : fs.existsSync(mp) ? readPenult(mp) : null;
    const r = { feature: f, gold: { entities: gold.entities.length, fields: gold.entities.reduce((s, e) => s + e.fields.length, 0), ops: gold.ops.length }, baseline: scoreOne(gold, base), baselineSource: base.how, penult: pen ? scoreOne(gold, pen) : null, penultExtras: null };
    if (pen) {
      // gold entities penult named, but not as an entity (actor / enum / event)
      const unmatched = r.penult.detail.goldMissed;
      r.penultExtras = unmatched.map((n) => {
        const ws = entityWords(n);
        const as = [['actor', pen.actors], ['enum', pen.enums], ['event', pen.events]].flatMap(([k, l]) => l.filter((x) => nameMatch(ws, entityWords(x))).map((x) => `${k}:${x}`));
        return as.length ? `${n} -> ${as.join(', ')}` : null;
      }).filter(Boolean);
    }
    results.push(r);
    if (a.dump) {
      console.log(`\n==================== ${f}`);
      console.log(`-- gold entities (${gold.entities.length}) from data-model.md`);
      for (const e of gold.entities) console.log(`  ${e.name}  [${[e.words, ...(e.alts || [])].map((w) => w.join(' ')).join(' | ')}]  fields(${e.fields.length}): ${e.fields.map((x) => x.name).join(', ')}\n      via ${e.via.join(' | ').slice(0, 160)}`);
      console.log(`-- data-model skipped (${dm.skipped.length})`); for (const s of dm.skipped) console.log(`  ${s}`);
      console.log(`-- gold operations (${gold.ops.length}) from contracts/ [${ct.files.join(', ')}]`);
      for (const o of gold.ops) console.log(`  ${o.name.padEnd(48)} ${o.aliases.map((x) => `${x.vclass}(${x.obj.join(' ')})`).join(' | ')}   <${o.origin}>`);
      console.log(`-- contracts skipped (${ct.skipped.length})`); for (const s of ct.skipped) console.log(`  ${s}`);
      console.log(`-- baseline (${base.how}): ${base.entities.map((e) => `${e.name}{${e.fields.map((x) => x.name).join(',')}}`).join('; ')}`);
      if (pen) {
        console.log(`-- penult entities (${pen.entities.length}): ${pen.entities.map((e) => `${e.name}{${e.fields.map((x) => x.name).join(',')}}`).join('; ')}`);
        console.log(`-- penult operations (${pen.ops.length}): ${pen.ops.map((o) => o.name).join(', ')}`);
        console.log(`-- penult actors: ${pen.actors.join(', ')} | enums: ${pen.enums.join(', ')} | events: ${pen.events.join(', ')}`);
      }
    }
  }
  const sys = ['penult', 'baseline'];
  const mac = {};
  for (const s of sys) {
    const rows = results.map((r) => r[s]).filter(Boolean);
    mac[s] = {
      features: rows.length,
      entityP: macro(rows, (x) => x.entity.p), entityR: macro(rows, (x) => x.entity.r), entityF1: macro(rows, (x) => x.entity.f1),
      entityStrictP: macro(rows, (x) => x.entity.strictP), entityStrictR: macro(rows, (x) => x.entity.strictR), entityStrictF1: macro(rows, (x) => x.entity.strictF1),
      fieldRecall: macro(rows, (x) => x.field.recall), fieldRecallStrict: macro(rows, (x) => x.field.recallStrict), fieldRecallAllGold: macro(rows, (x) => x.field.recallAllGold),
      fieldPrecisionOnMatched: macro(rows, (x) => x.field.precisionOnMatched),
      opRecall: macro(rows, (x) => x.op.recall),
      predOpsPerFeature: macro(rows, (x) => x.counts.predOps), goldOpsPerFeature: macro(rows, (x) => x.counts.goldOps),
      predEntitiesPerFeature: macro(rows, (x) => x.counts.predEntities), goldEntitiesPerFeature: macro(rows, (x) => x.counts.goldEntities),
    };
  }
  const totals = { features: results.length, repos: new Set(results.map((r) => r.feature.split('__').slice(0, 2).join('/'))).size, goldEntities: results.reduce((s, r) => s + r.gold.entities, 0), goldFields: results.reduce((s, r) => s + r.gold.fields, 0), goldOps: results.reduce((s, r) => s + r.gold.ops, 0) };
  if (a.json) { console.log(JSON.stringify({ totals, macro: mac, features: results }, null, 1)); return; }
  console.log(`\n${totals.features} features from ${totals.repos} repos; gold: ${totals.goldEntities} entities, ${totals.goldFields} fields, ${totals.goldOps} operations`);
  console.log('\nper feature (E = entity P/R/F1 lenient; Fr = field recall on matched entities; Or = operation recall; counts gold/pred)');
  console.log(`${'feature'.padEnd(58)} ${'sys'.padEnd(8)}   EP    ER   EF1 | strictF1 |   Fr |   Or | ent g/p  ops g/p`);
  for (const r of results) {
    for (const s of sys) {
      const x = r[s]; if (!x) continue;
      console.log(`${(s === 'penult' ? r.feature : '').slice(0, 58).padEnd(58)} ${s.padEnd(8)} ${pct(x.entity.p)} ${pct(x.entity.r)} ${pct(x.entity.f1)} |   ${pct(x.entity.strictF1)}  | ${pct(x.field.recall)} | ${pct(x.op.recall)} | ${String(x.counts.goldEntities).padStart(3)}/${String(x.counts.predEntities).padEnd(3)} ${String(x.counts.goldOps).padStart(3)}/${x.counts.predOps}`);
    }
    if (a.detail && r.penult) {
      const d = r.penult.detail;
      console.log(`   pairs: ${d.entityPairs.join('; ')}\n   gold missed: ${d.goldMissed.join(', ')}\n   penult extra: ${d.predExtra.join(', ')}`);
      if (r.penultExtras && r.penultExtras.length) console.log(`   gold entity present in penult only as: ${r.penultExtras.join('; ')}`);
      console.log(`   field hits: ${d.fieldHits.join(', ')}\n   op hits: ${d.opHits.join('; ')}\n   op missed: ${d.opMisses.join('; ')}`);
    }
  }
  console.log('\nmacro over features');
  console.log(`${'system'.padEnd(10)} ${'EP'.padStart(6)} ${'ER'.padStart(6)} ${'EF1'.padStart(6)} | ${'sEP'.padStart(6)} ${'sER'.padStart(6)} ${'sEF1'.padStart(6)} | ${'Frec'.padStart(6)} ${'FrecS'.padStart(6)} ${'FrAll'.padStart(6)} ${'FPm'.padStart(6)} | ${'Orec'.padStart(6)} | ops/feat pred vs gold`);
  for (const s of sys) {
    const m = mac[s]; if (!m.features) continue;
    console.log(`${s.padEnd(10)} ${pct(m.entityP).padStart(6)} ${pct(m.entityR).padStart(6)} ${pct(m.entityF1).padStart(6)} | ${pct(m.entityStrictP).padStart(6)} ${pct(m.entityStrictR).padStart(6)} ${pct(m.entityStrictF1).padStart(6)} | ${pct(m.fieldRecall).padStart(6)} ${pct(m.fieldRecallStrict).padStart(6)} ${pct(m.fieldRecallAllGold).padStart(6)} ${pct(m.fieldPrecisionOnMatched).padStart(6)} | ${pct(m.opRecall).padStart(6)} | ${m.predOpsPerFeature.toFixed(1)} vs ${m.goldOpsPerFeature.toFixed(1)}`);
  }
  console.log('(EP/ER/EF1 lenient = exact + one-extra-word suffix match; sE* = exact only; Frec = field recall on matched entities (lenient), FrecS exact only, FrAll = fields hit / all gold fields; FPm = share of the system\'s fields on matched entities that hit a gold field)');
}
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
