# syntax=docker/dockerfile:1
# Byline's image (docs/deploy.md › Docker). The production build is made once, here, never when a
# container starts: `npm run build -- --throwaway-database` builds against an empty, migrated,
# embedded PostgreSQL inside this build and drops the pages prerendered from it, so a container
# renders every page from the real database on its first request (scripts/lib/image-build.mjs).
#
#   deps     all dependencies (npm ci; its postinstall generates the Prisma client)
#   tools    deps + the sources: migrations and the demo seed (compose's one-shot `migrate`)
#   build    tools + the production build, then the dev dependencies pruned
#   runtime  what serves: the build, production dependencies only, a non-root user

FROM node:20-bookworm-slim AS deps
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
RUN chown node:node /app
# node (uid 1000) from here on: PostgreSQL (the build's embedded one) does not run as root
USER node
# only what `npm ci` and its postinstall (prisma generate) read: a change elsewhere keeps this layer
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
COPY --chown=node:node prisma/schema.prisma prisma/schema.prisma
COPY --chown=node:node scripts scripts
RUN npm ci --no-audit --no-fund

FROM deps AS tools
COPY --chown=node:node . .
CMD ["node", "scripts/prisma-migrate.mjs", "deploy"]

FROM tools AS build
# next.config.js reads SITE_URL at build time (Strict-Transport-Security only when it is https);
# everything else reads it when the server runs
ARG SITE_URL=http://localhost:8080
RUN SITE_URL="$SITE_URL" node scripts/build.mjs --throwaway-database \
    && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
# the server writes pages it renders into .next/server/route-cache/ and stages uploads in
# UPLOAD_DIR (.data/uploads/.tmp with S3 too): the app folder belongs to the server's user
# the view log volume (docker-compose.yml): a new volume takes this folder's owner, so the app's
# counter may add and delete its own files there beside the front's log
RUN chown node:node /app && mkdir -p /var/log/byline-views && chown node:node /var/log/byline-views
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
CMD ["node", "scripts/serve.mjs"]
