import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

/**
 * File access that stays inside one repository folder. A cloned repository is untrusted: it may
 * commit `contracts/python -> ~/.local/lib/python3/site-packages` or a statements folder that links
 * to `~/.ssh`. Every path here is repository-relative, may not climb out (`..`, absolute), and no
 * component of it may be a symbolic link: each is checked with `lstat`, and the last one is opened
 * with O_NOFOLLOW, so penult never reads, writes or deletes through a link.
 */
export interface ConfinedFs {
  readonly root: string;
  /**
   * The first component of `path` that is a symbolic link (or a file where a folder must be),
   * e.g. `contracts/python`; undefined when the path is safe to use (parts of it may not exist yet).
   */
  linkIn(path: string): string | undefined;
  /** Text of a regular file, or undefined when it does not exist or lies behind a link. */
  read(path: string): string | undefined;
  /** Bytes of a regular file, or undefined when it does not exist or lies behind a link. */
  readBytes(path: string): Uint8Array | undefined;
  /** True when something (a file, a folder or a link) is at `path`; links are not followed. */
  exists(path: string): boolean;
  /** Writes a file, creating folders; throws a {@link ConfinedPathError} when a link is in the way. */
  write(path: string, content: string, options?: { exclusive?: boolean }): void;
  /** Removes a file (never through a link); a missing file is fine. */
  remove(path: string): void;
  /** Removes the folder when it is empty and is a real folder; true when removed. */
  removeEmptyDir(path: string): boolean;
  /** Names in a folder that is a real folder (not a link), or [] when it is absent. */
  list(path: string): { name: string; kind: "file" | "dir" | "other" }[];
}

/** A path that leaves the repository or goes through a symbolic link. */
export class ConfinedPathError extends Error {
  override name = "ConfinedPathError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

// Windows has no O_NOFOLLOW; the lstat walk still refuses links there.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
// A FIFO committed by hand would block a plain open(); regular files ignore O_NONBLOCK.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Why `path` is not a plain repository-relative path, or undefined. */
export function checkRelativePath(path: string): string | undefined {
  if (!path || path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "must be a relative path";
  if (path.includes("\\") || path.includes("\0")) return "must use / as separator";
  if (path.split("/").some((s) => s === ".." || s === "." || s === "")) return "must not contain '.', '..' or empty segments";
  return undefined;
}

/** File access confined to `root` (see {@link ConfinedFs}). */
export function createConfinedFs(root: string): ConfinedFs {
  const abs = (path: string): string => {
    const bad = checkRelativePath(path);
    if (bad) throw new ConfinedPathError(path, bad);
    return join(root, ...path.split("/"));
  };
  const kindOf = (path: string): "missing" | "link" | "dir" | "file" | "other" => {
    try {
      const st = lstatSync(join(root, ...path.split("/")));
      return st.isSymbolicLink() ? "link" : st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
    } catch {
      return "missing";
    }
  };
  const linkIn = (path: string): string | undefined => {
    if (checkRelativePath(path)) return path;
    const segments = path.split("/");
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join("/");
      const kind = kindOf(prefix);
      if (kind === "missing") return undefined;
      if (kind === "link") return prefix;
      if (i < segments.length && kind !== "dir") return prefix;
    }
    return undefined;
  };
  const readBytes = (path: string): Uint8Array | undefined => {
    if (checkRelativePath(path) || linkIn(path) !== undefined) return undefined;
    let fd: number;
    try {
      fd = openSync(abs(path), constants.O_RDONLY | NOFOLLOW | NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      return new Uint8Array(readFileSync(fd));
    } finally {
      closeSync(fd);
    }
  };
  return {
    root,
    linkIn,
    readBytes,
    read(path) {
      const bytes = readBytes(path);
      return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    },
    exists(path) {
      return !checkRelativePath(path) && kindOf(path) !== "missing";
    },
    write(path, content, options = {}) {
      const target = abs(path);
      const link = linkIn(path);
      if (link) throw new ConfinedPathError(path, `${link} is a symbolic link (or not a folder); penult never writes through links`);
      const segments = path.split("/");
      for (let i = 1; i < segments.length; i++) {
        const dir = segments.slice(0, i).join("/");
        if (kindOf(dir) === "missing") mkdirSync(join(root, ...segments.slice(0, i)));
        // Made by someone else between the check and here: check again rather than follow it.
        if (kindOf(dir) !== "dir") throw new ConfinedPathError(path, `${dir} is not a folder`);
      }
      const flags = constants.O_WRONLY | constants.O_CREAT | NOFOLLOW | (options.exclusive ? constants.O_EXCL : constants.O_TRUNC);
      const fd = openSync(target, flags, 0o644);
      try {
        if (!fstatSync(fd).isFile()) throw new ConfinedPathError(path, "is not a regular file");
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
    },
    remove(path) {
      const target = abs(path);
      const link = linkIn(path);
      if (link && link !== path) throw new ConfinedPathError(path, `${link} is a symbolic link; penult never deletes through links`);
      const kind = kindOf(path);
      if (kind === "missing") return;
      if (kind !== "file") throw new ConfinedPathError(path, kind === "link" ? "is a symbolic link; penult leaves links alone" : "is not a regular file");
      unlinkSync(target);
    },
    removeEmptyDir(path) {
      if (linkIn(path) !== undefined || kindOf(path) !== "dir") return false;
      try {
        if (readdirSync(abs(path)).length > 0) return false;
        rmdirSync(abs(path));
        return true;
      } catch {
        return false;
      }
    },
    list(path) {
      if (path !== "" && (checkRelativePath(path) || linkIn(path) !== undefined || kindOf(path) !== "dir")) return [];
      try {
        return readdirSync(path === "" ? root : abs(path), { withFileTypes: true }).map((e) => ({ name: e.name, kind: e.isFile() ? "file" : e.isDirectory() ? "dir" : "other" }));
      } catch {
        return [];
      }
    },
  };
}
