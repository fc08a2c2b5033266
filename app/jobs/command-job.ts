import { kebabCase } from "change-case";
import { formatLocation } from "../../lib/diagnostics.js";
import { matchGlobs } from "../../lib/git/match-globs.js";
import { detectTestFramework, scaffoldImplementation, TEST_FRAMEWORK_FILES } from "../../lib/implement/index.js";
import { explainElement, renderExplanation } from "../../lib/jobs/explain-element.js";
import { escapeMentions } from "../../lib/report/escape-markdown.js";
import { COMMAND_HELP, type Command } from "../../lib/jobs/parse-command.js";
import { decomposeStatement } from "../../lib/llm/decompose.js";
import type { AppSettings } from "../app-settings.js";
import { keepForPenult, type RepoClient } from "../github/repo-client.js";
import { llmForJob } from "../llm-from-env.js";
import { runContractsJob } from "./contracts-job.js";
import { loadRepoConfig } from "./load-repo-config.js";
import { compileWithinBudget } from "./plan-with-budget.js";

export interface CommandJobInput {
  client: RepoClient;
  command: Command;
  /** Issue or PR number the command was written on (answers go there). */
  number: number;
  defaultBranch: string;
  settings: AppSettings;
  /** Whose LLM budget the job spends: the installation id. */
  account: string;
}

const ALLOWED = new Set(["admin", "write", "maintain"]);

export interface CommentCommandInput extends CommandJobInput {
  /** Who wrote the comment. */
  user: string;
  /** The comment is on a pull request (forks are refused). */
  isPullRequest: boolean;
  /** `owner/repo` of the repository the webhook came from. */
  repoFullName: string;
}

/**
 * A command written in a comment: runs it for people with write access to the repository, on
 * pull requests that are not from forks; everyone else gets a polite refusal and nothing is written.
 */
export async function runCommentCommand(input: CommentCommandInput): Promise<string> {
  const { client, user } = input;
  const permission = await client.permission(user);
  if (!ALLOWED.has(permission)) {
    const text = `Sorry @${user}, penult runs commands only for people with write access to this repository. Nothing was changed.`;
    await client.comment(input.number, text);
    return text;
  }
  if (input.isPullRequest) {
    const pr = await client.getPull(input.number);
    if (pr.head.repo && pr.head.repo.full_name !== input.repoFullName) {
      const text = `Sorry @${user}, penult does not run commands on pull requests from forks. Nothing was changed.`;
      await client.comment(input.number, text);
      return text;
    }
  }
  return runCommandJob(input);
}

/**
 * Runs one slash command for a user already known to have write access, and answers with one
 * comment. `/implement` opens a follow-up PR on `penult/implement/<name>` and never overwrites
 * existing code; nothing is ever written into the contracts folder.
 */
