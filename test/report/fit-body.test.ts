import { describe, expect, it } from "@jest/globals";
import { fitBody, GITHUB_BODY_LIMIT } from "../../lib/report/fit-body.js";

describe("fitBody", () => {
  it("leaves a body within GitHub's limit alone", () => {
    expect(fitBody("short\n")).toBe("short\n");
  });
  it("cuts at a line, closes an open fence and <details>, and says where the rest is", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| \`s.${i}\` | statement ${i} |`).join("\n");
    const text = `## Report\n\n<details><summary>all</summary>\n\n${rows}\n</details>\n\n\`\`\`mermaid\n${"a --> b\n".repeat(20000)}\`\`\`\n`;
    const out = fitBody(text);
    expect(out.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(out).toMatch(/cut here: GitHub takes at most 65,536 characters/);
    expect((out.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect((out.match(/<details>/g) ?? []).length).toBe((out.match(/<\/details>/g) ?? []).length);
    expect(out.split("\n").every((l) => l === "" || /^(\||##|<|_|```|a -->)/.test(l) || l.startsWith("</details>"))).toBe(true);
  });
});
