# The penult GitHub App as a container: the webhook process by default, or a queue worker with
#   command: ["node", "dist/app/worker.js"]   (needs REDIS_URL; see docker-compose.yml)
# Build: docker build -t penult-app .        Deploy: docs/deploy.md
# test/app/container.test.ts checks this file and runs its start command (no Docker engine needed).

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# The App's own dependencies (probot, bullmq, ...) are those of the app/ workspace.
COPY app/package.json ./app/
# --ignore-scripts: `prepare` would build before the sources are copied; the build runs below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
COPY app/package.json ./app/
# Runtime dependencies only (penult's and the app/ workspace's), no lifecycle scripts (there is nothing to build here).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist/lib ./dist/lib
COPY --from=build /src/dist/app ./dist/app
COPY templates ./templates
COPY schema ./schema
COPY app.yml ./
# Never root: the image's own unprivileged user.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "node_modules/probot/bin/probot.js", "run", "./dist/app/index.js"]
