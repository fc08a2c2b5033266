import { describe, expect, it } from "@jest/globals";
import { detectTestFramework } from "../../lib/implement/detect-test-framework.js";

const files = (map: Record<string, string>) => (path: string) => map[path];

describe("detectTestFramework", () => {
  it("reads package.json: the test script first, then the dependencies; none is node:test", () => {
    const ts = (m: Record<string, string>) => detectTestFramework({ lang: "ts", readFile: files(m) });
    expect(ts({})).toEqual({ framework: "node:test" });
    expect(ts({ "package.json": "{not json" })).toEqual({ framework: "node:test" });
    expect(ts({ "package.json": JSON.stringify({ devDependencies: { typescript: "5" } }) })).toEqual({ framework: "node:test" });
    expect(ts({ "package.json": JSON.stringify({ devDependencies: { vitest: "3" } }) })).toEqual({ framework: "vitest", from: "package.json" });
    expect(ts({ "package.json": JSON.stringify({ devDependencies: { jest: "30", "ts-jest": "29" } }) })).toEqual({ framework: "jest", from: "package.json" });
    expect(ts({ "package.json": JSON.stringify({ devDependencies: { mocha: "11" } }) })).toEqual({ framework: "mocha", from: "package.json" });
    // Both installed: the script says which one runs.
    expect(ts({ "package.json": JSON.stringify({ devDependencies: { jest: "30", vitest: "3" }, scripts: { test: "jest --ci" } }) }).framework).toBe("jest");
    expect(ts({ "package.json": JSON.stringify({ devDependencies: { mocha: "11" }, scripts: { test: "tsc && node --enable-source-maps --test dist/" } }) }).framework).toBe("node:test");
  });

  it("reads pytest from its config files and requirements; none is unittest", () => {
    const py = (m: Record<string, string>) => detectTestFramework({ lang: "python", readFile: files(m) });
    expect(py({})).toEqual({ framework: "unittest" });
    expect(py({ "pyproject.toml": '[project]\nname = "x"\ndependencies = ["requests"]\n' })).toEqual({ framework: "unittest" });
    expect(py({ "pyproject.toml": '[project.optional-dependencies]\ntest = ["pytest>=8"]\n' })).toEqual({ framework: "pytest", from: "pyproject.toml" });
    expect(py({ "pyproject.toml": "[tool.pytest.ini_options]\naddopts = \"-q\"\n" }).framework).toBe("pytest");
    expect(py({ "pytest.ini": "" })).toEqual({ framework: "pytest", from: "pytest.ini" });
    expect(py({ "requirements-dev.txt": "black\npytest==8.1\n" })).toEqual({ framework: "pytest", from: "requirements-dev.txt" });
    expect(py({ "requirements.txt": "pyyaml\n# pytest later\n" }).framework).toBe("unittest");
  });

  it("reads JUnit 4 or 5 from pom.xml or build.gradle; none is JUnit 5", () => {
    const java = (m: Record<string, string>) => detectTestFramework({ lang: "java", readFile: files(m) });
    expect(java({})).toEqual({ framework: "junit5" });
    expect(java({ "pom.xml": "<dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version></dependency>" })).toEqual({ framework: "junit4", from: "pom.xml" });
    expect(java({ "pom.xml": "<artifactId>junit-jupiter</artifactId>" })).toEqual({ framework: "junit5", from: "pom.xml" });
    expect(java({ "build.gradle": "dependencies { testImplementation 'junit:junit:4.13.2' }" })).toEqual({ framework: "junit4", from: "build.gradle" });
    expect(java({ "build.gradle.kts": "tasks.test { useJUnitPlatform() }" })).toEqual({ framework: "junit5", from: "build.gradle.kts" });
  });

  it("Go, Rust and C# use their built-in runners", () => {
    expect(detectTestFramework({ lang: "go", readFile: files({ "go.mod": "module x" }) })).toEqual({ framework: "go test" });
    expect(detectTestFramework({ lang: "rust", readFile: files({}) })).toEqual({ framework: "cargo test" });
    expect(detectTestFramework({ lang: "csharp", readFile: files({}) })).toEqual({ framework: "console" });
  });
});
