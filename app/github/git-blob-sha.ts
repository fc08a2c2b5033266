import { createHash } from "node:crypto";

/** The id git (and GitHub) gives a file's content: SHA-1 of `blob <byte length>\0<bytes>`. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
