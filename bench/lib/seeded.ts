import { createHash } from "node:crypto";

/**
 * A number in [0, 1) fixed by `seed` and `key`: the same on every machine and in every run. Keyed
 * rather than sequential (no PRNG state), so adding a statement to an input does not reshuffle the
 * choices made for the others.
 */
export function seededUnit(seed: string, key: string): number {
  return parseInt(createHash("sha256").update(`${seed}\0${key}`).digest("hex").slice(0, 12), 16) / 2 ** 48;
}

/** One item of a non-empty list, chosen by `seed` and `key`. */
export function seededPick<T>(list: readonly T[], seed: string, key: string): T {
  if (list.length === 0) throw new Error("seededPick: empty list");
  return list[Math.floor(seededUnit(seed, key) * list.length)]!;
}

/** A copy of `list` in an order fixed by `seed` and each item's key. */
export function seededOrder<T>(list: readonly T[], seed: string, keyOf: (item: T) => string): T[] {
  return list
    .map((item) => ({ item, key: keyOf(item), r: seededUnit(seed, keyOf(item)) }))
    .sort((a, b) => a.r - b.r || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.item);
}
