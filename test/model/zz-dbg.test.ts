import { it } from "@jest/globals";
import { readWantAction } from "../../lib/model/name-event.js";
import { parseStatements } from "../../lib/statements/parse-statements.js";
it("dbg", () => {
  for (const w of ["to have a new social media wireframe", "to have roles", "to concept different styles for the nsf.gov website", "to set up a website recruitment test"]) console.log(w, JSON.stringify(readWantAction(w)));
  const p = parseStatements([{ path: "statements/x.md", content: "As a designer, I want to have a new social media wireframe, so that I can begin implementing design.\n" }]);
  console.log(JSON.stringify(p.statements[0]?.story));
});
