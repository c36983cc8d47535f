-- CreateTable
CREATE TABLE "cves" (
    "id" VARCHAR(24) NOT NULL,
    "description" TEXT,
    "cvssVersion" VARCHAR(8),
    "cvssVector" VARCHAR(200),
    "cvssScore" DECIMAL(3,1),
    "severity" VARCHAR(16),
    "affected" JSONB NOT NULL DEFAULT '[]',
    "nvdPublishedAt" TIMESTAMP(3),
    "nvdModifiedAt" TIMESTAMP(3),
    "kevAddedAt" DATE,
    "kevDueDate" DATE,
    "kevRansomware" BOOLEAN,
    "importedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cves_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_cves" (
    "articleId" TEXT NOT NULL,
    "cveId" VARCHAR(24) NOT NULL,

    CONSTRAINT "article_cves_pkey" PRIMARY KEY ("articleId","cveId")
);

-- CreateIndex
CREATE INDEX "cves_kevAddedAt_idx" ON "cves"("kevAddedAt");

-- CreateIndex
CREATE INDEX "article_cves_cveId_idx" ON "article_cves"("cveId");

-- AddForeignKey
ALTER TABLE "article_cves" ADD CONSTRAINT "article_cves_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_cves" ADD CONSTRAINT "article_cves_cveId_fkey" FOREIGN KEY ("cveId") REFERENCES "cves"("id") ON DELETE CASCADE ON UPDATE CASCADE;
