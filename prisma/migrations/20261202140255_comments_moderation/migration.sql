-- Issue 13: comments and moderation. idempotencyKey is new and NULL on every existing row, so the
-- unique (authorId, idempotencyKey) index cannot meet duplicates (PostgreSQL treats NULLs as distinct).
-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "commentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "commentsClosed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "heldBy" VARCHAR(40),
ADD COLUMN     "heldDetail" VARCHAR(200),
ADD COLUMN     "idempotencyKey" VARCHAR(64);

-- CreateTable
CREATE TABLE "comment_reports" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" VARCHAR(20) NOT NULL,
    "detail" VARCHAR(500) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "comment_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_bans" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),
    "liftedById" TEXT,

    CONSTRAINT "comment_bans_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comment_reports_resolvedAt_createdAt_idx" ON "comment_reports"("resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "comment_reports_commentId_reporterId_key" ON "comment_reports"("commentId", "reporterId");

-- CreateIndex
CREATE INDEX "comment_bans_userId_liftedAt_idx" ON "comment_bans"("userId", "liftedAt");

-- CreateIndex
CREATE INDEX "comments_parentId_status_createdAt_idx" ON "comments"("parentId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "comments_authorId_idempotencyKey_key" ON "comments"("authorId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_bans" ADD CONSTRAINT "comment_bans_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_bans" ADD CONSTRAINT "comment_bans_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_bans" ADD CONSTRAINT "comment_bans_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- commentCount starts from the approved comments already stored
UPDATE "articles" a SET "commentCount" = c.n
FROM (SELECT "articleId", count(*)::int AS n FROM "comments" WHERE "status" = 'APPROVED' GROUP BY "articleId") c
WHERE c."articleId" = a."id";
