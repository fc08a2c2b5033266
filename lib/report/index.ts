/** lib/report: the impact report (data, markdown, JSON). Renderers return text; nothing here talks to GitHub. */
export { buildImpactReport, type BuildImpactReportOptions } from "./build-impact-report.js";
export { renderImpactMarkdown, IMPACT_TEMPLATE, type RenderImpactMarkdownOptions } from "./render-impact-markdown.js";
export { renderImpactJson } from "./render-impact-json.js";
export { renderImpactDiagram } from "./render-impact-diagram.js";
export { diffContractFiles, type ContractFile } from "./diff-contract-files.js";
export { attributeContractFiles, unexplainedLines } from "./attribute-contract-files.js";
export * from "./types.js";
