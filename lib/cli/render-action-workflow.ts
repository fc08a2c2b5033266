/**
 * `.github/workflows/penult.yml` as `penult init --action` writes it: the penult GitHub Action on
 * pull requests (checks as annotations, impact preview as the job summary) and on pushes to the
 * default branch (contracts regenerated onto the contracts branch, one pull request). The
 * permissions are the least the Action needs; docs/action.md says why each is there.
 */
export function renderActionWorkflow(options: { defaultBranch: string; action: string }): string {
  return `# penult: statements -> contracts (https://github.com/${options.action.split("@")[0]}, docs/action.md).
# Pull requests: \`penult check\` as annotations on the statement lines, and the contract impact of
# the statement edits in the job summary. Pushes to ${options.defaultBranch}: the contracts regenerated as one
# commit on the contracts branch and one pull request explaining, statement by statement, what changed.
name: penult

on:
  pull_request:
  push:
    branches: [${JSON.stringify(options.defaultBranch)}]
  workflow_dispatch:

permissions:
  contents: write        # read the statements; write the contracts commit and branch (pushes)
  pull-requests: write   # open and update the contracts pull request (pushes); list a pull request's files
  issues: write          # label the contracts pull request \`penult\` (the label is created on first use)

# One run at a time per branch: two pushes must not race for the contracts branch.
concurrency:
  group: penult-\${{ github.ref }}
  cancel-in-progress: false

jobs:
  penult:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: ${options.action}
`;
}
