import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseStatements } from "../../lib/statements/parse-statements.js";
import { classifyText, parseEars, parseUserStory } from "../../lib/statements/classify-statement.js";
import { splitSentences } from "../../lib/statements/split-sentences.js";
import type { Statement } from "../../lib/statements/types.js";
import { corpusPath } from "../../bench/corpus-path.js";

const fixtures = join(process.cwd(), "test/fixtures/statements");

function parseFixture(name: string): Statement[] {
  const path = `statements/${name}/input.md`;
  return parseStatements([{ path, content: readFileSync(join(fixtures, name, "input.md")) }]).statements;
}

function parseText(text: string, path = "statements/t.md"): Statement[] {
  return parseStatements([{ path, content: text }]).statements;
}

describe("user stories", () => {
  it("reads Kiro **User Story:** lines and the spec-kit **As**/**I want**/**So that** form", () => {
    const kiro = parseFixture("kiro-ears").filter((s) => s.kind === "user-story");
    expect(kiro).toHaveLength(2);
    expect(kiro[0]!.story).toEqual({
      role: "developer",
      want: "Kiro Workers to operate on existing feature branches that contain spec files",
      benefit: "work is performed on the correct branch with requirements, design, and tasks already defined",
    });
    expect(kiro[0]!.label).toBe("Requirement 1");
    const sk = parseFixture("speckit-stories").filter((s) => s.kind === "user-story");
    expect(sk.map((s) => s.label)).toEqual(["US-1", "US-2"]);
    expect(sk[0]!.story?.role).toBe("visitor who has heard about a local AcroYoga jam");
    expect(sk[0]!.story?.benefit).toMatch(/^I can discover/);
  });

  it("handles the Dalpiaz backlog lines, prefix and all", () => {
    // SOURCE: corpus dalpiaz-userstories, github.com/ace-design/nlp-stories inputs/individual_backlog/dataset/g04-recycling.txt
    const lines = readFileSync(join(corpusPath("dalpiaz-userstories"), "g04-recycling.txt"), "utf8")
      .split("\n")
      .filter((l) => l.trim());
    const asMarkdown = parseText(lines.join("\n\n"));
    const asText = parseStatements([{ path: "statements/g04.txt", content: lines.join("\n") }]).statements;
    for (const parsed of [asMarkdown, asText]) {
      const stories = parsed.filter((s) => s.kind === "user-story");
      expect(stories.length / lines.length).toBeGreaterThan(0.95);
    }
    expect(asText[0]!.label).toBe("G04");
    expect(asText[0]!.text.startsWith("#")).toBe(false);
    expect(parseUserStory("As a camp worker, I'm able to report a camper to the manager.")).toMatchObject({ role: "camp worker" });
    // g02-federalspending.txt: "so I can" without "that"; g25: "to do so" is not a benefit.
    expect(parseUserStory("As an Agency user, I want FABS deployed into production, so I can submit my Financial Assistance data.")).toEqual({
      role: "Agency user",
      want: "FABS deployed into production",
      benefit: "I can submit my Financial Assistance data",
    });
    expect(parseUserStory("As a DB/IR administrator, I want to unpublish a report if requested to do so by USDA agency.")?.benefit).toBeUndefined();
  });
});

