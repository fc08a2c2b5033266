import type { PenultConfig } from "../config/types.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Facts } from "../extract/types.js";
import type { Statement } from "../statements/types.js";
import type { Model } from "./types.js";

export interface BuildModelOptions {
  statements: readonly Statement[];
  facts: readonly Facts[];
  config: PenultConfig;
}

/** PLACEHOLDER (issue 3, model helper replaces this): facts -> traced, canonical model. */
export function buildModel(_options: BuildModelOptions): { model: Model; diagnostics: Diagnostic[] } {
  throw new Error("buildModel: not written yet");
}
