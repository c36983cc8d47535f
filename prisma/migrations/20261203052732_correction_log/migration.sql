-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('CORRECTION', 'UPDATE', 'SOURCE_UPDATE');

-- CreateTable
CREATE TABLE "article_corrections" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "note" VARCHAR(500) NOT NULL,
    "editorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "article_corrections_articleId_createdAt_idx" ON "article_corrections"("articleId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "article_corrections_createdAt_idx" ON "article_corrections"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
