import type { ImplementLanguage } from "../config/types.js";

/** Test frameworks the scaffold can write tests for, per language. The first of each is the built-in one. */
export const TEST_FRAMEWORKS = {
  ts: ["node:test", "jest", "vitest", "mocha"],
  python: ["unittest", "pytest"],
  java: ["junit5", "junit4"],
  go: ["go test"],
  rust: ["cargo test"],
  csharp: ["console"],
} as const satisfies Record<ImplementLanguage, readonly string[]>;

export type TestFramework = (typeof TEST_FRAMEWORKS)[ImplementLanguage][number];

/** The framework used when the repository shows none: the language's own runner (JUnit 5 for Java, which has none). */
export function builtinTestFramework(lang: ImplementLanguage): TestFramework {
  return TEST_FRAMEWORKS[lang][0];
}

/** Every file detectTestFramework may read (repository root): for callers that fetch files first. */
export const TEST_FRAMEWORK_FILES = [
  "package.json",
  "pytest.ini",
  "conftest.py",
  "pyproject.toml",
  "setup.cfg",
  "tox.ini",
  "requirements-dev.txt",
  "requirements.txt",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
] as const;

export interface DetectedTestFramework {
  framework: TestFramework;
  /** The file that decided it; absent when nothing was found and the built-in runner is used. */
  from?: string;
}

/**
 * Which test framework the repository's tests use, read from its build files: package.json
 * (dependencies, then the `test` script), pyproject.toml / pytest.ini / setup.cfg / tox.ini /
 * requirements files, pom.xml / build.gradle(.kts). Go, Rust and C# scaffolds use their built-in
 * runners (`go test`, `cargo test`, a console runner). Pure: files are read through `readFile`
 * (undefined when absent), so the CLI reads the working tree and the App a commit.
 */
export function detectTestFramework(options: { lang: ImplementLanguage; readFile: (path: string) => string | undefined }): DetectedTestFramework {
  const { lang, readFile } = options;
  if (lang === "ts") return detectJs(readFile);
  if (lang === "python") return detectPython(readFile);
  if (lang === "java") return detectJava(readFile);
  return { framework: builtinTestFramework(lang) };
}

function detectJs(readFile: (path: string) => string | undefined): DetectedTestFramework {
  const text = readFile("package.json");
  if (text === undefined) return { framework: "node:test" };
  let pkg: { dependencies?: unknown; devDependencies?: unknown; scripts?: unknown };
  try {
    pkg = JSON.parse(text) as typeof pkg;
  } catch {
    return { framework: "node:test" };
  }
  const names = new Set([pkg.dependencies, pkg.devDependencies].flatMap((d) => (d && typeof d === "object" ? Object.keys(d) : [])));
  const script = pkg.scripts && typeof pkg.scripts === "object" ? String((pkg.scripts as Record<string, unknown>).test ?? "") : "";
  // The test script names the runner actually used when several are installed.
  const byScript: [RegExp, TestFramework][] = [
    [/\bvitest\b/, "vitest"],
    [/\bjest\b/, "jest"],
    [/\bmocha\b/, "mocha"],
    [/\bnode\b[^&|;]*\s--test\b/, "node:test"],
  ];
  for (const [re, framework] of byScript) if (re.test(script)) return { framework, from: "package.json" };
  if (names.has("vitest")) return { framework: "vitest", from: "package.json" };
  if (names.has("jest") || names.has("@jest/globals") || names.has("ts-jest")) return { framework: "jest", from: "package.json" };
  if (names.has("mocha")) return { framework: "mocha", from: "package.json" };
  return { framework: "node:test" };
}

function detectPython(readFile: (path: string) => string | undefined): DetectedTestFramework {
  if (readFile("pytest.ini") !== undefined) return { framework: "pytest", from: "pytest.ini" };
  if (readFile("conftest.py") !== undefined) return { framework: "pytest", from: "conftest.py" };
  const mentions: [string, RegExp][] = [
    ["pyproject.toml", /\[tool\.pytest|["'\s]pytest\b/],
    ["setup.cfg", /\[tool:pytest\]|\bpytest\b/],
    ["tox.ini", /\[pytest\]|\bpytest\b/],
    ["requirements-dev.txt", /^\s*pytest\b/m],
    ["requirements.txt", /^\s*pytest\b/m],
  ];
  for (const [file, re] of mentions) {
    const text = readFile(file);
    if (text !== undefined && re.test(text)) return { framework: "pytest", from: file };
  }
  return { framework: "unittest" };
}

function detectJava(readFile: (path: string) => string | undefined): DetectedTestFramework {
  for (const file of ["pom.xml", "build.gradle", "build.gradle.kts"]) {
    const text = readFile(file);
    if (text === undefined) continue;
    if (/junit-jupiter|useJUnitPlatform/.test(text)) return { framework: "junit5", from: file };
    if (/<artifactId>\s*junit\s*<\/artifactId>|["']junit:junit:/.test(text)) return { framework: "junit4", from: file };
  }
  return { framework: "junit5" };
}
