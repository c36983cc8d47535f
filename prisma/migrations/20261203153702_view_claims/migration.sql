-- CreateTable
CREATE TABLE "view_claims" (
    "visitor" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "countedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "view_claims_pkey" PRIMARY KEY ("articleId","visitor")
);

-- CreateIndex
CREATE INDEX "view_claims_countedAt_idx" ON "view_claims"("countedAt");

-- AddForeignKey
ALTER TABLE "view_claims" ADD CONSTRAINT "view_claims_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
