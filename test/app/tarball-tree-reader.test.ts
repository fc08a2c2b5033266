import { describe, expect, it } from "@jest/globals";
import { gzipSync } from "node:zlib";
import { pack } from "tar-stream";
import { readArchiveBody, readTarballTree } from "../../app/github/tarball-tree-reader.js";
import { limitHit } from "../helpers/hostile-content.js";

/** A GitHub-style archive: every path under one top folder. */
async function tarball(entries: { name: string; content?: string | Buffer; type?: "file" | "symlink"; linkname?: string }[]): Promise<Uint8Array> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on("data", (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<void>((r) => p.on("end", () => r()));
  for (const e of entries) {
    if (e.type === "symlink") p.entry({ name: `acme-widgets-abc/${e.name}`, type: "symlink", linkname: e.linkname ?? "/etc/passwd" });
    else p.entry({ name: `acme-widgets-abc/${e.name}` }, e.content ?? "");
  }
  p.finalize();
  await done;
  return new Uint8Array(gzipSync(Buffer.concat(chunks)));
}

describe("readTarballTree", () => {
  it("keeps only wanted regular files; links and paths climbing out are never kept", async () => {
    const archive = await tarball([
      { name: "statements/a.md", content: "The cart SHALL store items.\n" },
      { name: "statements/link.md", type: "symlink" },
      { name: "statements/../../escape.md", content: "x" },
      { name: "src/app.ts", content: "x" },
    ]);
    const tree = await readTarballTree({ archive, label: "t", keep: (p) => p.startsWith("statements/") || p.endsWith("escape.md") });
    expect(await tree.listFiles(["**"])).toEqual(["statements/a.md"]);
  });

  it("stops at each limit: entries, one file, all kept files, inflated bytes, the compressed body", async () => {
    const many = await tarball(Array.from({ length: 20 }, (_, i) => ({ name: `x/${i}.txt`, content: "x" })));
    expect(await limitHit(() => readTarballTree({ archive: many, label: "t", keep: () => false, limits: { archiveEntries: 10 } }))).toBe("archiveEntries");
    const files = await tarball([
      { name: "statements/a.md", content: "a".repeat(600) },
      { name: "statements/b.md", content: "b".repeat(600) },
    ]);
    expect(await limitHit(() => readTarballTree({ archive: files, label: "t", keep: () => true, limits: { fileBytes: 500 } }))).toBe("fileBytes");
    expect(await limitHit(() => readTarballTree({ archive: files, label: "t", keep: () => true, limits: { keptBytes: 1000 } }))).toBe("keptBytes");
    const bomb = await tarball([{ name: "zeros.bin", content: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await limitHit(() => readTarballTree({ archive: bomb, label: "t", keep: () => false, limits: { unpackedBytes: 1_000_000 } }))).toBe("unpackedBytes");
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expect(await limitHit(() => readArchiveBody(body, { archiveBytes: 1_000_000 }))).toBe("archiveBytes");
  });
});
