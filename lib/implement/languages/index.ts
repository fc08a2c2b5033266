import type { LanguageAdapter } from "./adapter.js";
import { csharpAdapter } from "./csharp.js";
import { goAdapter } from "./go.js";
import { javaAdapter } from "./java.js";
import { pythonAdapter } from "./python.js";
import { rustAdapter } from "./rust.js";
import { typescriptAdapter } from "./typescript.js";

/** Scaffold languages, in `--lang` order of the help text. */
export const ADAPTERS: readonly LanguageAdapter[] = [typescriptAdapter, pythonAdapter, javaAdapter, rustAdapter, goAdapter, csharpAdapter];
