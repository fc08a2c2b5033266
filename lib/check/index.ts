export { checkContractDir } from "./check-contract-dir.js";
export { detectContractLanguage, findImplementations, type CheckedLanguage, type ContractFile } from "./find-implementations.js";
export { N1_CODES, type N1Code } from "./n1-codes.js";
