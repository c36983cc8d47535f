-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('MANUAL', 'AUTOSAVE', 'STATUS', 'RESTORE', 'PENDING_APPLIED');

-- AlterTable
ALTER TABLE "article_revisions" ADD COLUMN     "kind" "RevisionKind" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "status" "ArticleStatus";

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "isContribution" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "missedScheduleAt" TIMESTAMP(3),
ADD COLUMN     "renderVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "media" ADD COLUMN     "animated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "decorative" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "filename" VARCHAR(255),
ADD COLUMN     "variants" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "article_transitions" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "actorId" TEXT,
    "fromStatus" "ArticleStatus",
    "toStatus" "ArticleStatus" NOT NULL,
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "editorial_notes" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" VARCHAR(2000) NOT NULL,
    "mentionedIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "editorial_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "preview_links" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "preview_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_presence" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_presence_pkey" PRIMARY KEY ("articleId","userId")
);

-- CreateTable
CREATE TABLE "article_pending_edits" (
    "articleId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "editorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "article_pending_edits_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(500) NOT NULL DEFAULT '',
    "url" VARCHAR(500),
    "articleId" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "article_transitions_articleId_createdAt_idx" ON "article_transitions"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "editorial_notes_articleId_createdAt_idx" ON "editorial_notes"("articleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "preview_links_tokenHash_key" ON "preview_links"("tokenHash");

-- CreateIndex
CREATE INDEX "preview_links_articleId_createdAt_idx" ON "preview_links"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "article_presence_articleId_seenAt_idx" ON "article_presence"("articleId", "seenAt");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_createdAt_idx" ON "notifications"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "article_revisions_articleId_createdAt_idx" ON "article_revisions"("articleId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "articles_deletedAt_idx" ON "articles"("deletedAt");

-- CreateIndex
CREATE INDEX "articles_updatedAt_idx" ON "articles"("updatedAt" DESC);

-- CreateIndex
CREATE INDEX "media_uploaderId_createdAt_idx" ON "media"("uploaderId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "media_createdAt_idx" ON "media"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_transitions" ADD CONSTRAINT "article_transitions_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_transitions" ADD CONSTRAINT "article_transitions_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "editorial_notes" ADD CONSTRAINT "editorial_notes_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "editorial_notes" ADD CONSTRAINT "editorial_notes_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_presence" ADD CONSTRAINT "article_presence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_presence" ADD CONSTRAINT "article_presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_pending_edits" ADD CONSTRAINT "article_pending_edits_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_pending_edits" ADD CONSTRAINT "article_pending_edits_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: contributions made before the flag existed are the ones audited as contribution.submit.
UPDATE "articles" a SET "isContribution" = true
WHERE EXISTS (
  SELECT 1 FROM "audit_logs" l
  WHERE l."targetType" = 'article' AND l."targetId" = a."id" AND l."action" = 'contribution.submit'
);
