import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Finding } from "./n1-codes.js";

/**
 * Python contracts are checked with Python's own parser (`ast`): a tiny script summarises each
 * file (every def with its decorators, class kind and whether its body is only a stub; lambdas;
 * module- and class-level statements that execute), and {@link scanPythonSummary} applies the
 * rules in TypeScript, so the rules are testable without a Python process.
 */

/** One `def` as the summariser saw it. */
export interface PyDef {
  line: number;
  col: number;
  name: string;
  /** Enclosing class name, when the def is directly in a class body. */
  owner: string | null;
  /** `abc`: ABC/ABCMeta subclass or holds abstract methods; `protocol`: typing.Protocol; `plain`: anything else. */
  ownerKind: "abc" | "protocol" | "plain" | null;
  /** Last name segment of each decorator (`abc.abstractmethod` -> `abstractmethod`). */
  decorators: string[];
  /** Body is only docstring / `pass` / `...` / `raise NotImplementedError`. */
  stub: boolean;
  /** Nested inside another def (its enclosing def is what gets reported). */
  nested: boolean;
}

/** What the summariser reports for one file. */
export interface PySummary {
  path: string;
  error?: { line: number; col: number; message: string };
  defs: PyDef[];
  lambdas: { line: number; col: number; nested: boolean }[];
  /** Executable statements at module or class level. */
  statements: { line: number; col: number; kind: string }[];
}

const SUMMARISE = String.raw`
import ast, json, sys

def deco_name(d):
    if isinstance(d, ast.Call):
        d = d.func
    if isinstance(d, ast.Attribute):
        return d.attr
    if isinstance(d, ast.Name):
        return d.id
    return "?"

def base_name(b):
    if isinstance(b, ast.Subscript):
        b = b.value
    return deco_name(b)

def is_stub(body):
    for s in body:
        if isinstance(s, ast.Pass):
            continue
        if isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and (s.value.value is Ellipsis or isinstance(s.value.value, str)):
            continue
        if isinstance(s, ast.Raise) and s.exc is not None and base_name(s.exc) == "NotImplementedError":
            continue
        return False
    return True

EXEC = (ast.Expr, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try, ast.Assert, ast.Delete, ast.Global, ast.Nonlocal, ast.Raise)
if hasattr(ast, "TryStar"):
    EXEC = EXEC + (ast.TryStar,)
if hasattr(ast, "Match"):
    EXEC = EXEC + (ast.Match,)

def summarise(path, text):
    out = {"path": path, "defs": [], "lambdas": [], "statements": []}
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as e:
        out["error"] = {"line": e.lineno or 1, "col": e.offset or 1, "message": "Python syntax error: " + str(e.msg)}
        return out
    except ValueError as e:
        out["error"] = {"line": 1, "col": 1, "message": "Python could not read the file: " + str(e)}
        return out
    kinds = {}
    def class_kind(c):
        names = [base_name(b) for b in c.bases]
        for k in c.keywords:
            if k.arg == "metaclass" and base_name(k.value) == "ABCMeta":
                return "abc"
        if "Protocol" in names:
            return "protocol"
        if "ABC" in names or any(kinds.get(n) == "abc" for n in names):
            return "abc"
        for s in c.body:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and "abstractmethod" in [deco_name(d) for d in s.decorator_list]:
                return "abc"
        if any(kinds.get(n) == "protocol" for n in names):
            return "protocol"
        return "plain"
    def stmts(body, level):
        for s in body:
            if isinstance(s, EXEC):
                if isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant):
                    continue
                out["statements"].append({"line": s.lineno, "col": s.col_offset + 1, "kind": type(s).__name__})
            elif isinstance(s, ast.If):
                stmts(s.body, level)
                stmts(s.orelse, level)
    def walk(node, owner, owner_kind, in_def):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                k = class_kind(child)
                kinds[child.name] = k
                stmts(child.body, "class")
                walk(child, child.name if not in_def else None, k if not in_def else None, in_def)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                line = child.lineno
                out["defs"].append({
                    "line": line, "col": child.col_offset + 1, "name": child.name,
                    "owner": owner, "ownerKind": owner_kind,
                    "decorators": [deco_name(d) for d in child.decorator_list],
                    "stub": is_stub(child.body), "nested": in_def,
                })
                walk(child, None, None, True)
            elif isinstance(child, ast.Lambda):
                out["lambdas"].append({"line": child.lineno, "col": child.col_offset + 1, "nested": in_def})
                walk(child, None, None, True)
            else:
                walk(child, None if isinstance(child, ast.stmt) and not isinstance(child, ast.If) else owner,
                     None if isinstance(child, ast.stmt) and not isinstance(child, ast.If) else owner_kind, in_def)
    stmts(tree.body, "module")
    walk(tree, None, None, False)
    return out

files = json.load(sys.stdin)
json.dump([summarise(f["path"], f["content"]) for f in files], sys.stdout)
`;

/** Applies the n-1 rules to one summarised Python file. */
export function scanPythonSummary(summary: PySummary): Finding[] {
  if (summary.error) {
    return [{ code: "N1_UNPARSEABLE", line: summary.error.line, column: summary.error.col, what: summary.error.message }];
  }
  const findings: Finding[] = [];
  for (const d of summary.defs) {
    if (d.nested) continue;
    const owner = d.owner ?? undefined;
    const where = { line: d.line, column: d.col };
    const abstract = d.decorators.includes("abstractmethod");
    const of = owner ? ` of \`${owner}\`` : "";
    if (!d.stub) {
      findings.push({
        code: "N1_FUNCTION_BODY",
        ...where,
        what: abstract ? `abstract method \`${d.name}\`${of} has an implementation` : `${owner ? "method" : "function"} \`${d.name}\`${of} has a body`,
        owner,
      });
    } else if (d.ownerKind === "abc" && !abstract && !d.decorators.includes("overload")) {
      findings.push({ code: "N1_NON_ABSTRACT_METHOD", ...where, what: `method \`${d.name}\`${of} is not an @abstractmethod (it silently returns None)`, owner });
    }
  }
  for (const l of summary.lambdas) {
    if (!l.nested) findings.push({ code: "N1_FUNCTION_BODY", line: l.line, column: l.col, what: "lambda in a contract" });
  }
  for (const s of summary.statements) {
    findings.push({ code: "N1_EXECUTABLE_CODE", line: s.line, column: s.col, what: `\`${s.kind}\` statement runs when the module loads` });
  }
  return findings;
}

/** Python is not installed: nothing could be checked (`why` is the system's own words). */
export interface PythonUnavailable {
  unavailable: string;
}

/** Runs Python's parser over files; one process for all of them. */
export type PythonSummariser = (files: readonly { path: string; content: string }[]) => PySummary[] | PythonUnavailable;

/** The default summariser: `python3 -c <script>` (Debian's /usr/bin/python3 when present). */
export const summarisePython: PythonSummariser = (files) => {
  if (files.length === 0) return [];
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const res = spawnSync(python, ["-c", SUMMARISE], {
    input: JSON.stringify(files.map((f) => ({ path: f.path, content: f.content }))),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if ((res.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return { unavailable: `${python} not found` };
  if (res.error || res.status !== 0) {
    const why = res.error ? res.error.message : (res.stderr || `exit ${res.status}`).trim().split("\n").pop();
    return files.map((f) => ({ path: f.path, error: { line: 1, col: 1, message: `could not run ${python}: ${why}` }, defs: [], lambdas: [], statements: [] }));
  }
  return JSON.parse(res.stdout) as PySummary[];
};