describe("EARS", () => {
  it("reads Kiro 'WHEN x, THEN the Kiro_Worker SHALL y' as event-driven with the story as parent", () => {
    const all = parseFixture("kiro-ears");
    const story = all.find((s) => s.kind === "user-story")!;
    const crit = all.filter((s) => s.kind === "ears-event" && s.parent === story.id);
    expect(crit).toHaveLength(8);
    expect(crit[0]!.ears).toEqual({
      pattern: "event",
      trigger: "a Kiro Worker starts with a work item",
      subject: "Kiro_Worker",
      modal: "SHALL",
      response: "identify the Feature_Branch name from the work item metadata",
    });
    expect(crit[0]!.label).toBe("1.1");
  });

  it("reads IF..THEN without commas and the numbered '1.2. WHERE' form", () => {
    const unwanted = parseFixture("kiro-if-then").filter((s) => s.kind === "ears-unwanted");
    expect(unwanted).toHaveLength(2);
    expect(unwanted[0]!.ears).toMatchObject({ condition: "an image fails cultural validation", subject: "system" });
    const numbered = parseFixture("kiro-numbered");
    const optional = numbered.find((s) => s.kind === "ears-optional")!;
    expect(optional.label).toBe("1.2");
    expect(optional.ears).toMatchObject({ feature: "multiple states are configured", subject: "GitHub_Project_Monitor" });
    expect(numbered.find((s) => s.label === "1.4")!.kind).toBe("ears-ubiquitous");
  });

  it("covers all five patterns and combinations", () => {
    expect(parseEars("THE Cart SHALL keep items for 30 days.")?.pattern).toBe("ubiquitous");
    expect(parseEars("WHILE the cart is locked, THE Cart SHALL reject new items")?.state).toBe("the cart is locked");
    expect(parseEars("WHERE gift wrapping is enabled, THE Checkout SHALL offer wrapping")?.pattern).toBe("optional");
    const complex = parseEars("WHILE the shop is open, WHEN a shopper pays, THE Checkout SHALL issue a receipt");
    expect(complex).toMatchObject({ pattern: "complex", state: "the shop is open", trigger: "a shopper pays", subject: "Checkout" });
    expect(classifyText("IF the card is declined, THEN THE Checkout SHALL show an error").kind).toBe("ears-unwanted");
    expect(classifyText("THE system SHALL log every request").kind).toBe("shall");
    expect(classifyText("We went shopping when it rained").kind).toBe("prose");
  });
});

describe("SHALL, FR lines and requirement tables", () => {
  it("reads spec-kit **FR-001**: lines with the code as label and file-scoped id", () => {
    const fr = parseFixture("speckit-fr").filter((s) => /^FR-/.test(s.label ?? ""));
    expect(fr).toHaveLength(8);
    expect(fr.every((s) => s.kind === "shall")).toBe(true);
    expect(fr[0]!.text).toBe("System MUST allow administrators to create new products with required fields: name, SKU, description, and base price");
    expect(fr[0]!.id).toBe("speckit-fr-input.fr-001");
  });

  it("reads a requirements table (ID | Requirement) row by row", () => {
    const rows = parseFixture("speckit-stories").filter((s) => /^FR-\d+$/.test(s.label ?? ""));
    expect(rows.map((s) => s.label)).toEqual(["FR-01", "FR-02", "FR-03", "FR-04"]);
    expect(rows[0]!.kind).toBe("shall");
  });

  it("does not read 'Why this priority' / 'Independent Test' as requirements", () => {
    const notes = parseFixture("speckit-fr").filter((s) => s.label === "Why this priority" || s.label === "Independent Test");
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((s) => s.kind === "prose")).toBe(true);
  });
});