export async function runCommandJob(input: CommandJobInput): Promise<string> {
  const { client, command } = input;
  const answer = async (text: string) => {
    await client.comment(input.number, text);
    return text;
  };
  if (command.name === "help") return answer(`${command.problem ? `${command.problem}.\n\n` : ""}${COMMAND_HELP}`);

  const head = await client.branchHead(input.defaultBranch);
  if (!head) return answer(`The default branch \`${input.defaultBranch}\` has no commits yet.`);
  if (command.name === "regenerate") {
    const result = await runContractsJob({
      client,
      sha: head,
      defaultBranch: input.defaultBranch,
      force: command.force,
      settings: input.settings,
      account: input.account,
    });
    return answer(`Regenerated from ${head.slice(0, 7)}: ${result.message}${result.pull ? ` (#${result.pull.number})` : ""}.`);
  }

  const archive = await client.downloadArchive(head, input.settings.limits);
  const loaded = await loadRepoConfig({ archive, owner: client.owner, readSharedConfig: () => client.readSharedConfig(), repoName: client.repo });
  if (!loaded.config) return answer(`\`${loaded.file ?? ".github/penult.yml"}\` is invalid, so penult cannot run:\n\n${loaded.diagnostics.map((d) => `- ${d.message}`).join("\n")}`);
  const config = loaded.config;
  const tree = await archive.read(keepForPenult({ statements: matchGlobs(config.statements), output: config.output, templates: config.templates }));
  const compiled = await compileWithinBudget({ tree, label: `${client.owner}/${client.repo}@${head.slice(0, 12)}`, config, settings: input.settings });

  if (command.name === "decompose") {
    const llm = llmForJob({ config, settings: input.settings, account: input.account });
    if (llm.refused) return answer(`\`/penult decompose\` cannot run: ${llm.refused}.`);
    const refusal = input.settings.ledger.refusal(input.account);
    if (refusal) return answer(`\`/penult decompose\` cannot run: ${refusal}.`);
    if (!llm.clients) return answer("`/penult decompose` needs the LLM engine: set `llm: { model: ... }` in `.github/penult.yml`, and OPENAI_BASE_URL / OPENAI_API_KEY where the App runs.");
    const statement = compiled.statements.find((s) => s.id === command.target);
    if (!statement) return answer(`No statement with id \`${command.target}\` on \`${input.defaultBranch}\`. Ids are listed by \`npx penult extract\` and in \`${config.output}/model.json\`.`);
    input.settings.ledger.record(input.account, { requests: 1 });
    const proposal = await decomposeStatement({ statement, ask: llm.clients.decompose });
    if ("error" in proposal) return answer(`Could not decompose \`${statement.id}\`: ${proposal.error}. Nothing was changed.`);
    const branch = `penult/decompose/${kebabCase(statement.id)}`;
    if (await client.branchHead(branch)) return answer(`\`${branch}\` already exists; delete it to propose again.`);
    const commit = await client.commitChanges({
      parent: head,
      baseTree: await client.treeOfCommit(head),
      changes: [{ path: proposal.path, action: "create", content: proposal.content }],
      message: `penult: propose finer statements for ${statement.id}\n\nRequested in #${input.number}. Review before merging: they enter the model only once merged.\n`,
    });
    await client.createBranch(branch, commit);
    const pull = await client.createPull({
      title: `Proposed statements for ${statement.id}`,
      head: branch,
      base: input.defaultBranch,
      body: `Finer statements proposed by the LLM engine (\`${config.llm?.model}\`) for \`${statement.id}\` (${statement.file}:${statement.span.start.line}):\n\n> ${escapeMentions(statement.text).replace(/\n/g, "\n> ")}\n\nEdit them here; they become part of the model (and of the contracts) only when this pull request is merged.`,
    });
    return answer(`Opened #${pull.number} with proposed statements for \`${statement.id}\`.`);
  }

  if (command.name === "explain") {
    const found = explainElement(compiled.model, command.target);
    return answer(renderExplanation(command.target, found, (s) => `../blob/${head}/${s.file}#L${s.line}`));
  }

  const lang = command.lang ?? config.implement.lang;
  // Tests for the framework the repository uses (read from its build files at the same commit).
  const buildFiles = new Set<string>(TEST_FRAMEWORK_FILES);
  const buildTree = await archive.read((p) => buildFiles.has(p));
  const buildText = new Map<string, string>();
  for (const p of await buildTree.listFiles(["*"])) buildText.set(p, new TextDecoder().decode(await buildTree.readFile(p)));
  const { framework } = detectTestFramework({ lang, readFile: (p) => buildText.get(p) });
  const scaffold = scaffoldImplementation({ model: compiled.model, statements: compiled.statements, interfaceName: command.target, lang, config, testFramework: framework });
  const errors = scaffold.diagnostics.filter((d) => d.severity === "error");
  if (errors.length || scaffold.files.length === 0) {
    return answer(`Could not scaffold \`${command.target}\`:\n\n${(errors.length ? errors : scaffold.diagnostics).map((d) => `- ${d.message}`).join("\n") || "- no files to write"}`);
  }
  // Never overwrite: files that already exist on the default branch are left out.
  const paths = new Set(scaffold.files.map((f) => f.path));
  const existing = new Set(await (await archive.read((p) => paths.has(p))).listFiles(["**"]));
  const files = scaffold.files.filter((f) => !existing.has(f.path));
  const skipped = scaffold.files.filter((f) => existing.has(f.path)).map((f) => f.path);
  if (files.length === 0) return answer(`Every file of the \`${command.target}\` scaffold already exists (${skipped.join(", ")}); nothing to do.`);

  const branch = `penult/implement/${kebabCase(command.target)}-${lang}`;
  if (await client.branchHead(branch)) {
    const open = await client.findOpenPull(branch);
    return answer(`\`${branch}\` already exists${open ? ` (#${open.number})` : ""}; delete it to scaffold again.`);
  }
  const commit = await client.commitChanges({
    parent: head,
    baseTree: await client.treeOfCommit(head),
    changes: files.map((f) => ({ path: f.path, action: "create" as const, content: f.content })),
    message: `penult: scaffold ${command.target} (${lang})\n\nRequested in #${input.number}. Every method throws "not implemented"; tests come from the statements' scenarios.\n`,
  });
  await client.createBranch(branch, commit);
  const notes = scaffold.diagnostics.map((d) => `- ${formatLocation(d) ? `${formatLocation(d)}: ` : ""}${d.message}`);
  const pull = await client.createPull({
    title: `Implement ${command.target} (${lang})`,
    head: branch,
    base: input.defaultBranch,
    body: [
      `The n layer for \`${command.target}\`, scaffolded by penult as asked in #${input.number}: every method throws "not implemented", and the tests come from the statements' scenarios and acceptance criteria. Fill in the bodies here; the contracts in \`${config.output}/\` stay abstract.`,
      "",
      "Files:",
      ...files.map((f) => `- \`${f.path}\``),
      ...(skipped.length ? ["", "Left alone (they already exist):", ...skipped.map((p) => `- \`${p}\``)] : []),
      ...(notes.length ? ["", "Notes:", ...notes] : []),
    ].join("\n"),
  });
  return answer(`Opened #${pull.number} with the \`${command.target}\` scaffold (${lang}).`);
}
