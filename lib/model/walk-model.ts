import type { Component, Entity, EnumType, Event, Interface, Model, Operation, Subsystem } from "./types.js";

/** Callbacks for `walkModel`; each gets the element and the chain of subsystems above it (root first). */
export interface ModelVisitor {
  /** Return false to skip the subsystem's contents and its sub-subsystems. */
  subsystem?(s: Subsystem, ancestors: readonly Subsystem[]): boolean | void;
  component?(c: Component, ancestors: readonly Subsystem[]): void;
  interface?(i: Interface, component: Component, ancestors: readonly Subsystem[]): void;
  operation?(o: Operation, i: Interface, component: Component, ancestors: readonly Subsystem[]): void;
  entity?(e: Entity, ancestors: readonly Subsystem[]): void;
  enum?(e: EnumType, ancestors: readonly Subsystem[]): void;
  event?(e: Event, ancestors: readonly Subsystem[]): void;
}

/**
 * Visits the model tree depth-first, level by level as stored: a subsystem, then its components
 * (with interfaces and operations), entities, enums and events, then its sub-subsystems.
 */
export function walkModel(model: Model, visitor: ModelVisitor): void {
  const visit = (s: Subsystem, ancestors: Subsystem[]): void => {
    if (visitor.subsystem?.(s, ancestors) === false) return;
    const chain = [...ancestors, s];
    for (const c of s.components) {
      visitor.component?.(c, chain);
      for (const i of c.interfaces) {
        visitor.interface?.(i, c, chain);
        for (const o of i.operations) visitor.operation?.(o, i, c, chain);
      }
    }
    for (const e of s.entities) visitor.entity?.(e, chain);
    for (const e of s.enums) visitor.enum?.(e, chain);
    for (const e of s.events) visitor.event?.(e, chain);
    for (const sub of s.subsystems) visit(sub, chain);
  };
  visit(model.system, []);
}
