/**
 * Which files an emit renders: those of the listed subsystems, plus the whole-model files when
 * `wholeModel` is true. Absent: every file. The compile cache asks only for what changed.
 */
export interface EmitSelection {
  subsystems: ReadonlySet<string>;
  wholeModel: boolean;
}

/** Does this emit render the files of subsystem `id`? */
export function rendersSubsystem(ctx: { select?: EmitSelection }, id: string): boolean {
  return !ctx.select || ctx.select.subsystems.has(id);
}

/** Does this emit render the whole-model files? */
export function rendersWholeModel(ctx: { select?: EmitSelection }): boolean {
  return !ctx.select || ctx.select.wholeModel;
}
