# syntax=docker/dockerfile:1
# Build stage: full dependencies, compile TypeScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --ignore-scripts && npx tsc -p tsconfig.build.json

# Runtime stage: production dependencies only, non-root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app

# Semgrep for the optional Semgrep pass (`semgrep.enabled: auto` finds it on PATH). It is a Python package,
# so it gets Debian's Python in its own virtualenv. Override the version with --build-arg SEMGREP_SPEC=...;
# build with --build-arg SEMGREP_SPEC= (empty) to leave Semgrep out of the image.
ARG SEMGREP_SPEC="semgrep>=1.90,<2"
RUN if [ -n "$SEMGREP_SPEC" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends python3 python3-venv \
      && rm -rf /var/lib/apt/lists/* \
      && python3 -m venv /opt/semgrep \
      && /opt/semgrep/bin/pip install --no-cache-dir "$SEMGREP_SPEC" \
      && /opt/semgrep/bin/semgrep --version; \
    fi
ENV PATH="/opt/semgrep/bin:${PATH}"

COPY package.json package-lock.json ./
# --ignore-scripts is safe for the ast-grep grammars: they ship prebuilt parsers for linux x64/arm64 (glibc).
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY rules ./rules
COPY app.yml ./
USER node
ENTRYPOINT ["node", "bin/argus.js"]
CMD ["--help"]
