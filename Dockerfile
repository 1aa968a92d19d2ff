# Production image: one build, run as the API (--role api) or the worker (--role worker).
# Node 24 LTS (.nvmrc). Exactly the locked dependencies (npm ci) in both stages.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
COPY web ./web
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# The web workspace's manifest only: its packages are bundled into web/dist at build time, so
# they are all devDependencies and none is installed here.
COPY web/package.json ./web/
# Production dependencies only. --omit=optional leaves out the embedded PostgreSQL binaries
# (about 60 MB): the image always runs against DATABASE_URL and REDIS_URL, and without them it
# stops with one line asking for DATABASE_URL.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# The image's own non-root user (uid 1000); the app writes nothing to its directory.
USER node
EXPOSE 3000
# curl is not in slim images: Node's fetch asks /health (PostgreSQL and Redis up). The worker
# serves no HTTP: docker-compose.yml turns this check off for it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --max-semi-space-size=16 (MB): V8 sizes the young generation from the machine's memory (two
# 32 MB semi-spaces here), and an API answering requests fills it before each scavenge, so it is
# resident. Its garbage is short-lived (a request's objects), so 16 MB semi-spaces scavenge more
# often at about the same cost and keep the API's RSS under load about 100 MB lower (bench/README.md "memory").
CMD ["node", "--max-semi-space-size=16", "dist/src/main.js", "--role", "api"]
