/**
 * Reads the abstractions a code block declares (docs/model.md "Declarations in code"): Python
 * abstract classes and protocols, Java / C# / Kotlin / TypeScript interfaces and abstract classes,
 * Rust traits and Go interfaces, with their method signatures. Concrete classes and functions with
 * bodies are implementations (the n layer) and are skipped. Plain text scanning, no evaluation.
 */

export interface CodeType {
  /** As written: `Requirements`, `List[Event]` -> { name: "Event", list: true }. */
  name: string;
  list: boolean;
  optional: boolean;
}

export interface CodeMethod {
  name: string;
  params: { name: string; type?: CodeType }[];
  returns?: CodeType;
  /** 1-based line inside the block. */
  line: number;
}

export interface CodeInterface {
  name: string;
  methods: CodeMethod[];
  line: number;
}

/** Every interface-like declaration of a block; `language` is the fence's or marker's language. */
export function readCodeDeclarations(text: string, language: string | undefined): CodeInterface[] {
  const lang = (language ?? guessLanguage(text)).toLowerCase();
  if (lang === "python" || lang === "py") return readPython(text);
  if (lang === "rust" || lang === "rs") return readBraced(text, /\btrait\s+([A-Z]\w*)[^{]*\{/g, readRustMethod);
  if (lang === "go" || lang === "golang") return readBraced(text, /\btype\s+([A-Z]\w*)\s+interface\s*\{/g, readGoMethod);
  if (lang === "typescript" || lang === "ts" || lang === "javascript" || lang === "js") {
    return readBraced(text, /\b(?:interface\s+([A-Z]\w*)|abstract\s+class\s+([A-Z]\w*))[^{]*\{/g, readTsMethod);
  }
  // Java, C#, Kotlin, Scala, Swift, PHP: interface / abstract class / protocol with C-like signatures.
  return readBraced(text, /\b(?:interface\s+([A-Z]\w*)|abstract\s+class\s+([A-Z]\w*)|protocol\s+([A-Z]\w*))[^{]*\{/g, readCLikeMethod);
}

function guessLanguage(text: string): string {
  if (/^\s*(?:from\s+\w+\s+import|class\s+\w+.*:\s*$|def\s+\w+\()/m.test(text)) return "python";
  if (/\btrait\s+\w+/.test(text)) return "rust";
  if (/\btype\s+\w+\s+interface\b/.test(text)) return "go";
  if (/\binterface\s+\w+\s*\{[^}]*\w+\s*\([^)]*\)\s*:/.test(text)) return "typescript";
  return "java";
}

// ---------------------------------------------------------------------------------------------

function readPython(text: string): CodeInterface[] {
  const lines = text.split("\n");
  const out: CodeInterface[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)class\s+([A-Z]\w*)\s*(?:\(([^)]*)\))?\s*:/.exec(lines[i]!);
    if (!m) continue;
    const indent = m[1]!.length;
    const bases = (m[3] ?? "").split(",").map((b) => b.trim()).filter(Boolean);
    const abstractBase = bases.some((b) => /^(?:abc\.)?ABC$|^(?:typing\.)?Protocol\b|ABCMeta/.test(b));
    const methods: CodeMethod[] = [];
    let abstractMethods = 0;
    let bodies = 0;
    let decorated = false;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() === "") continue;
      const lead = /^(\s*)/.exec(line)![1]!.length;
      if (lead <= indent) break;
      if (/^\s*@(?:abc\.)?abstractmethod\b/.test(line)) {
        decorated = true;
        continue;
      }
      const d = /^\s*(?:async\s+)?def\s+(\w+)\s*\(([^)]*)\)\s*(?:->\s*([^:]+))?:\s*(.*)$/.exec(line);
      if (!d) continue;
      const name = d[1]!;
      const body = d[4]!.trim();
      const stub = body === "" ? nextIsStub(lines, j, lead) : /^(?:pass|\.\.\.|raise NotImplementedError.*)$/.test(body) || body.startsWith("#");
      if (decorated) abstractMethods++;
      else if (!stub) bodies++;
      decorated = false;
      if (name.startsWith("_")) continue;
      const params = splitParams(d[2]!)
        .filter((p) => !/^(?:self|cls)$/.test(p.trim()) && !p.trim().startsWith("*"))
        .map((p) => {
          const [pname, ptype] = p.split(":").map((x) => x.trim());
          return { name: pname!.replace(/=.*$/, "").trim(), ...(ptype ? { type: readType(ptype.replace(/=.*$/, "").trim()) } : {}) };
        });
      methods.push({ name, params, ...(d[3] ? { returns: readType(d[3].trim()) } : {}), line: j + 1 });
    }
    // An abstract class (ABC base or abstract methods) declares; a class with bodies implements.
    if ((abstractBase || abstractMethods > 0) && bodies === 0 && methods.length > 0) out.push({ name: m[2]!, methods, line: i + 1 });
  }
  return out;
}

function nextIsStub(lines: readonly string[], j: number, lead: number): boolean {
  for (let k = j + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (!l.trim() || /^\s*#/.test(l) || /^\s*(?:"""|''')/.test(l)) continue;
    const indent = /^(\s*)/.exec(l)![1]!.length;
    if (indent <= lead) return true;
    return /^\s*(?:pass|\.\.\.|raise NotImplementedError)/.test(l);
  }
  return true;
}

function readBraced(text: string, head: RegExp, readMethod: (line: string) => Omit<CodeMethod, "line"> | undefined): CodeInterface[] {
  const out: CodeInterface[] = [];
  for (const m of text.matchAll(head)) {
    const name = m.slice(1).find((g) => g !== undefined);
    if (!name) continue;
    const open = m.index! + m[0].length;
    let depth = 1;
    let k = open;
    while (k < text.length && depth > 0) {
      if (text[k] === "{") depth++;
      else if (text[k] === "}") depth--;
      k++;
    }
    const body = text.slice(open, k - 1);
    const baseLine = text.slice(0, open).split("\n").length;
    const methods: CodeMethod[] = [];
    // Members are split at ";" or line ends; a member with a body "{...}" is concrete and skipped.
    let line = baseLine;
    for (const raw of body.split(/\n/)) {
      const member = raw.trim().replace(/\/\/.*$/, "").trim();
      if (member && !/\{/.test(member)) {
        const read = readMethod(member.replace(/;$/, ""));
        if (read) methods.push({ ...read, line });
      }
      line++;
    }
    if (methods.length > 0) out.push({ name, methods, line: baseLine });
  }
  return out;
}

function readTsMethod(member: string): Omit<CodeMethod, "line"> | undefined {
  const m = /^(?:readonly\s+|abstract\s+|public\s+)*(\w+)\??\s*(?:<[^>]*>)?\s*\(([^)]*)\)\s*:\s*(.+)$/.exec(member);
  if (!m) return undefined;
  const params = splitParams(m[2]!).map((p) => {
    const [n, t] = p.split(":").map((x) => x.trim());
    return { name: n!.replace(/\?$/, ""), ...(t ? { type: readType(t) } : {}) };
  });
  return { name: m[1]!, params, returns: readType(m[3]!.trim()) };
}

function readCLikeMethod(member: string): Omit<CodeMethod, "line"> | undefined {
  const m = /^(?:(?:public|abstract|default|static|virtual|suspend|fun|func|override)\s+)*([\w<>[\],.?\s]+?)\s+(\w+)\s*\(([^)]*)\)\s*(?::\s*([\w<>[\],.?]+))?(?:\s+throws\s+[\w,\s.]+)?$/.exec(member);
  if (!m || /^(?:return|new|if|for|while)$/.test(m[1]!.trim())) return undefined;
  const kotlin = m[1]!.trim() === "fun";
  const params = splitParams(m[3]!).map((p) => {
    const parts = p.trim().split(/\s+/);
    if (p.includes(":")) {
      const [n, t] = p.split(":").map((x) => x.trim());
      return { name: n!, ...(t ? { type: readType(t) } : {}) };
    }
    const name = parts.pop() ?? "value";
    return { name, ...(parts.length ? { type: readType(parts.join(" ")) } : {}) };
  });
  const ret = kotlin ? m[4] : m[1]!.trim();
  return { name: m[2]!, params, ...(ret ? { returns: readType(ret) } : {}) };
}

function readRustMethod(member: string): Omit<CodeMethod, "line"> | undefined {
  const m = /^(?:async\s+)?fn\s+(\w+)\s*(?:<[^>]*>)?\s*\(([^)]*)\)\s*(?:->\s*(.+))?$/.exec(member);
  if (!m) return undefined;
  const params = splitParams(m[2]!)
    .filter((p) => !/^&?\s*(?:mut\s+)?self$/.test(p.trim()))
    .map((p) => {
      const [n, t] = p.split(":").map((x) => x.trim());
      return { name: n!, ...(t ? { type: readType(t) } : {}) };
    });
  return { name: m[1]!, params, ...(m[3] ? { returns: readType(m[3].trim()) } : {}) };
}

function readGoMethod(member: string): Omit<CodeMethod, "line"> | undefined {
  const m = /^([A-Z]\w*)\s*\(([^)]*)\)\s*(.*)$/.exec(member);
  if (!m) return undefined;
  const params = splitParams(m[2]!).map((p) => {
    const [n, ...t] = p.trim().split(/\s+/);
    return { name: n!, ...(t.length ? { type: readType(t.join(" ")) } : {}) };
  });
  const ret = m[3]!.trim().replace(/^\(|\)$/g, "").split(",")[0]?.trim();
  return { name: m[1]!, params, ...(ret && ret !== "error" ? { returns: readType(ret) } : {}) };
}

