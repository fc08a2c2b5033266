import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeEntityName, readGoldEntities } from "../../bench/model.bench.js";
import { corpusPath } from "../../bench/corpus-path.js";

/* The benchmark's gold reader is only as good as its reading of the data models: test it on them. */
const root = join(corpusPath("speckit-specs"), "microsoft_CommunityManagement-Sample-Spec-Kit");

function gold(feature: string): string[] {
  const path = join(root, feature, "data-model.md");
  if (!existsSync(path)) throw new Error(`corpus file missing: ${path}`);
  return [...readGoldEntities(readFileSync(path, "utf8")).values()];
}

describe("spec-kit gold entities", () => {
  it("reads numbered entity headings and SQL tables (001)", () => {
    expect(gold("001-event-discovery-rsvp")).toEqual(["countries", "cities", "venues", "events", "rsvps", "waitlist", "event_interests", "credits", "event_teachers"]);
  });
  it("reads ALTER headings and 'existing tables' sections (009)", () => {
    expect(gold("009-user-directory")).toEqual(["user_profiles", "social_links", "follows", "blocks", "mutes", "geography", "teacher_profiles"]);
  });
  it("reads client-side type headings (010) and a Table column (006), not sentence headings", () => {
    expect(gold("010-events-explorer")).toContain("ExplorerFilterState");
    const g006 = gold("006-code-review-fixes");
    expect(g006).toContain("notification_preferences");
    expect(g006).not.toContain("Existing deletion steps");
  });
  it("matches names case-, plural-, snake_case- and join-order-insensitively", () => {
    expect(normalizeEntityName("user_profiles")).toBe(normalizeEntityName("UserProfile"));
    expect(normalizeEntityName("event_teachers")).toBe(normalizeEntityName("TeacherEvent"));
    expect(normalizeEntityName("RSVP")).toBe(normalizeEntityName("rsvps"));
    expect(normalizeEntityName("Event")).not.toBe(normalizeEntityName("EventGroup"));
  });
});
