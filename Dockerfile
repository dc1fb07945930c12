# syntax=docker/dockerfile:1
# Argus as a GitHub App server: `docker build -t argus .` then see docs/deploy.md for `docker run`.
# The image registers no App: register it first with `npm start` from a checkout (README > Install).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- Build: all dependencies, compile TypeScript to dist/ ----------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would compile before src/ is here; the build is its own step below, and the
# install layer stays cached until the lock file changes.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- Runtime: production dependencies, compiled code and the files it reads, non-root ------------------------
FROM ${NODE_IMAGE} AS runtime
# HOST: Probot listens on localhost by default, which nothing outside the container can reach.
# LOG_FORMAT: `probot run` logs pretty text unless told otherwise, even in production.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app

# tini runs as PID 1 and passes SIGTERM on: node as PID 1 with no handler would ignore it, and `docker stop`
# would wait for its SIGKILL.
# Semgrep, for the Semgrep pass (`semgrep.enabled: auto` finds it on PATH): a Python package, so it gets
# Debian's Python in its own virtualenv. Pinned; build with --build-arg SEMGREP_SPEC= to leave it out.
ARG SEMGREP_SPEC="semgrep==1.185.0"
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && if [ -n "$SEMGREP_SPEC" ]; then \
         apt-get install -y --no-install-recommends python3 python3-venv \
         && python3 -m venv /opt/semgrep \
         && /opt/semgrep/bin/pip install --no-cache-dir "$SEMGREP_SPEC" \
         && SEMGREP_ENABLE_VERSION_CHECK=0 /opt/semgrep/bin/semgrep --version; \
       fi \
    && rm -rf /var/lib/apt/lists/*
ENV PATH="/opt/semgrep/bin:${PATH}"

COPY package.json package-lock.json ./
# --ignore-scripts is safe: the ast-grep grammars ship prebuilt parsers for linux x64 and arm64 (glibc), and
# `prepare` (the TypeScript build) is the build stage's job.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY app.yml ./
COPY prompts ./prompts
COPY rules ./rules
COPY schema ./schema

# The image's files stay root-owned and read-only to the server.
USER node
EXPOSE 3000
# Probot answers GET /ping with 200 "PONG" (node_modules/probot/lib/server/handlers/ping.js). No curl in the
# slim image, so node's fetch does the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# `npm start` without npm in between, so signals reach the server directly. The V8 flag is the static pass's
# (src/static/heap-tuning.ts says why; a test keeps this line, `npm start` and the CLI launcher in step).
CMD ["node", "--no-allocation-site-pretenuring", "node_modules/probot/bin/probot.js", "run", "./dist/index.js"]