describe("scenarios", () => {
  it("reads OpenSpec requirement blocks and their WHEN/THEN/AND scenarios", () => {
    const all = parseFixture("openspec-archive");
    const reqs = all.filter((s) => s.label?.startsWith("Requirement:"));
    expect(reqs.map((s) => s.label)).toEqual(["Requirement: Change Selection", "Requirement: Task Completion Check"]);
    expect(reqs[0]!.kind).toBe("shall");
    expect(reqs[0]!.id).toBe("openspec-archive-input.change-selection");
    const scenarios = all.filter((s) => s.kind === "scenario");
    // The excerpt ends at the heading of a fifth scenario whose bullets were not copied.
    expect(scenarios).toHaveLength(4);
    expect(scenarios[0]!.parent).toBe(reqs[0]!.id);
    expect(scenarios[0]!.scenario).toEqual({
      name: "Interactive selection",
      steps: [
        { keyword: "when", text: "no change-name is provided" },
        { keyword: "then", text: "display interactive list of available changes (excluding archive/)" },
        { keyword: "and", text: "allow user to select one" },
      ],
    });
    expect(scenarios[0]!.id).toBe("openspec-archive-input.change-selection.interactive-selection");
  });

  it("reads spec-kit Given/When/Then paragraphs and numbered one-liners", () => {
    const sk = parseFixture("speckit-stories").filter((s) => s.kind === "scenario");
    expect(sk).toHaveLength(4);
    expect(sk[0]!.scenario?.steps.map((s) => s.keyword)).toEqual(["given", "when", "then"]);
    const fr = parseFixture("speckit-fr").filter((s) => s.kind === "scenario");
    expect(fr).toHaveLength(4);
    expect(fr[2]!.scenario?.steps[1]!.text).toBe('I enter a product name, SKU, description, and price, and click "Save"');
  });

  it("merges Given/When/Then bullets into one scenario", () => {
    const s = parseText("- **Given** a full cart\n- **When** the shopper pays\n- **Then** an order is created\n");
    expect(s).toHaveLength(1);
    expect(s[0]!.kind).toBe("scenario");
    expect(s[0]!.scenario?.steps).toHaveLength(3);
  });
});

describe("glossary and prose", () => {
  it("reads Kiro glossary bullets, spec-kit key entities and Term|Definition tables", () => {
    const g = parseFixture("kiro-ears").filter((s) => s.kind === "glossary");
    expect(g).toHaveLength(15);
    expect(g[0]!.glossary).toEqual({
      term: "Kiro_Worker",
      definition: "An AWS CodeBuild job instance running Kiro CLI to perform automated code generation and testing",
    });
    expect(parseFixture("speckit-fr").filter((s) => s.kind === "glossary").map((s) => s.glossary!.term)).toEqual([
      "Product",
      "Category",
      "Product Variant",
    ]);
    expect(parseFixture("kiro-numbered").filter((s) => s.kind === "glossary").length).toBeGreaterThanOrEqual(13);
  });

  it("skips code, TOCs, link lists, metadata, comments, front matter, lead-ins, questions and layout tables", () => {
    const s = parseFixture("noise");
    expect(s.map((x) => x.text)).toEqual([
      "--yes, -y: Skip confirmation prompts (for automation)",
      "The cart keeps items for 30 days, e.g. while the user is away.",
      "Version 1.2.3 of tasks.md adds notes, etc. and more.",
      "The checkout page shows the total.",
      'The comment terminator */ stays text, as does """ and --> in a statement.',
    ]);
    expect(s.some((x) => /SHALL/.test(x.text))).toBe(false);
  });

  it("keeps entity field bullets whose name looks like metadata (`status`: ...)", () => {
    // SOURCE: corpus speckit-specs, github.com/ukad-group/ecommerce-saas specs/004-tenant-market-management/spec.md lines 40-43
    const s = parseText("**Fields:**\n- `name`: Unique identifier (lowercase, alphanumeric with hyphens)\n- `displayName`: Human-readable name\n- `status`: Active/Inactive\n");
    expect(s.map((x) => x.text)).toEqual([
      "name: Unique identifier (lowercase, alphanumeric with hyphens)",
      "displayName: Human-readable name",
      "status: Active/Inactive",
    ]);
    // ...while a top-of-file "> Status: Implemented" block is metadata.
    expect(parseText("> Priority: P0 — Core feature, required for MVP\n> Status: Implemented\n")).toEqual([]);
  });

  it("splits sentences without breaking abbreviations, versions and file names", () => {
    const t = "Use e.g. the CLI. Version 1.2.3 is out! Read tasks.md first. Dr. Smith agrees, i.e. yes. Done?";
    expect(splitSentences(t).map((r) => t.slice(r.start, r.end))).toEqual([
      "Use e.g. the CLI.",
      "Version 1.2.3 is out!",
      "Read tasks.md first.",
      "Dr. Smith agrees, i.e. yes.",
      "Done?",
    ]);
  });
});