/** Splits a parameter list at top-level commas. */
function splitParams(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of list) {
    if ("<[(".includes(ch)) depth++;
    if (">])".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((p) => p.trim()).filter(Boolean);
}

/** `List[Event]`, `Option<Foo>`, `Foo[]`, `[]Foo`, `Promise<Bar>`, `Optional[str]` -> the named type. */
export function readType(raw: string): CodeType {
  let t = raw.trim().replace(/^&\s*(?:mut\s+)?/, "").replace(/^\*/, "");
  let list = false;
  let optional = false;
  for (let guard = 0; guard < 4; guard++) {
    const wrap = /^(?:typing\.)?(\w+)\s*[[<](.+)[\]>]$/.exec(t);
    if (wrap) {
      const outer = wrap[1]!;
      if (/^(?:List|list|Sequence|Iterable|Vec|Set|set|Array|ReadonlyArray|IEnumerable|Collection|Iterator|Stream)$/.test(outer)) list = true;
      else if (/^(?:Optional|Option|Maybe|Nullable)$/.test(outer)) optional = true;
      else if (!/^(?:Promise|Future|Task|Awaitable|Mono|Result|CompletableFuture|Observable)$/.test(outer)) break;
      t = wrap[2]!.split(",")[0]!.trim();
      continue;
    }
    if (/\[\]$/.test(t)) {
      list = true;
      t = t.slice(0, -2).trim();
      continue;
    }
    if (/^\[\]/.test(t)) {
      list = true;
      t = t.slice(2).trim();
      continue;
    }
    const union = /^(.+?)\s*\|\s*(?:None|null|undefined)$/.exec(t);
    if (union) {
      optional = true;
      t = union[1]!.trim();
      continue;
    }
    if (t.endsWith("?")) {
      optional = true;
      t = t.slice(0, -1);
      continue;
    }
    break;
  }
  return { name: t, list, optional };
}
