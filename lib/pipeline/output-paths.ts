import type { PenultConfig } from "../config/types.js";

/**
 * `name` inside the output folder, repository-relative: `contracts/model.json`, or `model.json`
 * when the contracts live at the root (`output: .`).
 */
export function outputPath(config: Pick<PenultConfig, "output">, name: string): string {
  const dir = config.output.replace(/\/+$/, "");
  return dir === "." || dir === "" ? name : `${dir}/${name}`;
}

/** `<output>/model.json`: the model the committed contracts were generated from. */
export function modelPath(config: Pick<PenultConfig, "output">): string {
  return outputPath(config, "model.json");
}

/** `<output>/.penult-manifest.json`: the generated files and their hashes (see lib/write-output.ts). */
export function manifestPath(config: Pick<PenultConfig, "output">): string {
  return outputPath(config, ".penult-manifest.json");
}
