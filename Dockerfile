# Byline app image. The production build prerenders public pages from the database
# (cacheComponents), so it runs when the container starts, after migrations, not at image build.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# postinstall generates the Prisma client
RUN npm ci --no-audit --no-fund
EXPOSE 3000
CMD ["sh", "-c", "node scripts/prisma-migrate.mjs deploy && (test -f .next/BUILD_ID || npm run build) && node scripts/serve.mjs"]
